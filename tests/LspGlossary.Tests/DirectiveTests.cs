using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;
using Xunit;

namespace LspGlossary.Tests;

/// <summary>
/// The one directive grammar (<see cref="Directives"/>), in Markdown's HTML comments and in code comments alike:
/// expected is "found->replacement" per diagnostic, "-" for none.
/// </summary>
public class DirectiveTests
{
    private static void Check(string text, string expected, string languageId = "markdown")
    {
        var diagnostics = Diagnostics.Compute(TestSupport.Analyze(text, languageId), Severity.Warning);
        Assert.Equal(expected, diagnostics.Count == 0 ? "-" : string.Join(" ", diagnostics.Select(d => $"{d.Found}->{d.Replacement}")));
    }

    [Theory]
    [InlineData("glossary-disable-next-line", "DisableNextLine", "")]
    [InlineData("  GLOSSARY-Disable  ", "Disable", "")]
    [InlineData("glossary-enable", "Enable", "")]
    [InlineData("glossary-disable-next-line: quoted from a paper", "DisableNextLine", "")]
    [InlineData("glossary-disable-next-line -- quoted", "DisableNextLine", "")]
    [InlineData("glossary-disable-next-line LoRA", "DisableNextLine", "LoRA")]
    [InlineData("glossary-disable-next-line LoRA, KV cache: the radio", "DisableNextLine", "LoRA|KV cache")]
    [InlineData("glossary-disable Moe -- a name", "Disable", "Moe")]
    [InlineData(" * glossary-enable LoRA", "Enable", "LoRA")]
    [InlineData("- glossary-disable -", "Disable", "")]
    public void A_line_is_a_directive(string line, string kind, string terms)
    {
        Assert.True(Directives.TryParseLine(line, out var parsedKind, out var parsedTerms));
        Assert.Equal(kind, parsedKind.ToString());
        Assert.Equal(terms, string.Join("|", parsedTerms));
    }

    [Theory]
    [InlineData("glossary-disable-all")]
    [InlineData("glossary-disabled")]
    [InlineData("glossary disable")]
    [InlineData("see glossary-disable")]
    [InlineData("glossary-enable-next-line")]
    [InlineData("")]
    public void A_line_is_not_a_directive(string line) => Assert.False(Directives.TryParseLine(line, out _, out _));

    // ----- The same grammar in both syntaxes -----

    [Theory]
    [InlineData("<!-- glossary-disable-next-line -->\nLora and Moe\nQlora\n", "markdown")]
    [InlineData("<!-- GLOSSARY-DISABLE-NEXT-LINE -->\nLora and Moe\nQlora\n", "markdown")]
    [InlineData("<!-- glossary-disable-next-line: quoted -->\nLora and Moe\nQlora\n", "markdown")]
    [InlineData("<!-- glossary-disable-next-line -- quoted -->\nLora and Moe\nQlora\n", "markdown")]
    [InlineData("# glossary-disable-next-line\n# Lora and Moe\n# Qlora\n", "python")]
    [InlineData("# GLOSSARY-DISABLE-NEXT-LINE\n# Lora and Moe\n# Qlora\n", "python")]
    [InlineData("# glossary-disable-next-line: quoted\n# Lora and Moe\n# Qlora\n", "python")]
    [InlineData("// glossary-disable-next-line -- quoted\n// Lora and Moe\n// Qlora\n", "csharp")]
    [InlineData("/**\n * glossary-disable-next-line\n */\n// Lora and Moe\n// Qlora\n", "typescript")]
    public void Disable_next_line_with_any_case_and_a_reason(string text, string languageId) => Check(text, "Qlora->QLoRA", languageId);

    [Theory]
    [InlineData("<!-- glossary-disable-next-line LoRA -->\nLora and Moe\nLora\n", "markdown")]
    [InlineData("<!-- glossary-disable-next-line lora: a radio -->\nLora and Moe\nLora\n", "markdown")]
    [InlineData("# glossary-disable-next-line LoRA\n# Lora and Moe\n# Lora\n", "python")]
    [InlineData("// glossary-disable-next-line lora -- any case names the entry\n// Lora and Moe\n// Lora\n", "go")]
    [InlineData("```python\n# glossary-disable-next-line LoRA\n# Lora and Moe\n# Lora\n```\n", "markdown")]
    public void Disable_next_line_for_one_term(string text, string languageId) => Check(text, "Moe->MoE Lora->LoRA", languageId);

    [Theory]
    [InlineData("<!-- glossary-disable-next-line LoRA, MoE -->\nLora and Moe and Qlora\n", "markdown")]
    [InlineData("# glossary-disable-next-line LoRA, MoE\n# Lora and Moe and Qlora\n", "python")]
    public void Disable_next_line_for_several_terms(string text, string languageId) => Check(text, "Qlora->QLoRA", languageId);

    [Theory]
    [InlineData("<!-- glossary-disable LoRA -->\nLora, Moe\n\nLora\n<!-- glossary-enable LoRA -->\nLora\n", "markdown")]
    [InlineData("# glossary-disable LoRA\n# Lora, Moe\n\n# Lora\n# glossary-enable LoRA\n# Lora\n", "shellscript")]
    public void Disable_and_enable_one_term(string text, string languageId) => Check(text, "Moe->MoE Lora->LoRA", languageId);

    [Theory]
    [InlineData("<!-- glossary-disable LoRA -->\n<!-- glossary-disable -->\nLora Moe\n<!-- glossary-enable -->\nLora Moe\n", "Lora->LoRA Moe->MoE")]
    [InlineData("<!-- glossary-disable -->\n<!-- glossary-disable LoRA -->\nLora Moe\n<!-- glossary-enable LoRA -->\nLora Moe\n", "-")]
    [InlineData("<!-- glossary-disable LoRA -->\nLora\n<!-- glossary-enable MoE -->\nLora Moe\n", "Moe->MoE")]
    [InlineData("<!-- glossary-enable LoRA -->\nLora\n", "Lora->LoRA")]
    [InlineData("<!-- glossary-disable LoRA -->\nLora\n<!-- glossary-disable LoRA -->\nLora\n<!-- glossary-enable LoRA -->\nLora\n", "Lora->LoRA")]
    [InlineData("<!-- glossary-disable MoE -->\nLora Moe\n", "Lora->LoRA")]
    public void Nested_and_unbalanced(string text, string expected) => Check(text, expected);

    [Theory]
    [InlineData("// glossary-disable LoRA\n// Lora\n/* glossary-disable */\n// Lora Moe\n// glossary-enable\n// Lora Moe\n", "Lora->LoRA Moe->MoE")]
    [InlineData("# glossary-enable LoRA\n# Lora\n", "Lora->LoRA")]
    public void Nested_and_unbalanced_in_code(string text, string expected) => Check(text, expected, text.StartsWith('#') ? "python" : "csharp");

    [Fact]
    public void A_name_that_is_no_term_silences_nothing() => Check("<!-- glossary-disable-next-line because -->\nLora\n", "Lora->LoRA");

    [Fact]
    public void Text_before_the_keyword_makes_no_directive() => Check("# see glossary-disable-next-line\n# Lora\n", "Lora->LoRA", "python");
}
