using LspGlossary.Core.Features;

namespace LspGlossary.Tests;

/// <summary>Document highlight fixtures: <c>$0</c> marks the cursor; expected is the highlighted texts joined by "|", or "-" for none.</summary>
public class DocumentHighlightTests
{
    private static void Check(string fixture, string expected, string languageId = "markdown", int max = DocumentHighlights.MaxHighlights)
    {
        var (text, offset) = TestSupport.Cursor(fixture);
        var spans = DocumentHighlights.Compute(TestSupport.Analyze(text, languageId), offset, max);
        string actual = spans.Count == 0 ? "-" : string.Join("|", spans.Select(s => text.Substring(s.Start, s.Length)));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_spelling_of_the_entry() =>
        Check("We use Lo$0RA: Low-Rank Adaptation (LoRA), 低秩适配, and the wrong Lora. QLoRA is another term.",
            "LoRA|Low-Rank Adaptation|LoRA|低秩适配|Lora");

    [Fact] public void From_a_chinese_name() => Check("低秩$0适配就是LoRA。RAG不是。", "低秩适配|LoRA");
    [Fact] public void From_an_expansion() => Check("Retrieval-Augmented $0Generation, or RAG; not LoRA.", "Retrieval-Augmented Generation|RAG");
    [Fact] public void From_a_wrong_variant() => Check("Lo$0ra and LoRA", "Lora|LoRA");
    [Fact] public void At_the_end_of_a_term() => Check("RAG$0 and RAG", "RAG|RAG");
    [Fact] public void A_term_used_once() => Check("Only Mo$0E here, and LoRA.", "MoE");
    [Fact] public void Not_on_plain_words() => Check("LoRA and n$0othing else, LoRA.", "-");
    [Fact] public void Not_in_inline_code_or_fences() => Check("Lo$0RA, `LoRA`\n\n```\nLoRA\n```\n\nLoRA", "LoRA|LoRA");
    [Fact] public void Not_on_inline_code() => Check("LoRA, `Lo$0RA`", "-");
    [Fact] public void Only_comments_in_code() => Check("# Lo$0RA here\nLoRA = 1  # and LoRA\n", "LoRA|LoRA", "python");
    [Fact] public void Silenced_uses_are_still_uses() => Check("Lo$0ra <!-- glossary-disable-line --> and LoRA", "Lora|LoRA");
    [Fact] public void At_most_max() => Check("Lo$0RA LoRA LoRA LoRA", "LoRA|LoRA", max: 2);
}
