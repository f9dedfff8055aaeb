using LspGlossary.Core.Glossary;

namespace LspGlossary.Tests;

/// <summary>Loading glossary files: positioned problems, overlays, and spelling conflicts.</summary>
public class GlossaryLoaderTests
{
    private static GlossaryFileResult Parse(string yaml, string file = "t.yaml") => GlossaryFileParser.Parse(yaml, file);

    private static string Problems(Glossary glossary) => string.Join("\n", glossary.Problems.Select(p => $"{p.Location.Line}:{p.Location.Column} {p.Message}"));

    [Fact]
    public void Reads_every_field()
    {
        var result = Parse("""
            terms:
              - id: lora
                term: LoRA
                expansion: Low-Rank Adaptation
                zh: [低秩适配]
                aliases: [LoRA adapters]
                variants: [Lora]
                category: training
                definition: { zh: 中文, en: English }
                related: []
                references:
                  - { title: Paper, year: 2021, arxiv: "2106.09685" }
                note: A note.
            """);
        Assert.Empty(result.Problems);
        var entry = Assert.Single(result.Entries);
        Assert.Equal(("lora", "LoRA", "Low-Rank Adaptation", "training", "中文", "English", "A note."),
            (entry.Id, entry.Term, entry.Expansion, entry.Category, entry.DefinitionZh, entry.DefinitionEn, entry.Note));
        Assert.Equal(["低秩适配"], entry.ChineseNames);
        Assert.Equal(["Lora"], entry.Variants);
        Assert.Equal(new GlossaryReference("Paper", 2021, "2106.09685", null), Assert.Single(entry.References));
        Assert.Equal(new SourceLocation("t.yaml", 2, 5), entry.Source);
    }

    [Theory]
    [InlineData("terms:\n  - id: a\n    term: A\n    colour: red\n", 4, 5, "Unknown field 'colour'")]
    [InlineData("terms:\n  - term: A\n", 2, 5, "no 'id'")]
    [InlineData("terms:\n  - id: a\n    term: [A, B]\n", 3, 11, "'term' must be a single value")]
    [InlineData("terms:\n  - id: a\n    term: A\n   bad: indent\n", 4, 4, "YAML syntax error")]
    [InlineData("words: []\n", 1, 1, "Unknown top-level field 'words'")]
    [InlineData("terms:\n  - id: Bad_Id\n    term: A\n", 2, 5, "must be lower-case letters")]
    [InlineData("terms:\n  - id: a\n    term: A\n    category: cooking\n", 2, 5, "Unknown category 'cooking'")]
    [InlineData("terms:\n  - id: a\n    term: A\n    references:\n      - year: 2020\n", 5, 9, "needs a 'title'")]
    public void Positioned_problems(string yaml, int line, int column, string message)
    {
        var problem = Assert.Single(Parse(yaml).Problems);
        Assert.Contains(message, problem.Message);
        Assert.Equal((line, column), (problem.Location.Line, problem.Location.Column));
    }

    [Fact]
    public void Cross_entry_problems()
    {
        var glossary = Glossary.Build([Parse("""
            terms:
              - id: a
                term: AAA
                variants: [Bbb]
                related: [missing]
              - id: b
                term: BBB
                aliases: [aaa]
              - id: a
                term: Again
            """)]);
        string problems = Problems(glossary);
        Assert.Contains("9:5 Duplicate id 'a'", problems);
        Assert.Contains("6:5 The spelling 'BBB' of 'b' is already claimed by 'a'", problems);
        Assert.Contains("'aaa' of 'b' is already claimed by 'a'", problems);
        Assert.Contains("'a' is related to 'missing'", problems);
    }

    [Fact]
    public void A_variant_may_not_be_another_entrys_term()
    {
        var glossary = Glossary.Build([Parse("terms:\n  - id: a\n    term: AB\n    variants: [CD]\n  - id: c\n    term: CD\n")]);
        Assert.Contains("The variant 'CD' of 'a' is the canonical term of 'c'", Problems(glossary));
    }

    [Fact]
    public void Later_files_override_and_disable()
    {
        var bundled = Parse("terms:\n  - id: a\n    term: AA\n    definition: { en: Old, zh: 旧 }\n  - id: b\n    term: BB\n", "bundled.yaml");
        var team = Parse("terms:\n  - id: a\n    definition: { en: New }\n  - id: b\n    disabled: true\n  - id: c\n    term: CC\n    definition: { en: C }\n", "team.glossary.yaml");
        var glossary = Glossary.Build([bundled, team]);
        Assert.Empty(glossary.Problems);
        Assert.Equal(["a", "c"], glossary.Entries.Select(e => e.Id));
        var a = glossary.Find("a")!;
        Assert.Equal(("AA", "New", "旧", "team.glossary.yaml"), (a.Term, a.DefinitionEn, a.DefinitionZh, a.Source.File));
    }

