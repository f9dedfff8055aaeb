using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Tests;

/// <summary>
/// The edits of the team glossary (<see cref="TeamGlossaryEdits"/>): on every shape of file the new text parses without
/// errors and holds the intended entry, the rest of the text is kept, and the glossary built with it does what the
/// quick fix said (the accepted spelling is no longer a finding).
/// </summary>
public class TeamGlossaryEditTests
{
    private const string Path = "/ws/team.glossary.yaml";

    private static TeamGlossaryFile File(string? text)
    {
        var file = TeamGlossaryFile.Read(Path, text, out string? refusal);
        Assert.True(file is not null, refusal);
        return file!;
    }

    private static GlossaryEntry Lora => TestSupport.Glossary.Find("lora")!;

    private static GlossaryEntry Parsed(string text, string id)
    {
        var parsed = GlossaryFileParser.Parse(text, Path);
        Assert.False(parsed.HasErrors, string.Join("; ", parsed.Problems));
        return Assert.Single(parsed.Entries, e => e.Id == id);
    }

    /// <summary>Every shape of team glossary the edits must keep valid.</summary>
    public static TheoryData<string, string> Shapes => new()
    {
        { "absent", "" },
        { "empty", "" },
        { "comments only", "# Our terms, soon.\n" },
        { "null terms", "terms:\n" },
        { "empty flow terms", "terms: []\n" },
        { "empty flow terms with a comment", "terms: [] # none yet\n" },
        { "block entries", "terms:\n  - id: zorp\n    term: ZORP\n    definition: { en: A team term. }\n" },
        { "entry with block lists", "terms:\n  - id: lora\n    aliases:\n      - Low rank\n    exceptions:\n      - LoRA-free\n" },
        { "entry with flow lists", "terms:\n  - id: lora\n    aliases: [Low rank, \"L-R\"]\n" },
        { "entry with an empty flow list", "terms:\n  - id: lora\n    aliases: []\n" },
        { "entry with a single alias", "terms:\n  - id: lora\n    aliases: Low rank\n" },
        { "entry with an empty alias value", "terms:\n  - id: lora\n    aliases:\n    note: later\n" },
        { "quoted scalars", "terms:\n  - id: \"lora\"\n    note: 'Team: \"quoted\"'\n    disabled: false\n" },
        { "comments", "# Team terms\nterms:\n  # ours\n  - id: zorp # inline\n    term: ZORP\n    definition: { en: A team term. }\n  # trailing comment\n# end\n" },
        { "no last line break", "terms:\n  - id: zorp\n    term: ZORP\n    definition: { en: A team term. }" },
        { "CRLF", "terms:\r\n  - id: zorp\r\n    term: ZORP\r\n    definition: { en: A team term. }\r\n" },
        { "CRLF entry without last line break", "terms:\r\n  - id: lora\r\n    aliases: [Low rank]" },
        { "compact list", "terms:\n- id: zorp\n  term: ZORP\n  definition: { en: A team term. }\n" },
        { "flow entry", "terms:\n  - { id: lora, aliases: [x] }\n" },
        { "flow terms", "terms: [{ id: zorp, term: ZORP, definition: { en: A team term. } }]\n" },
        { "entry ending in a block scalar", "terms:\n  - id: lora\n    note: |\n      A note\n      of two lines.\n" },
        { "entry ending in a nested mapping", "terms:\n  - id: lora\n    definition:\n      en: Ours.\n" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_edit_keeps_the_file_valid_and_writes_the_intended_entry(string shape, string text)
    {
        var file = File(shape == "absent" ? null : text);
        string original = text;

        var accept = TeamGlossaryEdits.AcceptSpelling(file, Lora, "Lora");
        Assert.True(accept is not null, $"{shape}: accept");
        var accepted = Parsed(accept!.NewFileText, "lora");
        Assert.Contains("Lora", accepted.Aliases);

        var disable = TeamGlossaryEdits.Disable(file, "lora");
        Assert.True(disable is not null, $"{shape}: disable");
        Assert.True(Parsed(disable!.NewFileText, "lora").Disabled);

        var add = TeamGlossaryEdits.AddTerm(file, "ZQX", TestSupport.Glossary);
        Assert.True(add is not null, $"{shape}: add");
        var added = Parsed(add!.NewFileText, "zqx");
        Assert.Equal("ZQX", added.Term);
        Assert.Equal("general", added.Category);
        Assert.Equal(TeamGlossaryEdits.PlaceholderFor("ZQX"), add.Replacement.NewText.Substring(add.Placeholder!.Value.Start, add.Placeholder.Value.Length));

        foreach (var edit in new[] { accept, disable, add })
        {
            // Only the replaced span changes, and the file's other entries are still there.
            var span = edit.Replacement.Span;
            Assert.Equal(original[..span.Start] + edit.Replacement.NewText + original[span.End..], edit.NewFileText);
            foreach (var entry in GlossaryFileParser.Parse(original, Path).Entries) Assert.Contains(GlossaryFileParser.Parse(edit.NewFileText, Path).Entries, e => e.Id == entry.Id);
            if (original.Contains("\r\n")) Assert.DoesNotContain("\n", edit.NewFileText.Replace("\r\n", ""));
            else Assert.DoesNotContain("\r", edit.NewFileText);
        }
    }

    [Fact]
    public void A_new_file_and_an_overlay_are_written_like_the_bundled_files()
    {
        var accept = TeamGlossaryEdits.AcceptSpelling(File(null), Lora, "Lora")!;
        Assert.Equal("terms:\n  - id: lora\n    aliases: [Lora]\n", accept.NewFileText);

        const string team = "terms:\n  - id: zorp\n    term: ZORP\n    definition: { en: A team term. }\n";
        var disable = TeamGlossaryEdits.Disable(File(team), "lora")!;
        Assert.Equal(team + "  - id: lora\n    disabled: true\n", disable.NewFileText);

        var add = TeamGlossaryEdits.AddTerm(File("terms: []\n"), "ZQX", TestSupport.Glossary)!;
        Assert.Equal("terms:\n  - id: zqx\n    term: ZQX\n    category: general\n    definition: { en: \"TODO: what ZQX means\" }\n", add.NewFileText);
    }

    [Fact]
    public void Edits_of_an_existing_entry_extend_its_lists_and_set_its_flag()
    {
        Assert.Equal("terms:\n  - id: lora\n    aliases:\n      - Low rank\n      - Lora\n",
            TeamGlossaryEdits.AcceptSpelling(File("terms:\n  - id: lora\n    aliases:\n      - Low rank\n"), Lora, "Lora")!.NewFileText);
        Assert.Equal("terms:\n  - id: lora\n    aliases: [Low rank, Lora]\n",
            TeamGlossaryEdits.AcceptSpelling(File("terms:\n  - id: lora\n    aliases: [Low rank]\n"), Lora, "Lora")!.NewFileText);
        Assert.Equal("terms:\n  - id: lora\n    note: ours\n    disabled: true\n",
            TeamGlossaryEdits.Disable(File("terms:\n  - id: lora\n    note: ours\n"), "lora")!.NewFileText);
        Assert.Equal("terms:\n  - id: lora\n    disabled: true # was false\n",
            TeamGlossaryEdits.Disable(File("terms:\n  - id: lora\n    disabled: false # was false\n"), "lora")!.NewFileText);
        Assert.Equal("terms:\n  - { id: lora, aliases: [x, Lora] }\n",
            TeamGlossaryEdits.AcceptSpelling(File("terms:\n  - { id: lora, aliases: [x] }\n"), Lora, "Lora")!.NewFileText);
        // Values that YAML would misread are quoted.
        var odd = TeamGlossaryEdits.AcceptSpelling(File(null), Lora, "yes: #1, \"LoRA\"")!;
        Assert.Contains("yes: #1, \"LoRA\"", Parsed(odd.NewFileText, "lora").Aliases);
    }

    [Fact]
    public void An_overlay_keeps_the_aliases_the_entry_had()
    {
        var glossary = Glossary.Build([GlossaryFileParser.Parse("terms:\n  - id: tot\n    term: Tree of Thoughts\n    aliases: [ToT]\n    variants: [TOT]\n    definition: { en: x }\n", "base.yaml")]);
        var edit = TeamGlossaryEdits.AcceptSpelling(File(null), glossary.Find("tot")!, "TOT")!;
        Assert.Equal(["ToT", "TOT"], Parsed(edit.NewFileText, "tot").Aliases);
    }

    [Fact]
    public void An_accepted_spelling_that_was_a_variant_is_no_longer_a_finding()
    {
        var edit = TeamGlossaryEdits.AcceptSpelling(File(null), Lora, "Lora")!;
        var base_ = GlossaryFileParser.Parse(System.IO.File.ReadAllText(TestSupport.FixturePath("test-glossary.yaml")), "test-glossary.yaml");
        var glossary = Glossary.Build([base_, GlossaryFileParser.Parse(edit.NewFileText, Path)]);
        Assert.DoesNotContain(glossary.Problems, p => p.Severity == ProblemSeverity.Error);
        var lora = glossary.Find("lora")!;
        Assert.Contains("Lora", lora.Aliases);
        Assert.DoesNotContain("Lora", lora.Variants);
        Assert.Contains("LoRa", lora.Variants);

        var analysis = TestSupport.Analyze("We use Lora and LoRa.", matcher: new TermMatcher(glossary));
        var finding = Assert.Single(Diagnostics.Compute(analysis, Severity.Warning));
        Assert.Equal("LoRa", finding.Found);
        Assert.Equal(MatchKind.Accepted, analysis.MatchAt(8)!.Value.Kind);
    }

    [Fact]
    public void A_new_term_gets_a_free_id_and_no_id_when_its_name_makes_none()
    {
        Assert.Equal("lora-2", TeamGlossaryEdits.NewId(File(null), "LORA", TestSupport.Glossary));
        Assert.Equal("zqx-2", TeamGlossaryEdits.NewId(File("terms:\n  - id: zqx\n    term: Zqx thing\n    definition: { en: x }\n"), "ZQX", TestSupport.Glossary));
        Assert.Null(TeamGlossaryEdits.NewId(File(null), "A/B", TestSupport.Glossary));
        Assert.Null(TeamGlossaryEdits.AddTerm(File(null), "A/B", TestSupport.Glossary));
    }

    [Theory]
    [InlineData("terms: [\n")]
    [InlineData("terms:\n  - term: no id\n")]
    [InlineData("other: 1\n")]
    public void A_file_that_does_not_load_is_not_edited(string text)
    {
        Assert.Null(TeamGlossaryFile.Read(Path, text, out string? refusal));
        Assert.Contains(Path, refusal);
    }

    [Fact]
    public void A_huge_file_is_not_edited()
    {
        string text = "terms:\n" + new string('#', TeamGlossaryFile.MaxChars);
        Assert.Null(TeamGlossaryFile.Read(Path, text, out string? refusal));
        Assert.Contains("larger", refusal);
    }

    [Fact]
    public void A_snippet_escapes_its_text_and_marks_the_placeholder()
    {
        string text = "a $x } \\ { en: \"TODO\" }";
        int at = text.IndexOf("TODO", StringComparison.Ordinal);
        Assert.Equal("a \\$x \\} \\\\ { en: \"${1:TODO}\" \\}", TeamGlossaryEdits.Snippet(text, new TextSpan(at, 4)));
    }
}
