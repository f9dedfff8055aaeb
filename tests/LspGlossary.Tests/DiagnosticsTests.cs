using LspGlossary.Core.Features;
using LspGlossary.Core.Glossary;
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
    [Fact] public void Html_block_text_is_checked() => Check("<h3 align=\"center\">使用Lora微调</h3>\n<p><img src=\"Lora.png\"> <a href=\"https://x/Lora\">Qlora</a></p>\n", "Lora->LoRA Qlora->QLoRA");
    [Fact] public void Comments_of_fenced_code_are_checked() => Check("```python\nLora = 1  # Lora 秩\n```\n\n```\n# Moe\n```\n", "Lora->LoRA");
    [Fact] public void Disable_next_line_in_a_fenced_comment() => Check("```python\n# glossary-disable-next-line\n# Lora here\n# Lora there\n```\nMoe\n", "Lora->LoRA Moe->MoE");
    [Fact] public void Disable_in_a_fenced_comment_ends_with_its_block() => Check("```sh\n# glossary-disable\n# Lora\n```\n\n```sh\n# Moe\n```\nQlora\n", "Moe->MoE Qlora->QLoRA");
    [Fact] public void Disable_next_line_works_in_html_blocks() => Check("<div>\n<!-- glossary-disable-next-line -->\nLora\nMoe\n</div>\n", "Moe->MoE");

    [Fact]
    public void Findings_in_html_and_fenced_comments_are_placed_exactly()
    {
        string text = "> <div>\n> Lora\n> </div>\n\n- item\n\n  ```sh\n  echo x # Moe\n  ```\n";
        var diagnostics = Compute(text);
        Assert.Equal(["Lora", "Moe"], diagnostics.Select(d => text.Substring(d.Span.Start, d.Span.Length)));
    }

    [Fact] public void Disable_next_line() => Check("<!-- glossary-disable-next-line -->\nLora here\nLora there\n", "Lora->LoRA");
    [Fact] public void Disable_and_enable() => Check("<!-- glossary-disable -->\nLora\n\nMoe\n<!-- glossary-enable -->\n\nQlora\n", "Qlora->QLoRA");
    [Fact] public void Comment_disable_next_line() => Check("# glossary-disable-next-line\n# Lora here\n# Lora there\n", "Lora->LoRA", "python");
    [Fact] public void Python_string_is_not_a_comment() => Check("s = '# Lora'  # real Lora\n", "Lora->LoRA", "python");

    [Fact] public void Case_forms_of_a_multi_word_term_with_an_acronym() => Check("Kv cache, KV CACHE, Kv Cache and kv cache", "Kv cache->KV cache KV CACHE->KV cache Kv Cache->KV cache");
    [Fact] public void Shouted_plural_keeps_a_lower_case_s() => Check("Two LLMS, LORAS and LLMs", "LLMS->LLMs LORAS->LoRAs");
    [Fact] public void Hyphenated_compound_of_words() => Check("Lora-KV-Cache, Qwen3-Moe, llama-2-7b-Lora", "Lora->LoRA KV-Cache->KV-cache");

    private static readonly GlossaryEntry TreeOfThoughts = Entry("Tree of Thoughts", aliases: ["ToT", "Tree-of-Thoughts"], variants: ["TOT"], zh: ["思维树"]);
    private static readonly GlossaryEntry Grpo = Entry("GRPO", expansion: "Group Relative Policy Optimization",
        variants: ["Generalized Proximal Policy Optimization", "Grpo", "GRPO算法"], zh: ["组相对策略优化"]);
    private static readonly GlossaryEntry Rlhf = Entry("RLHF", expansion: "Reinforcement Learning from Human Feedback",
        variants: ["Reinforcement Learning with Human Feedback", "基于人类反馈的强化学习方法"]);
    private static readonly GlossaryEntry KvCache = Entry("KV cache", expansion: "key-value cache", variants: ["KV Cache", "K V cache"]);
    private static readonly GlossaryEntry Llm = Entry("LLM", expansion: "Large Language Model", variants: ["LLm"], zh: ["大语言模型"]);

    public static TheoryData<string, string, string> Replacements() => new()
    {
        // Another casing of an accepted spelling becomes that spelling: an alias stays an alias.
        { "tree-of-thoughts", "TOT", "ToT" },
        { "tree-of-thoughts", "tot", "ToT" },
        { "tree-of-thoughts", "TREE-OF-THOUGHTS", "Tree-of-Thoughts" },
        { "tree-of-thoughts", "TREE OF THOUGHTS", "Tree of Thoughts" },
        { "kv-cache", "KV CACHE", "KV cache" },
        // The plural 's', in any case, is kept in lower case.
        { "llm", "LLMS", "LLMs" },
        { "llm", "Llms", "LLMs" },
        { "llm", "LLms", "LLMs" },
        // A variant with a space, for a term without one, becomes the expansion; with Han characters, the Chinese name.
        { "grpo", "Generalized Proximal Policy Optimization", "Group Relative Policy Optimization" },
        { "grpo", "generalized proximal policy optimization", "Group Relative Policy Optimization" },
        { "grpo", "GRPO算法", "组相对策略优化" },
        { "grpo", "Grpo", "GRPO" },
        { "grpo", "Grpos", "GRPOs" },
        { "rlhf", "Reinforcement Learning with Human Feedback", "Reinforcement Learning from Human Feedback" },
        // No Chinese name: the term.
        { "rlhf", "基于人类反馈的强化学习方法", "RLHF" },
        // The term has a space: the term, not the expansion.
        { "kv-cache", "K V cache", "KV cache" },
        { "kv-cache", "KV Cache", "KV cache" },
        // Anything else: the term.
        { "llm", "something", "LLM" },
    };

    [Theory]
    [MemberData(nameof(Replacements))]
    public void Replacement_keeps_what_the_writer_meant(string id, string found, string expected)
    {
        var entry = new[] { TreeOfThoughts, Grpo, Rlhf, KvCache, Llm }.Single(e => e.Id == id);
        Assert.Equal(expected, Diagnostics.ReplacementFor(entry, found));
    }

    [Fact]
    public void A_variant_listed_with_an_s_is_not_read_as_a_plural()
    {
        var entry = Entry("LoRA", variants: ["LoRAS"]);
        Assert.Equal("LoRA", Diagnostics.ReplacementFor(entry, "LoRAS"));
    }

    private static GlossaryEntry Entry(string term, string? expansion = null, string[]? aliases = null, string[]? variants = null, string[]? zh = null) => new()
    {
        Id = term.ToLowerInvariant().Replace(' ', '-'),
        Term = term,
        Expansion = expansion,
        Aliases = aliases ?? [],
        Variants = variants ?? [],
        ChineseNames = zh ?? [],
        Source = new SourceLocation("test.yaml", 1, 1),
    };

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
