using LspGlossary.Core.Features;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Workspace;

namespace LspGlossary.Tests;

/// <summary>The term index over an in-memory workspace, and the pure cores of references, code lens counts and rename.</summary>
public class TermIndexTests
{
    private static readonly WorkspaceFixture Fixture = WorkspaceFixture.Parse("""
        --- docs/a.md
        # Training

        We fine-tune with LoRA, then compare with 低秩适配 and Lora.
        `LoRA` in inline code is code.
        --- docs/b.md
        RAG needs an LLM; LoRA again.
        --- src/train.py
        # LoRA rank 8
        lora_alpha = 16  # not prose: lora_alpha
        x = "LoRA in a string"
        --- notes.txt
        LoRA in a file type we do not serve.
        --- data.ipynb
        {"cells": []}
        """);

    private static TermIndex Build() =>
        TermIndexBuilder.Build(Fixture.Workspace, [Fixture.Workspace.Root], TestSupport.Matcher, null, CancellationToken.None).Index;

    private static string Describe(IEnumerable<Reference> references) =>
        string.Join("; ", references.Select(r => $"{Path.GetRelativePath(Fixture.Workspace.Root, r.Key).Replace('\\', '/')}:{r.Use.Line}:{r.Use.Character}-{r.Use.EndCharacter}{(r.Use.IsWrongSpelling ? " wrong" : "")}{(r.Use.IsExactTerm ? " exact" : "")}"));

    [Fact]
    public void The_index_holds_served_files_only()
    {
        var keys = Build().Files.Keys.Select(k => Path.GetRelativePath(Fixture.Workspace.Root, k).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(["docs/a.md", "docs/b.md", "src/train.py"], keys);
    }

    [Fact]
    public void References_cross_files_spellings_and_languages_but_not_code_or_identifiers() =>
        Assert.Equal("docs/a.md:2:18-22 exact; docs/a.md:2:42-46; docs/a.md:2:51-55 wrong; docs/b.md:0:18-22 exact; src/train.py:0:2-6 exact",
            Describe(References.Find("lora", Build().Files.Values, includeWrongSpellings: true)));

    [Fact]
    public void Wrong_spellings_can_be_left_out() =>
        Assert.DoesNotContain("wrong", Describe(References.Find("lora", Build().Files.Values, includeWrongSpellings: false)));

    [Fact]
    public void An_open_document_replaces_its_file()
    {
        var index = Build();
        string path = Fixture.Workspace.PathOf("docs/b.md");
        var edited = TestSupport.Analyze("No term here.\nBut QLoRA and LoRA.\n");
        var merged = References.Merge(index, [FileTerms.Of(path, edited)]).ToList();
        Assert.Equal(3, merged.Count);
        Assert.Contains("docs/b.md:1:14-18 exact", Describe(References.Find("lora", merged, true)));
        Assert.DoesNotContain("docs/b.md:0:", Describe(References.Find("lora", merged, true)));
    }

    [Fact]
    public void Counts_give_uses_and_files_per_entry()
    {
        var counts = References.Counts(Build().Files.Values, includeWrongSpellings: true);
        Assert.Equal((5, 3), counts["lora"]);
        Assert.Equal((1, 1), counts["rag"]);
        Assert.Equal((4, 3), References.Counts(Build().Files.Values, includeWrongSpellings: false)["lora"]);
        Assert.False(counts.ContainsKey("moe"));
    }

    [Theory]
    [InlineData(0, 0, "no uses")]
    [InlineData(1, 1, "1 use in 1 file")]
    [InlineData(5, 3, "5 uses in 3 files")]
    public void Count_labels(int uses, int files, string label) => Assert.Equal(label, References.CountLabel(uses, files));

    [Fact]
    public void Updating_one_file_keeps_the_others()
    {
        var index = Build();
        string path = Fixture.Workspace.PathOf("docs/b.md");
        var before = index.Files[Fixture.Workspace.PathOf("docs/a.md")];
        var updated = index.With(FileTerms.Of(path, TestSupport.Analyze("Nothing.\n"))).Without(Fixture.Workspace.PathOf("src/train.py"));
        Assert.Same(before, updated.Files[Fixture.Workspace.PathOf("docs/a.md")]);
        Assert.Empty(updated.Files[path].Uses);
        Assert.Equal(2, updated.Files.Count);
        Assert.Equal(3, index.Files.Count); // the old index is unchanged
    }

    [Fact]
    public void Files_that_cannot_be_read_are_skipped_not_fatal()
    {
        var fixture = WorkspaceFixture.Parse("--- big.md\nLoRA\n--- ok.md\nLoRA\n");
        fixture.Workspace.Files[fixture.Workspace.PathOf("big.md")] = new string('x', (int)TermIndexBuilder.MaxFileBytes + 1);
        var (index, report) = TermIndexBuilder.Build(fixture.Workspace, [fixture.Workspace.Root], TestSupport.Matcher, null, CancellationToken.None);
        Assert.Equal(1, report.FilesIndexed);
        Assert.Equal(1, report.FilesSkipped);
        Assert.Single(index.Files);
    }

    [Fact]
    public void A_build_reports_progress_and_can_be_cancelled()
    {
        var seen = new List<(int, int)>();
        TermIndexBuilder.Build(Fixture.Workspace, [Fixture.Workspace.Root], TestSupport.Matcher, (done, total) => seen.Add((done, total)), CancellationToken.None);
        Assert.Equal([(1, 3), (2, 3), (3, 3)], seen);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            TermIndexBuilder.Build(Fixture.Workspace, [Fixture.Workspace.Root], TestSupport.Matcher, null, cancelled.Token));
    }

