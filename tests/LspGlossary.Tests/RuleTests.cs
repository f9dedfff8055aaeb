using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;

namespace LspGlossary.Tests;

/// <summary>
/// The writing rules beyond spelling (<see cref="Rules"/>): inconsistent forms, unknown acronyms and first-use expansion,
/// their levels, directives and fixes. Expected is "found->replacement" per finding of the rule ("found" alone when it
/// has no fix); "-" for none.
/// </summary>
public class RuleTests
{
    private static readonly Settings AllOn = new(Rules: new Dictionary<string, RuleLevel>
    {
        [InconsistentForms.Code] = RuleLevel.Warning,
        [UnknownAcronyms.Code] = RuleLevel.Hint,
        [FirstUseExpansion.Code] = RuleLevel.Information,
    });

    /// <summary>Words and their British spellings, plain words with an alias, and a synonym alias.</summary>
    private static readonly Lazy<TermMatcher> Forms = new(() => TestSupport.MatcherFor("""
        terms:
          - id: tokenization
            term: tokenization
            aliases: [tokenisation]
            category: inference
            definition: { en: Splitting text into tokens. }
          - id: fine-tuning
            term: fine-tuning
            aliases: [finetuning, fine tuning]
            category: training
            definition: { en: Training a trained model further. }
          - id: vocabulary
            term: vocabulary
            aliases: [vocab]
            category: inference
            definition: { en: The set of tokens. }
          - id: webllm
            term: WebLLM
            aliases: [web-llm]
            category: product
            definition: { en: An engine in the browser. }
        """));

    private static List<GlossaryDiagnostic> Findings(string text, string code, string languageId = "markdown", Settings? settings = null, TermMatcher? matcher = null)
    {
        var analysis = TestSupport.Analyze(text, languageId, matcher);
        return Rules.Compute(analysis, settings ?? AllOn, (matcher ?? TestSupport.Matcher).Glossary).Where(d => d.Code == code).ToList();
    }

    private static void Check(string code, string text, string expected, string languageId = "markdown", TermMatcher? matcher = null)
    {
        var findings = Findings(text, code, languageId, matcher: matcher);
        string actual = findings.Count == 0 ? "-" : string.Join(" ", findings.Select(d => d.Replacement is null ? d.Found : $"{d.Found}->{d.Replacement}"));
        Assert.Equal(expected, actual);
    }

    // ------------------------------------------------------------------ glossary.inconsistent-form

    [Theory]
    [InlineData("We keep the KV cache small. The KV-cache grows.", "KV-cache->KV cache")]
    [InlineData("The KV-cache grows; the KV cache and the KV cache again.", "KV cache->KV-cache KV cache->KV-cache")]
    [InlineData("The KV cache, then two KV-caches.", "KV-caches->KV caches")]
    [InlineData("低秩适配很好。低秩适应也好，低秩适配最好。", "低秩适应->低秩适配")]
    [InlineData("大语言模型很强，语言模型也是；混合专家模型即混合专家。", "-")] // a Chinese name that adds to another is related, no form
    [InlineData("The KV Cache and the KV cache", "-")] // a wrong spelling is the spelling rule's, and no form
    [InlineData("LoRA (Low-Rank Adaptation) is cheap; LoRA and Low-Rank Adaptation again.", "-")] // term and expansion
    [InlineData("LoRA，即低秩适配，是 LoRA。", "-")] // English and Chinese do not compete
    [InlineData("Token by token: a Token.", "-")] // case forms of a plain word
    [InlineData("The KV cache; see KV-cache.py and x.KV-cache", "-")] // identifiers never count
    [InlineData("The KV cache, and KV-cache+Offload as a label.", "-")] // a label joined by '+' 
    [InlineData("The KV cache.\n\n```\nKV-cache\n```\n\n`KV-cache`\n", "-")] // code never counts
    [InlineData("The KV cache.\n\n```python\n# the KV-cache\n```\n", "KV-cache->KV cache")] // a fenced block's comments do
    public void Inconsistent_forms(string text, string expected) => Check(InconsistentForms.Code, text, expected);

