using LspGlossary.Core.Features;

namespace LspGlossary.Tests;

/// <summary>Hover fixtures: <c>$0</c> marks the cursor; expected is "id [hovered text]" or "-" for no hover.</summary>
public class HoverTests
{
    private static void Check(string fixture, string expected, string languageId = "markdown")
    {
        var (text, offset) = TestSupport.Cursor(fixture);
        var analysis = TestSupport.Analyze(text, languageId);
        var hover = Hover.Compute(analysis, offset, TestSupport.Glossary, chineseFirst: false);
        string actual = hover is null ? "-" : $"{analysis.MatchAt(offset)!.Value.Entry.Id} [{text.Substring(hover.Span.Start, hover.Span.Length)}]";
        Assert.Equal(expected, actual);
    }

    [Fact] public void On_an_acronym() => Check("We tune with Lo$0RA today.", "lora [LoRA]");
    [Fact] public void At_the_end_of_a_term() => Check("We tune with LoRA$0 today.", "lora [LoRA]");
    [Fact] public void On_a_chinese_name() => Check("我们用检索$0增强生成回答问题", "rag [检索增强生成]");
    [Fact] public void On_a_term_glued_to_chinese() => Check("用QLo$0RA微调", "qlora [QLoRA]");
    [Fact] public void On_a_wrong_variant() => Check("使用Lo$0ra微调", "lora [Lora]");
    [Fact] public void Not_on_plain_words() => Check("Nothing h$0ere.", "-");
    [Fact] public void Not_in_a_fenced_code_block() => Check("Text\n\n```python\nuse Lo$0RA\n```\n", "-");
    [Fact] public void Not_in_inline_code() => Check("Use `Lo$0RA` here", "-");
    [Fact] public void Not_in_a_link_destination() => Check("[docs](https://x.org/Lo$0RA)", "-");
    [Fact] public void In_link_text() => Check("[Lo$0RA docs](https://x.org/)", "lora [LoRA]");
    [Fact] public void In_a_heading() => Check("# About R$0AG\n", "rag [RAG]");
    [Fact] public void In_a_table_cell() => Check("| a | b |\n|---|---|\n| MoE | R$0AG |\n", "rag [RAG]");
    [Fact] public void In_a_python_comment() => Check("x = 1  # tune with Lo$0RA\n", "lora [LoRA]", "python");
    [Fact] public void Not_in_python_code() => Check("LoRA = 1\nx = Lo$0RA\n", "-", "python");
    [Fact] public void Not_in_a_python_string() => Check("s = \"# Lo$0RA\"\n", "-", "python");
    [Fact] public void Not_in_an_unsupported_language() => Check("# Lo$0RA", "-", "plaintext-unknown");
    [Fact] public void After_an_emoji() => Check("😀😀 LoR$0A", "lora [LoRA]");

    [Fact]
    public void Renders_both_languages_in_the_requested_order()
    {
        var entry = TestSupport.Glossary.Find("lora")!;
        string english = Hover.Render(entry, TestSupport.Glossary, chineseFirst: false);
        string chinese = Hover.Render(entry, TestSupport.Glossary, chineseFirst: true);
        Assert.StartsWith("**LoRA** — Low-Rank Adaptation · 低秩适配 / 低秩适应", english);
        Assert.True(english.IndexOf("Test definition", StringComparison.Ordinal) < english.IndexOf("测试用", StringComparison.Ordinal));
        Assert.True(chinese.IndexOf("测试用", StringComparison.Ordinal) < chinese.IndexOf("Test definition", StringComparison.Ordinal));
        Assert.Contains("QLoRA", english); // related
        Assert.Contains("arXiv:2106.09685", english);
    }

    [Fact]
    public void Renders_plain_text_without_markdown_marks()
    {
        var entry = TestSupport.Glossary.Find("lora")!;
        string markdown = Hover.Render(entry, TestSupport.Glossary, chineseFirst: false, DocumentationFormat.Markdown);
        string plain = Hover.Render(entry, TestSupport.Glossary, chineseFirst: false, DocumentationFormat.PlainText);
        Assert.StartsWith("LoRA — Low-Rank Adaptation · 低秩适配 / 低秩适应\n\n", plain);
        foreach (var mark in new[] { "**", "_", "](", "*Note:*" }) Assert.DoesNotContain(mark, plain);
        Assert.Contains("_training · bundled glossary_", markdown);
        // The same content, line for line: only the marks differ.
        Assert.Equal(markdown.Split('\n').Length, plain.Split('\n').Length);
        Assert.Contains("Test definition of LoRA.", plain);
        Assert.Contains("arXiv:2106.09685", plain);
        Assert.EndsWith("training · bundled glossary · test-glossary.yaml:3", plain);
    }
}
