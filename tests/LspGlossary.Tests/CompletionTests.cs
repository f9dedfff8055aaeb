using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;

namespace LspGlossary.Tests;

/// <summary>
/// Completion fixtures: expected is the offered terms with the replaced text, e.g. "QLoRA[QL]", and the cursor
/// as $0 when the replaced word goes on after it ("QLoRA[Ql$0ora]"); "-" for none.
/// </summary>
public class CompletionTests
{
    private static void Check(string fixture, string expected, string languageId = "markdown", TermMatcher? matcher = null)
    {
        var (text, offset) = TestSupport.Cursor(fixture);
        var items = Items(fixture, languageId, matcher);
        string actual = items.Count == 0 ? "-" : string.Join(" ", items.Select(i => $"{i.Entry.Term}[{Replaced(text, i)}]"));
        Assert.Equal(expected, actual);
    }

    private static List<CompletionCandidate> Items(string fixture, string languageId = "markdown", TermMatcher? matcher = null)
    {
        var (text, offset) = TestSupport.Cursor(fixture);
        matcher ??= TestSupport.Matcher;
        return Completion.Compute(TestSupport.Analyze(text, languageId, matcher), offset, matcher.Glossary, chineseFirst: false);
    }

    private static string Replaced(string text, CompletionCandidate item)
    {
        Assert.Equal(item.Insert.Start, item.Replace.Start);
        string typed = text.Substring(item.Insert.Start, item.Insert.Length);
        return item.Replace.End == item.Insert.End ? typed : typed + "$0" + text[item.Insert.End..item.Replace.End];
    }

    [Fact] public void Acronym_prefix() => Check("We use QL$0", "QLoRA[QL]");
    [Fact] public void Case_insensitive_prefix() => Check("We use ql$0", "QLoRA[ql]");
    [Fact] public void Several_terms() => Check("We use Lo$0", "LoRA[Lo]");
    [Fact] public void Expansion_prefix() => Check("We use Retrieval-Aug$0", "RAG[Retrieval-Aug]");
    [Fact] public void Chinese_prefix_after_chinese_text() => Check("我们使用检索$0", "RAG[检索]");
    [Fact] public void Chinese_prefix_shared_by_two_names() => Check("这是低秩$0", "LoRA[低秩]");
    [Fact] public void In_a_comment() => Check("x = 1  # with QL$0\n", "QLoRA[QL]", "python");
    [Fact] public void Not_in_code() => Check("x = QL$0\n", "-", "python");
    [Fact] public void Not_in_a_code_block() => Check("```\nQL$0\n```\n", "-");
    [Fact] public void The_whole_word_is_replaced() => Check("We use Ql$0ora here", "QLoRA[Ql$0ora]");
    [Fact] public void A_hyphenated_word_is_replaced_whole() => Check("We use Retrieval-Aug$0mented here", "RAG[Retrieval-Aug$0mented]");
    [Fact] public void Punctuation_after_the_word_stays() => Check("We use QL$0, then", "QLoRA[QL]");
    [Fact] public void Chinese_text_after_a_chinese_prefix_stays() => Check("我们使用检索$0方法", "RAG[检索]");
    [Fact] public void Nothing_for_unknown_prefix() => Check("We use Zz$0", "-");

    // ----- Prefixes of several words -----

    [Fact] public void Two_words() => Check("We use the KV c$0", "KV cache[KV c]");
    [Fact] public void Two_words_replace_the_rest_of_the_word() => Check("the KV c$0ach here", "KV cache[KV c$0ach]");
    [Fact] public void Three_words_of_an_expansion() => Check("a Mixture of E$0", "MoE[Mixture of E]");
    [Fact] public void Hyphenated_and_spaced_words() => Check("Parameter-Efficient Fine$0", "PEFT[Parameter-Efficient Fine]");
    [Fact] public void A_hyphen_typed_for_a_space() => Check("a Mixture-of E$0", "MoE[Mixture-of E]");
    [Fact] public void Words_on_an_earlier_line_do_not_count() => Check("Mixture of\nE$0", "-");
    [Fact] public void Words_after_two_spaces_do_not_count() => Check("Mixture of  E$0", "-");