    [Theory]
    [InlineData("Our tokenization differs: tokenisation of Chinese.", "tokenisation->tokenization")]
    [InlineData("We do fine-tuning. Finetuning is cheap; fine tuning too.", "Finetuning->Fine-tuning fine tuning->fine-tuning")]
    [InlineData("The vocabulary (vocab) is large.", "-")] // a synonym alias is no form of the term
    [InlineData("WebLLM runs in the browser: npm install web-llm.", "-")] // the lower-case form is the package
    public void Forms_are_the_same_word_spelled_differently(string text, string expected) =>
        Check(InconsistentForms.Code, text, expected, matcher: Forms.Value);

    [Theory]
    [InlineData("低秩适配", "低秩适应", true)]
    [InlineData("训练和推理", "训练与推理", true)]
    [InlineData("大语言模型", "大型语言模型", true)]
    [InlineData("吞吐", "吞吐量", false)]
    [InlineData("蒸馏", "知识蒸馏", false)]
    [InlineData("大模型", "大语言模型", false)]
    [InlineData("推理引擎", "推理和部署", false)]
    [InlineData("令", "词", false)]
    public void Chinese_names_are_forms_of_each_other_when_one_character_differs_inside(string a, string b, bool expected)
    {
        Assert.Equal(expected, InconsistentForms.AreOneNameWrittenDifferently(a, b));
        Assert.Equal(expected, InconsistentForms.AreOneNameWrittenDifferently(b, a));
    }

    [Fact]
    public void Inconsistent_form_in_code_comments()
    {
        Check(InconsistentForms.Code, "# the KV cache\nkv_cache = 1  # the KV-cache\nprint('KV-cache')\n", "KV-cache->KV cache", "python");
    }

    [Theory]
    [InlineData("The KV cache.\n<!-- glossary-disable-next-line -->\nThe KV-cache.\n")]
    [InlineData("The KV cache.\n<!-- glossary-disable-next-line KV cache -->\nThe KV-cache.\n")]
    [InlineData("<!-- glossary-disable-next-line -->\nThe KV-cache.\nThe KV cache.\n")] // a silenced use sets no first form
    public void Directives_silence_inconsistent_forms(string text) => Check(InconsistentForms.Code, text, "-");

    [Fact]
    public void Inconsistent_form_has_a_message_fix_and_default_information()
    {
        var finding = Assert.Single(Findings("The KV cache and the KV-cache.", InconsistentForms.Code, settings: Settings.Default));
        Assert.Equal(Severity.Information, finding.Severity);
        Assert.Equal("'KV-cache' is another form of 'KV cache', which this document uses first: write 'KV cache' here too.", finding.Message);
        var fix = CodeActions.QuickFixFor(finding);
        Assert.Equal("Change 'KV-cache' to 'KV cache'", fix.Title);
        Assert.Equal("The KV cache and the KV cache.", FixAll.Apply("The KV cache and the KV-cache.", fix.Edits));
    }

    // ------------------------------------------------------------------ glossary.unknown-acronym

    [Theory]
    [InlineData("We train with DPO, then ORPO.", "DPO ORPO")]
    [InlineData("我们使用DPO训练模型。", "DPO")]
    [InlineData("The LLM uses RAG, MoE and a KV store.", "-")] // glossary spellings and their words (KV of KV cache)
    [InlineData("It needs 8 GB, 512 MB or 2 TB at 60 FPS and 3 GHZ; 8GB too.", "-")] // units, and words glued to digits
    [InlineData("Part II, chapter XIV, section IV and VIII.", "-")] // Roman numerals
    [InlineData("TODO: see the README and the FAQ. NOTE: OK. The API on the GPU.", "-")] // common words
    [InlineData("USE AT YOUR OWN RISK. \"YOUR OWN RISK\"", "-")] // a shouted run
    [InlineData("Direct Preference Optimization (DPO) beats PPO. DPO is simple.", "PPO")] // defined in the document
    [InlineData("直接偏好优化（DPO）很简单，DPO 不需要奖励模型。", "-")]
    [InlineData("ORPO (Odds Ratio Preference Optimization) and KTO（卡尼曼-特沃斯基优化）, then ORPO, KTO and CPO (see below).", "CPO")]
    [InlineData("Use `DPO`, DPO_beta, trl.DPO, https://x.org/DPO and GPT-4 or A100.", "-")] // code, identifiers, URLs, numbers
    [InlineData("Dpo, dpo, A, ABCDEFG", "-")] // not 2-6 capitals
    [InlineData("```\nDPO\n```\n\n    DPO indented\n\n<div title=\"DPO\"></div>\n", "-")]
    [InlineData("PPO, DPO, KTO", "PPO DPO KTO")] // a list of acronyms is no shouted run
    [InlineData("DeepSpeed-HE, random-LTD, SPDX-License-Identifier and ERNIE-VL", "-")] // parts of names
    [InlineData("The [MASK] and <EOS> tokens; see ICML 2021 and AMD GPUs.", "-")] // special tokens, venues, vendors
    public void Unknown_acronyms(string text, string expected) => Check(UnknownAcronyms.Code, text, expected);

