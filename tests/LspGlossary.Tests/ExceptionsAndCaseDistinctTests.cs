using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;

namespace LspGlossary.Tests;

/// <summary>
/// An entry's <c>exceptions</c> (longer phrases that contain a spelling but are not the term), and acronym-like
/// spellings that differ only in capitals belonging to different entries (XAI and xAI).
/// </summary>
public class ExceptionsAndCaseDistinctTests
{
    private const string Yaml = """
        terms:
          - id: alignment
            term: alignment
            zh: [对齐]
            exceptions: [精度对齐, 对齐方式, memory alignment]
            definition: { en: x }
          - id: inference
            term: inference
            zh: [推理, 推断]
            exceptions: [类型推断]
            definition: { en: x }
          - id: xai
            term: XAI
            expansion: Explainable AI
            definition: { en: x }
          - id: xai-company
            term: xAI
            category: product
            definition: { en: x }
        """;

    private static Glossary Build(string yaml) => Glossary.Build([GlossaryFileParser.Parse(yaml, "g.yaml")]);

    private static string Find(string text)
    {
        var glossary = Build(Yaml);
        Assert.Empty(glossary.Problems);
        var matches = new TermMatcher(glossary).FindAll(text, new DocumentRegions([new(0, text.Length)], []));
        return matches.Count == 0 ? "-" : string.Join(" ", matches.Select(m =>
            $"{text.Substring(m.Span.Start, m.Span.Length)}={m.Entry.Id}{(m.IsWrongSpelling ? ":wrong" : "")}"));
    }

    [Theory]
    [InlineData("模型对齐很重要", "对齐=alignment")]
    [InlineData("先做精度对齐，再做对齐", "对齐=alignment")]
    [InlineData("对齐方式不同", "-")]
    [InlineData("类型推断和推断", "推断=inference")]
    [InlineData("Memory Alignment matters; alignment too", "alignment=alignment")]
    [InlineData("xAI builds Grok; XAI explains models", "xAI=xai-company XAI=xai")]
    [InlineData("Explainable AI", "Explainable AI=xai")]
    [InlineData("xai is a package", "-")]
    public void Finds(string text, string expected) => Assert.Equal(expected, Find(text));

    [Fact]
    public void A_case_variant_of_a_shared_acronym_is_still_flagged()
    {
        // "XAi" is neither XAI nor xAI: a wrong casing of one of them.
        Assert.EndsWith(":wrong", Find("XAi"));
    }

    [Fact]
    public void An_exception_that_is_another_entrys_spelling_is_reported()
    {
        var glossary = Build("""
            terms:
              - { id: a, term: 对齐, exceptions: [模型对齐], definition: { en: x } }
              - { id: b, term: 模型对齐, definition: { en: x } }
            """);
        Assert.Contains(glossary.Problems, p => p.Message.Contains("'模型对齐' of 'a' is a spelling of 'b'"));
    }

    [Fact]
    public void An_exception_without_the_entrys_spelling_is_a_warning()
    {
        var glossary = Build("""
            terms:
              - { id: a, term: 对齐, exceptions: [精度], definition: { en: x } }
            """);
        var problem = Assert.Single(glossary.Problems);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Contains("never applies", problem.Message);
    }

    [Fact]
    public void Spellings_that_differ_only_in_case_conflict_unless_both_are_acronyms()
    {
        var glossary = Build("""
            terms:
              - { id: a, term: Router, definition: { en: x } }
              - { id: b, term: router, definition: { en: x } }
              - { id: c, term: XAI, definition: { en: x } }
              - { id: d, term: xAI, definition: { en: x } }
            """);
        var problem = Assert.Single(glossary.Problems);
        Assert.Contains("'router' of 'b' is already claimed by 'a'", problem.Message);
    }

    [Fact]
    public void A_workspace_overlay_replaces_the_exceptions()
    {
        var bundled = GlossaryFileParser.Parse(Yaml, "bundled.yaml");
        var team = GlossaryFileParser.Parse("terms:\n  - { id: alignment, exceptions: [对齐方式] }\n", "team.glossary.yaml");
        var glossary = Glossary.Build([bundled, team]);
        Assert.Equal(["对齐方式"], glossary.Find("alignment")!.Exceptions);
    }
}
