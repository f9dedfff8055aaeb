using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;

namespace LspGlossary.Tests;

/// <summary>
/// "Ignore 'X' on this line" (<see cref="IgnoreOnLine"/>): the directive in the document's comment syntax, with the
/// line's indentation and line breaks; once applied, the finding is gone and the others stay.
/// </summary>
public class IgnoreOnLineTests
{
    /// <summary>The text after the edit for the finding <paramref name="found"/>, checked to silence it and nothing more.</summary>
    private static string Ignored(string text, string found, string languageId = "markdown")
    {
        var analysis = TestSupport.Analyze(text, languageId);
        var before = Diagnostics.Compute(analysis, Severity.Warning);
        var diagnostic = Assert.Single(before, d => d.Found == found);
        var edit = IgnoreOnLine.For(analysis, diagnostic);
        Assert.NotNull(edit);
        string after = text[..edit!.Span.Start] + edit.NewText + text[edit.Span.End..];
        var left = Diagnostics.Compute(TestSupport.Analyze(after, languageId), Severity.Warning);
        Assert.Equal(before.Count - 1, left.Count);
        Assert.DoesNotContain(left, d => d.Found == found);
        if (languageId == "markdown") Assert.Equal(BlockShape(text), BlockShape(after));
        return after;
    }

    /// <summary>The document's blocks as CommonMark reads them, HTML blocks (the comment) left out: a split paragraph or an ended list changes it.</summary>
    private static string BlockShape(string markdown)
    {
        static string Shape(Markdig.Syntax.Block block) => block switch
        {
            Markdig.Syntax.ContainerBlock container => $"{block.GetType().Name}({string.Join(",", container.Where(b => b is not Markdig.Syntax.HtmlBlock).Select(Shape))})",
            _ => block.GetType().Name,
        };
        return Shape(Markdig.Markdown.Parse(markdown));
    }

    [Fact]
    public void Markdown_gets_an_html_comment_on_a_line_of_its_own_with_the_indentation()
    {
        Assert.Equal("Intro with Qlora.\n\n<!-- glossary-disable-next-line Lora -->\nWe use Lora here.\n", Ignored("Intro with Qlora.\n\nWe use Lora here.\n", "Lora"));
        Assert.Equal("- item\n\n  <!-- glossary-disable-next-line Lora -->\n  Lora in an item.\n", Ignored("- item\n\n  Lora in an item.\n", "Lora"));
        Assert.Equal("# Title\r\n\r\n<!-- glossary-disable-next-line Lora -->\r\nLora.\r\n", Ignored("# Title\r\n\r\nLora.\r\n", "Lora"));
        // A list item's comment is indented by its marker, so the list goes on.
        Assert.Equal("- a\n\n  <!-- glossary-disable-next-line Lora -->\n- Lora b\n", Ignored("- a\n\n- Lora b\n", "Lora"));
        Assert.Equal("Text.\n\n   <!-- glossary-disable-next-line Lora -->\n1. Lora\n", Ignored("Text.\n\n1. Lora\n", "Lora"));
    }

    [Fact]
    public void A_block_quote_keeps_its_marker_and_a_table_row_gets_nothing()
    {
        Assert.Equal("> Quoted.\n>\n> <!-- glossary-disable-next-line Lora -->\n> Lora here.\n", Ignored("> Quoted.\n>\n> Lora here.\n", "Lora"));
        var analysis = TestSupport.Analyze("| a | b |\n|---|---|\n| Lora | x |\n");
        var diagnostic = Assert.Single(Diagnostics.Compute(analysis, Severity.Warning));
        Assert.Null(IgnoreOnLine.For(analysis, diagnostic));
    }

    [Fact]
    public void In_the_middle_of_a_paragraph_the_comment_ends_the_line_above()
    {
        Assert.Equal("First line <!-- glossary-disable-next-line Lora -->\nwith Lora and Qlora.\n", Ignored("First line\nwith Lora and Qlora.\n", "Lora"));
        // After an item, a heading or a paragraph's last line, too: no list ends, no paragraph splits.
        Assert.Equal("- a <!-- glossary-disable-next-line Lora -->\n- Lora b\n", Ignored("- a\n- Lora b\n", "Lora"));
        Assert.Equal("# Title <!-- glossary-disable-next-line Lora -->\nLora.\n", Ignored("# Title\nLora.\n", "Lora"));
        // A hard break (two spaces) stays at the end of the line.
        Assert.Equal("First line <!-- glossary-disable-next-line Lora -->  \nwith Lora.\n", Ignored("First line  \nwith Lora.\n", "Lora"));
    }

    [Fact]
    public void A_plural_or_another_casing_names_the_entry_by_its_term()
    {
        Assert.Contains("glossary-disable-next-line LoRA -->", Ignored("We tune Loras.\n", "Loras"));
        Assert.Contains("glossary-disable-next-line LORA -->", Ignored("We tune LORA.\n", "LORA"));
    }

    [Theory]
    [InlineData("python", "def f():\n    # uses Lora\n    pass\n", "def f():\n    # glossary-disable-next-line LoRA\n    # uses Lora\n    pass\n")]
    [InlineData("csharp", "class A\n{\n\t/* Lora */ int x;\n}\n", "class A\n{\n\t// glossary-disable-next-line LoRA\n\t/* Lora */ int x;\n}\n")]
    [InlineData("css", "a { color: red; } /* Lora */\n", "/* glossary-disable-next-line LoRA */\na { color: red; } /* Lora */\n")]
    [InlineData("html", "<p>\n  <!-- Lora -->\n</p>\n", "<p>\n  <!-- glossary-disable-next-line LoRA -->\n  <!-- Lora -->\n</p>\n")]
    [InlineData("sql", "SELECT 1; -- Lora\r\n", "-- glossary-disable-next-line LoRA\r\nSELECT 1; -- Lora\r\n")]
    public void Code_gets_its_line_comment_or_its_block_comment(string languageId, string text, string expected)
    {
        Assert.Equal(expected, Ignored(text, "Lora", languageId));
    }

    [Fact]
    public void A_fenced_block_gets_the_comment_of_its_language()
    {
        Assert.Equal("Text.\n\n```python\nx = 1\n# glossary-disable-next-line LoRA\n# Lora here\n```\n", Ignored("Text.\n\n```python\nx = 1\n# Lora here\n```\n", "Lora"));
    }

    [Fact]
    public void A_finding_inside_a_comment_begun_on_an_earlier_line_gets_no_directive()
    {
        var analysis = TestSupport.Analyze("/* first line\n   Lora */\nint x;\n", "c");
        var diagnostic = Assert.Single(Diagnostics.Compute(analysis, Severity.Warning));
        Assert.Null(IgnoreOnLine.For(analysis, diagnostic));
    }

    [Fact]
    public void The_code_actions_offer_it_after_the_fix()
    {
        var analysis = TestSupport.Analyze("We use Lora.\n");
        var diagnostics = Diagnostics.Compute(analysis, Severity.Warning);
        var actions = CodeActions.Compute(diagnostics, new Core.Text.TextSpan(8, 0), null, analysis: analysis);
        Assert.Equal(["Change 'Lora' to 'LoRA'", "Ignore 'Lora' on this line"], actions.Select(a => a.Title));
        Assert.False(actions[1].IsPreferred);
    }
}