    [Fact]
    public void Unknown_acronyms_in_code_comments_only()
    {
        Check(UnknownAcronyms.Code, "x = 'DPO'  # trained with DPO\n# TODO: FIXME\n", "DPO", "python");
    }

    [Theory]
    [InlineData("<!-- glossary-disable-next-line -->\nDPO and ORPO\n", "-")]
    [InlineData("<!-- glossary-disable-next-line DPO -->\nDPO and ORPO\n", "ORPO")]
    [InlineData("<!-- glossary-disable -->\nDPO\n<!-- glossary-enable -->\nORPO\n", "ORPO")]
    public void Directives_silence_unknown_acronyms(string text, string expected) => Check(UnknownAcronyms.Code, text, expected);

    [Fact]
    public void Unknown_acronym_is_a_hint_with_its_token_and_no_fix()
    {
        var finding = Assert.Single(Findings("We train with DPO.", UnknownAcronyms.Code, settings: Settings.Default));
        Assert.Equal(Severity.Hint, finding.Severity);
        Assert.Equal("DPO", finding.Acronym);
        Assert.Null(finding.Replacement);
        Assert.Empty(CodeActions.Compute([finding], finding.Span, null, canDefer: true));
        Assert.Empty(FixAll.Replacements([finding]));
    }

    // ------------------------------------------------------------------ glossary.first-use-expansion

    [Theory]
    [InlineData("We use LoRA here. LoRA again, and RAG.", "LoRA->LoRA (Low-Rank Adaptation) RAG->RAG (Retrieval-Augmented Generation)")]
    [InlineData("LoRA (Low-Rank Adaptation) is cheap. LoRA again.", "-")]
    [InlineData("Low-Rank Adaptation (LoRA) is cheap.", "-")]
    [InlineData("低秩适配（LoRA）很省显存。", "-")]
    [InlineData("LoRA（低秩适配）很省显存。", "-")]
    [InlineData("低秩适配 (LoRA) 很省显存。", "-")]
    [InlineData("我们使用 LoRA 进行微调，这是一种很省显存的方法。", "LoRA->LoRA（低秩适配）")] // Chinese prose: the Chinese name
    [InlineData("The KV cache and token have no expansion.", "-")]
    [InlineData("LORA first, then LoRA.", "-")] // a wrong first use is the spelling rule's
    [InlineData("```\nLoRA\n```\n\nlora_LoRA_x and `LoRA`", "-")]
    [InlineData("<!-- glossary-disable-next-line -->\nWe use LoRA.\nLoRA again.\n", "-")] // the first use is silenced
    public void First_use_expansion(string text, string expected) => Check(FirstUseExpansion.Code, text, expected);

    [Fact]
    public void First_use_expansion_is_off_by_default_and_inserts_after_the_term()
    {
        string text = "We use LoRA here.";
        Assert.Empty(Findings(text, FirstUseExpansion.Code, settings: Settings.Default));
        var finding = Assert.Single(Findings(text, FirstUseExpansion.Code));
        Assert.Equal(Severity.Information, finding.Severity);
        var fix = CodeActions.QuickFixFor(finding);
        Assert.Equal("Write '(Low-Rank Adaptation)' after 'LoRA'", fix.Title);
        Assert.Equal("We use LoRA (Low-Rank Adaptation) here.", FixAll.Apply(text, fix.Edits));
    }

