using LspGlossary.Core.Glossary;

namespace LspGlossary.Tests;

/// <summary>The prh dictionary that the benchmark gives textlint-rule-prh.</summary>
public class PrhExportTests
{
    [Fact]
    public void Variants_and_case_forms_become_word_bounded_patterns()
    {
        var lora = TestSupport.Glossary.Entries.Single(e => e.Term == "LoRA");
        Assert.Equal(
            [
                "/(?<!\\w)Lora(s?)(?!\\w)/",
                "/(?<!\\w)LoRa(s?)(?!\\w)/",
                "/(?<!\\w)(?!(?:LoRA|Lora|LoRa|lora)s?(?!\\w))[Ll][Oo][Rr][Aa](s?)(?!\\w)/",
            ],
            PrhExport.Patterns(lora));
    }

    [Fact]
    public void The_dictionary_is_prh_yaml()
    {
        string yaml = PrhExport.Create(TestSupport.Glossary);
        Assert.StartsWith("# prh dictionary", yaml);
        Assert.Contains("version: 1\nrules:\n", yaml);
        Assert.Contains("  - expected: 'LoRA$1'\n    patterns:\n      - '/(?<!\\w)Lora(s?)(?!\\w)/'\n", yaml);
        Assert.DoesNotContain("expected: 'token", yaml); // plain words have no wrong spellings
    }

    [Fact]
    public void Each_replacement_has_its_own_rule()
    {
        var entry = new GlossaryEntry
        {
            Id = "tree-of-thoughts",
            Term = "Tree of Thoughts",
            Aliases = ["ToT"],
            Variants = ["Tree of Thought"],
            Source = new SourceLocation("test.yaml", 1, 1),
        };
        var rules = PrhExport.Rules(entry);
        Assert.Equal(["Tree of Thoughts", "ToT"], rules.Select(r => r.Expected));
        Assert.Equal("/(?<!\\w)(?!(?:ToT|tot)s?(?!\\w))[Tt][Oo][Tt](s?)(?!\\w)/", Assert.Single(rules[1].Patterns));
    }
}
