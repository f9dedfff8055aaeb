using LspGlossary.Core.Features;

namespace LspGlossary.Tests;

/// <summary>
/// Completion fixtures: expected is the offered terms with the replaced text, e.g. "QLoRA[QL]", and the cursor
/// as $0 when the replaced word goes on after it ("QLoRA[Ql$0ora]"); "-" for none.
/// </summary>
public class CompletionTests
{
    private static void Check(string fixture, string expected, string languageId = "markdown")
    {
        var (text, offset) = TestSupport.Cursor(fixture);
        var items = Completion.Compute(TestSupport.Analyze(text, languageId), offset, TestSupport.Glossary, chineseFirst: false);
        string actual = items.Count == 0 ? "-" : string.Join(" ", items.Select(i => $"{i.Entry.Term}[{Replaced(text, i)}]"));
        Assert.Equal(expected, actual);
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