    [Theory]
    [InlineData("We use LoRA here. RAG too, and LoRA.")]
    [InlineData("LoRA (Low-Rank Adaptation) and 检索增强生成（RAG）, then MoE.")]
    [InlineData("MoE 与 LoRA（低秩适配）。")]
    public void First_use_expansion_and_inlay_hints_agree(string text)
    {
        var analysis = TestSupport.Analyze(text);
        var hints = InlayHints.Compute(analysis, new Core.Text.TextSpan(0, text.Length)).Select(h => h.Offset);
        var findings = Rules.Compute(analysis, AllOn, TestSupport.Glossary).Where(d => d.Code == FirstUseExpansion.Code).Select(d => d.Span.End);
        Assert.Equal(hints, findings);
        Assert.NotEmpty(findings);
    }

    // ------------------------------------------------------------------ levels

    [Fact]
    public void Levels_come_from_the_rules_setting_over_the_defaults()
    {
        string text = "The KV cache and the KV-cache, with DPO and Lora.";
        var defaults = Rules.Compute(TestSupport.Analyze(text), Settings.Default, TestSupport.Glossary);
        Assert.Equal(["glossary.inconsistent-form:Information", "glossary.unknown-acronym:Hint", "glossary.wrong-variant:Warning"],
            defaults.Select(d => $"{d.Code}:{d.Severity}").Order());

        var settings = Settings.Default with
        {
            DiagnosticsSeverity = Severity.Error,
            Rules = new Dictionary<string, RuleLevel> { [InconsistentForms.Code] = RuleLevel.Off, [UnknownAcronyms.Code] = RuleLevel.Error },
        };
        var set = Rules.Compute(TestSupport.Analyze(text), settings, TestSupport.Glossary);
        Assert.Equal(["glossary.unknown-acronym:Error", "glossary.wrong-variant:Error"], set.Select(d => $"{d.Code}:{d.Severity}").Order());
        Assert.Null(Rules.SeverityOf(Settings.Default with { Rules = new Dictionary<string, RuleLevel> { [Diagnostics.WrongVariantCode] = RuleLevel.Off } }, Diagnostics.WrongVariantCode));
    }

    [Theory]
    [InlineData("off", RuleLevel.Off)]
    [InlineData("Error", RuleLevel.Error)]
    [InlineData("hint", RuleLevel.Hint)]
    [InlineData("information", RuleLevel.Information)]
    [InlineData("error, warning", null)]
    [InlineData("3", null)]
    [InlineData("info", null)]
    public void Levels_parse_by_name_only(string text, RuleLevel? expected) => Assert.Equal(expected, Rules.ParseLevel(text));

    [Fact]
    public void Fix_all_takes_every_fix_and_leaves_findings_without_one()
    {
        string text = "The KV cache and the KV-cache, with DPO and Lora.";
        var findings = Rules.Compute(TestSupport.Analyze(text), AllOn, TestSupport.Glossary);
        Assert.Equal("The KV cache and the KV cache, with DPO and LoRA.", FixAll.Apply(text, FixAll.Replacements(findings)));
        var fixAll = CodeActions.Compute(findings, new Core.Text.TextSpan(0, 0), [CodeActions.FixAllKind]).Single();
        Assert.Equal("Fix all glossary findings in the file (2)", fixAll.Title);
    }

    [Fact]
    public void The_rules_setting_declares_every_rule_with_its_default()
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TestSupport.RepoRoot, "package.json")));
        var rules = manifest.RootElement.GetProperty("contributes").GetProperty("configuration").GetProperty("properties")
            .GetProperty("lspGlossary.rules").GetProperty("properties");
        Assert.Equal(Rules.Codes.ToArray(), rules.EnumerateObject().Select(p => p.Name).ToArray());
        foreach (var rule in rules.EnumerateObject())
        {
            Assert.Equal(Rules.DefaultLevel(rule.Name, Settings.Default).ToString().ToLowerInvariant(), rule.Value.GetProperty("default").GetString());
            Assert.Equal(["off", "error", "warning", "information", "hint"], rule.Value.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray());
        }
    }

    [Fact]
    public void Every_code_has_a_page()
    {
        foreach (string code in Rules.Codes.Append(Diagnostics.TooManyCode).Append("glossary.invalid-file"))
        {
            Assert.True(File.Exists(Path.Combine(TestSupport.RepoRoot, "docs", "rules", code + ".md")), code);
            Assert.Equal($"https://github.com/lsp-glossary/lsp-glossary/blob/main/docs/rules/{code}.md", Rules.DocsUrl(code));
        }
    }
}