    private const string TeamYaml = """
        terms:
          - id: zorp
            term: ZORP
            expansion: Zero-Overhead Reward Propagation
            zh: [零开销奖励传播]
            category: training
            definition: { en: A made-up term. }
          - id: quoted
            term: "Blorb"
            category: general
          - id: overlay-only
            definition: { en: Only a definition. }
        """;

    [Fact]
    public void The_entry_under_the_cursor_in_a_glossary_file()
    {
        int offset = TeamYaml.IndexOf("Zero-Overhead", StringComparison.Ordinal);
        Assert.Equal("zorp", References.EntryInGlossaryFile(TeamYaml, "/w/team.glossary.yaml", offset)?.Id);
        Assert.Equal("quoted", References.EntryInGlossaryFile(TeamYaml, "/w/team.glossary.yaml", TeamYaml.IndexOf("Blorb", StringComparison.Ordinal))?.Id);
        Assert.Null(References.EntryInGlossaryFile(TeamYaml, "/w/team.glossary.yaml", 0));
        Assert.Null(References.EntryInGlossaryFile("terms: [", "/w/team.glossary.yaml", 3));
    }

    [Fact]
    public void The_glossary_edit_replaces_the_term_value_and_quotes_when_needed()
    {
        var plain = Rename.GlossaryFileEdit(TeamYaml, "/w/t.glossary.yaml", "zorp", "ZORP-2");
        Assert.Equal("ZORP", TeamYaml.Substring(plain!.Span.Start, plain.Span.Length));
        Assert.Equal("ZORP-2", plain.NewText);
        var quoted = Rename.GlossaryFileEdit(TeamYaml, "/w/t.glossary.yaml", "quoted", "a: b");
        string replaced = TeamYaml[..quoted!.Span.Start] + quoted.NewText + TeamYaml[quoted.Span.End..];
        var reparsed = GlossaryFileParser.Parse(replaced, "/w/t.glossary.yaml");
        Assert.Equal("a: b", reparsed.Entries.Single(e => e.Id == "quoted").Term);
        Assert.Null(Rename.GlossaryFileEdit(TeamYaml, "/w/t.glossary.yaml", "overlay-only", "X"));
        Assert.Null(Rename.GlossaryFileEdit(TeamYaml, "/w/t.glossary.yaml", "absent", "X"));
    }

    [Theory]
    [InlineData("LoRA", "LoRA")]
    [InlineData("Low Rank 2", "Low Rank 2")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("8-bit", "\"8-bit\"")]
    [InlineData("a \"b\" \\c", "\"a \\\"b\\\" \\\\c\"")]
    [InlineData("低秩 适配", "低秩 适配")]
    [InlineData("x # y", "\"x # y\"")]
    public void Yaml_scalars(string value, string written)
    {
        Assert.Equal(written, Rename.YamlScalar(value));
        var parsed = GlossaryFileParser.Parse($"terms:\n  - id: t\n    term: {written}\n", "/w/t.glossary.yaml");
        Assert.Equal(value, parsed.Entries.Single().Term);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("two\nlines", "line break")]
    [InlineData("ZORP", "already 'ZORP'")]
    [InlineData("lora", "already a spelling of 'LoRA'")]
    [InlineData("低秩适配", "already a spelling of 'LoRA'")]
    public void New_names_that_are_refused(string name, string reason) => AssertRefused(name, reason);

    [Fact]
    public void A_new_name_with_a_lone_surrogate_is_refused() => AssertRefused("\ud800x", "not valid Unicode"); // not InlineData: xunit would mangle it

    private static void AssertRefused(string name, string reason)
    {
        var glossary = Glossary.Build([GlossaryFileParser.Parse(File.ReadAllText(TestSupport.FixturePath("test-glossary.yaml")), "test-glossary.yaml"),
            TeamFile()]);
        var entry = glossary.Find("zorp")!;
        Assert.Contains(reason, Rename.CheckNewName(name, entry, glossary));
        Assert.Null(Rename.CheckNewName("ZORP2", entry, glossary));
    }

    private static GlossaryFileResult TeamFile()
    {
        var parsed = GlossaryFileParser.Parse(TeamYaml, "/w/t.glossary.yaml");
        return parsed with { Entries = parsed.Entries.Select(e => e with { IsBundled = false }).ToList() };
    }

    [Fact]
    public void A_bundled_term_is_refused_with_how_to_override_it()
    {
        var refusal = Rename.RefusalFor(TestSupport.Glossary.Find("lora")!);
        Assert.Contains("bundled glossary", refusal);
        Assert.Contains("id: lora", refusal);
        Assert.Contains("*.glossary.yaml", refusal);
    }
}