    [Fact]
    public void Tags_create_nothing_and_oversized_files_are_refused()
    {
        var tagged = Parse("terms:\n  - id: !!python/object:os.system a\n    term: !custom A\n");
        Assert.Equal("a", Assert.Single(tagged.Entries).Id);
        var big = Parse(new string('#', GlossaryFileParser.MaxFileChars + 1));
        Assert.Contains("larger than", Assert.Single(big.Problems).Message);
    }

    [Fact]
    public void Aliases_do_not_multiply_work()
    {
        // A "billion laughs" shape: every level refers to the one before nine times.
        var yaml = new System.Text.StringBuilder("a0: &a0 [x]\n");
        for (int i = 1; i < 10; i++) yaml.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        yaml.Append("terms: []\n");
        var result = Parse(yaml.ToString());
        Assert.Equal(10, result.Problems.Count); // ten unknown top-level fields, found without expanding anything
    }
}

public class GlossaryLoaderBoundsTests
{
    [Fact]
    public void Deep_nesting_is_refused_without_recursing()
    {
        var result = GlossaryFileParser.Parse("terms: " + new string('[', 200_000) + new string(']', 200_000) + "\n", "deep.yaml");
        var problem = Assert.Single(result.Problems);
        Assert.Contains("nested deeper", problem.Message);
        Assert.Equal(1, problem.Location.Line);
    }

    [Fact]
    public void Many_aliases_are_refused()
    {
        var yaml = "a: &x [1]\nterms: [" + string.Join(", ", Enumerable.Repeat("*x", 500)) + "]\n";
        Assert.Contains("aliases", Assert.Single(GlossaryFileParser.Parse(yaml, "aliases.yaml").Problems).Message);
    }

    [Fact]
    public void An_aliased_long_list_does_not_expand()
    {
        // One anchored list of 60,000 variants, aliased by 100 entries: 6 million spellings if expanded.
        var yaml = new System.Text.StringBuilder("terms:\n  - id: e0\n    term: E0\n    definition: { en: x }\n    variants: &v [");
        yaml.AppendJoin(", ", Enumerable.Range(0, 60_000).Select(i => $"v{i}"));
        yaml.Append("]\n");
        for (int i = 1; i < 100; i++) yaml.Append($"  - id: e{i}\n    term: E{i}\n    definition: {{ en: x }}\n    variants: *v\n");
        var result = GlossaryFileParser.Parse(yaml.ToString(), "bomb.yaml");
        Assert.True(result.Entries.Sum(e => e.Variants.Count) <= GlossaryFileParser.MaxListItemsPerFile);
        Assert.Contains(result.Problems, p => p.Message.Contains($"at most {GlossaryFileParser.MaxListItems}"));
        Assert.True(result.Problems.Count <= GlossaryFileParser.MaxProblems + 1, $"{result.Problems.Count} problems");
    }

    [Fact]
    public void Problems_are_capped_per_file()
    {
        var yaml = string.Concat(Enumerable.Range(0, 300).Select(i => $"field{i}: 1\n"));
        var result = GlossaryFileParser.Parse(yaml, "noisy.yaml");
        Assert.Equal(GlossaryFileParser.MaxProblems + 1, result.Problems.Count);
        Assert.Contains("200 more problems", result.Problems[^1].Message);
    }

    [Fact]
    public void Lists_within_the_limits_load_whole_until_the_file_budget_is_spent()
    {
        // 100 aliases of a list of MaxListItems items stay within the per-file budget; the items are all read.
        var items = string.Join(", ", Enumerable.Range(0, GlossaryFileParser.MaxListItems).Select(i => $"w{i}"));
        var yaml = new System.Text.StringBuilder($"terms:\n  - id: e0\n    term: E0\n    definition: {{ en: x }}\n    aliases: &a [{items}]\n");
        for (int i = 1; i < 100; i++) yaml.Append($"  - id: e{i}\n    term: E{i}\n    definition: {{ en: x }}\n    aliases: *a\n");
        var result = GlossaryFileParser.Parse(yaml.ToString(), "many.yaml");
        Assert.Empty(result.Problems);
        Assert.All(result.Entries, e => Assert.Equal(GlossaryFileParser.MaxListItems, e.Aliases.Count));
    }

    [Fact]
    public void A_long_token_is_quoted_shortened()
    {
        string key = new('k', 5000);
        var problem = Assert.Single(GlossaryFileParser.Parse($"{key}: 1\n", "long.yaml").Problems);
        Assert.True(problem.Message.Length < 200, problem.Message);
    }
}