    [Fact]
    public void Filter_text_starts_with_the_typed_words()
    {
        var items = Items("a Mixture-of E$0");
        Assert.Equal("Mixture-of Experts", Assert.Single(items).FilterText);
        Assert.Equal("KV cache", Assert.Single(Items("the kv c$0")).FilterText);
    }

    // ----- Order -----

    private const string RankingGlossary = """
        terms:
          - id: gqa
            term: GQA
            expansion: Grouped-Query Attention
            definition: {en: x}
          - id: grpo
            term: GRPO
            expansion: Group Relative Policy Optimization
            definition: {en: x}
          - id: model
            term: model
            zh: [模型]
            definition: {en: x}
          - id: moe
            term: MoE
            expansion: Mixture of Experts
            definition: {en: x}
          - id: adapter
            term: adapter
            zh: [微调适配器]
            definition: {en: x}
          - id: fine-tuning
            term: fine-tuning
            zh: [精调, 微调]
            aliases: [fine tuning]
            definition: {en: x}
          - id: full-fine-tuning
            term: full fine-tuning
            definition: {en: x}
          - id: total
            term: total variation
            definition: {en: x}
          - id: rlhf
            term: RLHF
            expansion: Reinforcement Learning from Human Feedback
            definition: {en: x}
          - id: tot
            term: Tree of Thoughts
            aliases: [ToT]
            definition: {en: x}
        """;

    [Theory]
    [InlineData("GR$0", "GRPO[GR] GQA[GR]")]
    [InlineData("gr$0", "GRPO[gr] GQA[gr]")]
    [InlineData("Mo$0", "MoE[Mo] model[Mo]")]
    [InlineData("微调$0", "fine-tuning[微调] adapter[微调]")]
    [InlineData("tot$0", "Tree of Thoughts[tot] total variation[tot]")]
    [InlineData("full fine$0", "full fine-tuning[full fine] fine-tuning[fine]")]
    [InlineData("fine t$0", "fine-tuning[fine t] total variation[t] Tree of Thoughts[t]")]
    [InlineData("Reinforcement Learning from Human Feed$0", "RLHF[Reinforcement Learning from Human Feed]")]
    [InlineData("Reinforcement Learning from Human Feedbac$0", "-")]
    public void Ranked(string fixture, string expected) => Check(fixture, expected, matcher: TestSupport.MatcherFor(RankingGlossary));

    [Theory]
    [InlineData("KV cache", "KV c", true)]
    [InlineData("KV cache", "kv-C", true)]
    [InlineData("Mixture of Experts", "mixture-of-experts", true)]
    [InlineData("KV cache", "KV cache ", false)]
    [InlineData("KV", "KV c", false)]
    public void Starts_with_words(string spelling, string prefix, bool expected) => Assert.Equal(expected, Completion.StartsWithWords(spelling, prefix));

    [Fact]
    public void Plain_text_documentation_has_no_markdown_marks()
    {
        var (text, offset) = TestSupport.Cursor("QL$0");
        var item = Assert.Single(Completion.Compute(TestSupport.Analyze(text), offset, TestSupport.Glossary, chineseFirst: false, DocumentationFormat.PlainText));
        Assert.StartsWith("QLoRA — Quantized Low-Rank Adaptation", item.Documentation);
        Assert.DoesNotContain("**", item.Documentation);
    }

    [Fact]
    public void Items_carry_the_definition_as_documentation()
    {
        var (text, offset) = TestSupport.Cursor("QL$0");
        var item = Assert.Single(Completion.Compute(TestSupport.Analyze(text), offset, TestSupport.Glossary, chineseFirst: false));
        Assert.Contains("Test definition of QLoRA", item.Documentation);
        Assert.Equal("QLoRA", item.FilterText);
    }
}
