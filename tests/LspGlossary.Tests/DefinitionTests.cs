using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;
using Xunit;

namespace LspGlossary.Tests;

/// <summary>Go to definition (<see cref="Definition"/>): expected is "file:line:column" of the entry, or "-" for none.</summary>
public class DefinitionTests
{
    private static readonly string GlossaryPath = Path.Combine(Path.GetTempPath(), "team.glossary.yaml");

    private const string Yaml = "terms:\n  - id: lora\n    term: LoRA\n    variants: [Lora]\n  - id: moe\n    term: MoE\n";

    private static void Check(string fixture, string expected, string file, bool includeEmbedded = false)
    {
        var (text, offset) = TestSupport.Cursor(fixture);
        var glossary = Glossary.Build([GlossaryFileParser.Parse(Yaml, file)]);
        var analysis = DocumentAnalysis.Analyze(new TextDocument("file:///test.md", "markdown", 1, text), new TermMatcher(glossary));
        var source = Definition.Compute(analysis, offset, includeEmbedded);
        Assert.Equal(expected, source is { } s ? $"{Path.GetFileName(s.File)}:{s.Line}:{s.Column}" : "-");
    }

    [Fact] public void A_term_goes_to_its_entry() => Check("We tune with Lo$0RA.", "team.glossary.yaml:2:5", GlossaryPath);
    [Fact] public void A_variant_goes_to_its_entry() => Check("And Lora$0 too, with MoE.", "team.glossary.yaml:2:5", GlossaryPath);
    [Fact] public void The_second_entry() => Check("With M$0oE.", "team.glossary.yaml:5:5", GlossaryPath);
    [Fact] public void No_term_no_definition() => Check("We $0tune.", "-", GlossaryPath);
    [Fact] public void An_embedded_entry_has_no_file_to_go_to() => Check("We tune with Lo$0RA.", "-", "training.yaml");
    [Fact] public void An_embedded_entry_goes_to_its_file_when_asked_for() => Check("We tune with Lo$0RA.", "training.yaml:2:5", "glossary/training.yaml", includeEmbedded: true);
    [Fact] public void Asking_for_embedded_entries_changes_nothing_on_disk() => Check("With M$0oE.", "team.glossary.yaml:5:5", GlossaryPath, includeEmbedded: true);
    [Fact] public void No_term_no_definition_when_asked_for_embedded_entries() => Check("We $0tune.", "-", "glossary/training.yaml", includeEmbedded: true);
}
