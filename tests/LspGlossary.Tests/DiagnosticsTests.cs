using LspGlossary.Core.Features;
using LspGlossary.Core.Text;

namespace LspGlossary.Tests;

/// <summary>Diagnostics and their fixes: expected is "found->replacement" per diagnostic; "-" for none.</summary>
public class DiagnosticsTests
{
    private static List<GlossaryDiagnostic> Compute(string text, string languageId = "markdown") =>
        Diagnostics.Compute(TestSupport.Analyze(text, languageId), Severity.Warning);

    private static void Check(string text, string expected, string languageId = "markdown")
    {
        var diagnostics = Compute(text, languageId);
        string actual = diagnostics.Count == 0 ? "-" : string.Join(" ", diagnostics.Select(d => $"{d.Found}->{d.Replacement}"));
        Assert.Equal(expected, actual);
    }

    [Fact] public void Variant_glued_to_chinese() => Check("使用Lora微调", "Lora->LoRA");
    [Fact] public void Case_variant() => Check("We use LORA and QLORA.", "LORA->LoRA QLORA->QLoRA");
    [Fact] public void Plural_keeps_its_s() => Check("Two Loras", "Loras->LoRAs");
    [Fact] public void Canonical_is_fine() => Check("We use LoRA, QLoRA, MoE and the KV cache.", "-");
    [Fact] public void Lower_case_is_never_flagged() => Check("pip install peft lora", "-");
    [Fact] public void Identifiers_are_never_flagged() => Check("Set `x` then peft.tuners.Lora and Lora.py and hh-rlhf/Lora/x", "-");
    [Fact] public void Code_blocks_are_never_flagged() => Check("```\nLora\n```\n\n    Lora indented\n", "-");
    [Fact] public void Inline_code_and_urls_are_never_flagged() => Check("`Lora` <https://x.org/Lora> https://x.org/Lora", "-");
    [Fact] public void Html_and_front_matter_are_never_flagged() => Check("---\ntitle: Lora\n---\n\n<div title=\"Lora\">x</div>\n", "-");
    [Fact] public void Disable_next_line() => Check("<!-- glossary-disable-next-line -->\nLora here\nLora there\n", "Lora->LoRA");
    [Fact] public void Disable_and_enable() => Check("<!-- glossary-disable -->\nLora\n\nMoe\n<!-- glossary-enable -->\n\nQlora\n", "Qlora->QLoRA");
    [Fact] public void Comment_disable_next_line() => Check("# glossary-disable-next-line\n# Lora here\n# Lora there\n", "Lora->LoRA", "python");
    [Fact] public void Python_string_is_not_a_comment() => Check("s = '# Lora'  # real Lora\n", "Lora->LoRA", "python");

    [Fact]
    public void Message_and_code_name_the_canonical_form()
    {
        var diagnostic = Assert.Single(Compute("使用Lora微调"));
        Assert.Equal("glossary.wrong-variant", diagnostic.Code);
        Assert.Equal(new TextSpan(2, 4), diagnostic.Span);
        Assert.Contains("'LoRA'", diagnostic.Message);
        Assert.Equal(Severity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void Quick_fix_for_the_diagnostic_under_the_cursor()
    {
        string text = "Lora and Moe";
        var diagnostics = Compute(text);
        var actions = CodeActions.Compute(diagnostics, new TextSpan(10, 0), [CodeActions.QuickFix]);
        var action = Assert.Single(actions);
        Assert.Equal("Change 'Moe' to 'MoE'", action.Title);
        Assert.Equal("Lora and MoE", Apply(text, action.Edits));
    }

    [Fact]
    public void Fix_all_fixes_every_diagnostic_and_nothing_else()
    {
        string text = "使用Lora微调, `Lora` stays, Qlora and Moes.\n```\nLora\n```\n";
        var actions = CodeActions.Compute(Compute(text), new TextSpan(0, 0), ["source.fixAll"]);
        var fixAll = Assert.Single(actions);
        Assert.Equal(CodeActions.FixAllKind, fixAll.Kind);
        string fixedText = Apply(text, fixAll.Edits);
        Assert.Equal("使用LoRA微调, `Lora` stays, QLoRA and MoEs.\n```\nLora\n```\n", fixedText);
        Assert.Empty(Compute(fixedText));
    }

    [Fact]
    public void Without_only_the_range_gets_its_quick_fixes_and_no_fix_all_edit()
    {
        string text = "Lora and Moe and Qlora";
        var diagnostics = Compute(text);
        var actions = CodeActions.Compute(diagnostics, new TextSpan(10, 0), null);
        Assert.Equal(["Change 'Moe' to 'MoE'"], actions.Select(a => a.Title));
        var deferred = CodeActions.Compute(diagnostics, new TextSpan(10, 0), [], canDefer: true);
        Assert.Equal([CodeActions.QuickFix, CodeActions.FixAllKind], deferred.Select(a => a.Kind));
        Assert.True(deferred[1].Deferred);
        Assert.Empty(deferred[1].Edits);
    }

    [Theory]
    [InlineData("source", true)]
    [InlineData("source.fixAll", true)]
    [InlineData("source.fixAll.lspGlossary", true)]
    [InlineData("source.organizeImports", false)]
    [InlineData("source.fixAll.other", false)]
    [InlineData("quickfix", false)]
    public void Fix_all_is_built_when_its_kind_is_asked_for(string only, bool fixAll)
    {
        var actions = CodeActions.Compute(Compute("Lora and Moe"), new TextSpan(0, 0), [only]);
        var built = actions.Where(a => a.Kind == CodeActions.FixAllKind).ToList();
        Assert.Equal(fixAll ? 1 : 0, built.Count);
        if (fixAll) Assert.Equal(2, built[0].Edits.Count);
    }

    private static string Apply(string text, IReadOnlyList<TextReplacement> edits)
    {
        foreach (var edit in edits.OrderByDescending(e => e.Span.Start))
        {
            text = text.Remove(edit.Span.Start, edit.Span.Length).Insert(edit.Span.Start, edit.NewText);
        }
        return text;
    }
}
