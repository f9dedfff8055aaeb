using System.Text;
using LspGlossary.Core.Analysis;
using LspGlossary.Core.Text;
using Xunit;

namespace LspGlossary.Tests;

/// <summary>
/// Tests for <see cref="MarkdownRegions"/>, through the path the server takes (<see cref="MarkdownAnalyzer"/>). Most tests are data-driven: the expected value lists the text of
/// each searchable (or silenced) span, in order, each wrapped in «guillemets» so that leading and trailing
/// spaces stay visible. Inside a piece, "⏎" stands for "\n" and "␍" for "\r". An empty expected value means
/// that there is no span at all. Because every piece is cut out of the source with the span's own offsets,
/// a wrong offset shows up as a wrong piece.
/// </summary>
public class MarkdownRegionsTests
{
    // ----- Prose that is searched -----

    [Theory]
    [InlineData("Hello LoRA world.", "«Hello LoRA world.»")]
    [InlineData("Hello LoRA world.\nSecond line RLHF.", "«Hello LoRA world.⏎Second line RLHF.»")]
    [InlineData("First paragraph.\n\nSecond paragraph.", "«First paragraph.»«Second paragraph.»")]
    [InlineData("   Indented paragraph.", "«Indented paragraph.»")]
    [InlineData("# LoRA heading #\n", "«LoRA heading»")]
    [InlineData("###### Deep heading", "«Deep heading»")]
    [InlineData("Setext LoRA\n===\n\nSub heading\n---\n", "«Setext LoRA»«Sub heading»")]
    [InlineData("Setext over\ntwo lines\n===", "«Setext over⏎two lines»")]
    [InlineData("Plain *LoRA* and **RLHF** and _x_.", "«Plain »«LoRA»« and »«RLHF»« and »«x»«.»")]
    [InlineData("**bold *nested* end**", "«bold »«nested»« end»")]
    [InlineData("Escaped \\*LoRA\\* stays.", "«Escaped \\*LoRA\\* stays.»")]
    [InlineData("Unmatched *star and `tick.", "«Unmatched *star and `tick.»")]
    public void FindsParagraphsHeadingsAndEmphasis(string markdown, string expected) => Check(markdown, expected);

    [Theory]
    [InlineData("- one LoRA\n- two RLHF\n", "«one LoRA»«two RLHF»")]
    [InlineData("1. first\n2. second", "«first»«second»")]
    [InlineData("- a\n  - b LoRA\n    - c RLHF", "«a»«b LoRA»«c RLHF»")]
    [InlineData("- a\n  - b LoRA\n    > quoted RLHF\n    > more\n", "«a»«b LoRA»«quoted RLHF⏎»«more»")]
    [InlineData("> quote one\n>> quote two LoRA", "«quote one»«quote two LoRA»")]
    [InlineData("> - listed in quote\n>\n>   second paragraph", "«listed in quote»«second paragraph»")]
    [InlineData("> # Quoted heading\n> text", "«Quoted heading»«text»")]
    [InlineData("* [x] task LoRA", "«[x] task LoRA»")]
    public void FindsListsAndQuotes(string markdown, string expected) => Check(markdown, expected);

    [Theory]
    [InlineData(
        "| Term | Meaning |\n|------|---------|\n| LoRA | low `rank` adaptation |\n| RLHF | [feedback](http://x/lora) |",
        "« Term »« Meaning »« LoRA »« low »« adaptation »« RLHF »«feedback»")]
    [InlineData("Term | Meaning\n--- | ---\nLoRA | rank", "«Term »« Meaning»«LoRA »« rank»")]
    [InlineData("| *LoRA* | x |\n|:---|---:|", "«LoRA»« »« x »")]
    public void FindsTableCells(string markdown, string expected) => Check(markdown, expected);

    [Theory]
    [InlineData("中文文本：低秩适配（LoRA）是一种方法。", "«中文文本：低秩适配（LoRA）是一种方法。»")]
    [InlineData("## 人类反馈强化学习\n\n它叫 **RLHF**。", "«人类反馈强化学习»«它叫 »«RLHF»«。»")]
    [InlineData("😀 LoRA and 👍🏽 RLHF.", "«😀 LoRA and 👍🏽 RLHF.»")]
    [InlineData("- 🚀 `code` 🚀 LoRA", "«🚀 »« 🚀 LoRA»")]
    public void KeepsOffsetsExactOutsideAscii(string markdown, string expected) => Check(markdown, expected);

    [Fact]
    public void EmojiBeforeATermLeavesItsOffsetExact()
    {
        string text = "😀👍🏽 **LoRA** and `x` RLHF";
        var searchable = Regions(text).Searchable;

        // "😀" is two UTF-16 units and "👍🏽" four, so the space is at 6 and "**" starts at 7.
        Assert.Contains(new TextSpan(9, 4), searchable);
        Assert.Equal("LoRA", text.Substring(9, 4));
        Assert.Equal(" RLHF", Piece(text, searchable[^1]));
        Assert.Equal(text.Length, searchable[^1].End);
    }

    [Theory]
    [InlineData("Line one LoRA\r\nLine two\r\n", "«Line one LoRA␍⏎Line two»")]
    [InlineData(
        "Para\r\n\r\n## Head\r\n\r\n```\r\ncode LoRA\r\n```\r\n> q1\r\n> q2\r\n\r\n- item\r\n",
        "«Para»«Head»«q1␍⏎»«q2»«item»")]
    [InlineData("| a | b |\r\n|---|---|\r\n| LoRA | x |\r\n", "« a »« b »« LoRA »« x »")]
    [InlineData("Old\rMac line", "«Old␍Mac line»")]
    public void HandlesCarriageReturns(string markdown, string expected) => Check(markdown, expected);

    [Theory]
    [InlineData("hard  \nbreak", "«hard»«⏎break»")]
    [InlineData("back\\\nslash", "«back»«slash»")]
    [InlineData("AT&amp;T LoRA", "«AT»«T LoRA»")]
    public void HandlesLineBreaksAndEntities(string markdown, string expected) => Check(markdown, expected);

    // ----- Links: the text is prose, the destination is not -----

    [Theory]
    [InlineData("[LoRA paper](https://arxiv.org/abs/lora \"Lora title\") end", "«LoRA paper»« end»")]
    [InlineData("[Lora](https://example.com/Lora)", "«Lora»")]
    [InlineData("See [docs](https://example.com/Lora).", "«See »«docs»«.»")]
    [InlineData("[**LoRA** docs](u)", "«LoRA»« docs»")]
    [InlineData("![Lora alt](img/lora.png \"Lora title\")", "«Lora alt»")]
    [InlineData("[![LoRA badge](https://img/lora.svg)](https://lora.link)", "«LoRA badge»")]
    [InlineData("[ref text][r1] and [r1].\n\n[r1]: https://lora.example.com \"Lora def\"", "«ref text»« and »«r1»«.»")]
    [InlineData("[lora]: https://lora.ai\n\nText.", "«Text.»")]
    [InlineData("![](empty.png) and [](empty)", "« and »")]
    public void SearchesLinkTextButNotDestinations(string markdown, string expected) => Check(markdown, expected);

    [Theory]
    [InlineData("See <https://lora.ai> and <me@lora.com>.", "«See »« and »«.»")]
    [InlineData("See https://example.com/lora and www.lora.com now.", "«See »« and »« now.»")]
    [InlineData("Run http://localhost:8000/lora now.", "«Run »« now.»")]
    [InlineData("Open http://127.0.0.1:8000/v1/lora now.", "«Open »« now.»")]
    [InlineData("(https://x.com/lora) and *https://e.com/lora*", "«(»«) and »")]
    [InlineData("Say 'https://z.com/lora' ok", "«Say '»« ok»")]
    [InlineData("ftp://files.example.com/lora", "")]
    public void LeavesOutUrls(string markdown, string expected) => Check(markdown, expected);

    // ----- Code, HTML and front matter are not searched -----

    [Theory]
    [InlineData("```python\nLoRA = 1\nx = 1\n```\nAfter.", "«After.»")]
    [InlineData("```text\n# LoRA in text\n```\nAfter.", "«After.»")]
    [InlineData("```\n# LoRA without info\n```\nAfter.", "«After.»")]
    [InlineData("~~~\nLoRA\n~~~", "")]
    [InlineData("````\n```\nLoRA\n```\n````\nDone", "«Done»")]
    [InlineData("- item\n\n  ```\n  LoRA\n  ```\n", "«item»")]
    [InlineData("> ```\n> LoRA\n> ```\n> quoted", "«quoted»")]
    [InlineData("```\nnever closed LoRA\n\nstill code", "")]
    [InlineData("Para.\n\n    indented LoRA code\n", "«Para.»")]
    [InlineData("Use `lora_rank` here.", "«Use »« here.»")]
    [InlineData("Use ``a ` LoRA`` here.", "«Use »« here.»")]
    public void LeavesOutCode(string markdown, string expected) => Check(markdown, expected);

    [Theory]
    [InlineData("<div class=\"lora\">\n</div>\n\nAfter.", "«After.»")]
    [InlineData("<!-- LoRA comment -->\nText", "«Text»")]
    [InlineData("A <span title=\"lora\">LoRA</span> B <!-- lora --> C", "«A »«LoRA»« B »« C»")]
    [InlineData("A <br> B <img src=\"lora.png\"> C", "«A »« B »« C»")]
    [InlineData("A <code>Lora</code> B <CODE class=\"x\">Moe *x*</CODE> C <b>Lora</b>", "«A »« B »« C »«Lora»")]
    [InlineData("A <kbd>Lora</kbd> and <code/>Lora", "«A »« and »«Lora»")]
    public void LeavesOutHtml(string markdown, string expected) => Check(markdown, expected);

    // ----- The text of HTML blocks is searched; tags, attributes, comments and code are not -----

    [Theory]
    [InlineData("<div class=\"lora\">\nLoRA inside\n</div>\n\nAfter.", "«LoRA inside»«After.»")]
    [InlineData("<div align=\"center\">\n  <h3>LoRA 微调</h3>\n  <p>低秩适配 <a href=\"https://x.org/Lora\">Lora docs</a></p>\n</div>",
        "«LoRA 微调»«低秩适配»«Lora docs»")]
    [InlineData("<details>\n<summary>LoRA</summary>\n\nInside **details**.\n\n</details>", "«LoRA»«Inside »«details»«.»")]
    [InlineData("<table><tr><td>LoRA</td><td title='Lora'>QLoRA</td></tr></table>", "«LoRA»«QLoRA»")]
    [InlineData("<p align=\"center\"><img src=\"Lora.png\" alt=\"Lora\"/> RLHF</p>", "«RLHF»")]
    [InlineData("<p>\nA <!-- Lora --> B <!-- glossary-disable --> C\n</p>", "«A»«B»«C»")]
    [InlineData("<div>\n<pre>\nLora code\n</pre>\n<code>Lora</code> <script>var Lora = '</p>';</script>\n<style>.Lora{}</style> after\n</div>", "«after»")]
    [InlineData("<pre>\nLora never closed\n\nParagraph.", "")]
    [InlineData("<div>\nthe KV\ncache</div>", "«the KV⏎cache»")]
    [InlineData("<div>\r\nthe KV\r\ncache\r\n</div>", "«the KV␍⏎cache»")]
    [InlineData("<div>\na < b and Lora\n</div>", "«a < b and Lora»")]
    [InlineData("<div>\n<p don't>Lora</p> <![CDATA[ Lora ]]> <?php Lora ?> <!DOCTYPE Lora> end\n</div>", "«Lora»«end»")]
    [InlineData("<div>\ntext <span title=\"unclosed quote>Lora\n</div>", "«text»")]
    [InlineData("> <div>\n> LoRA quoted\n> </div>", "«LoRA quoted»")]
    [InlineData("> <div>\n> the KV\n> cache</div>", "«the KV»«cache»")]
    public void SearchesTheTextOfHtmlBlocks(string markdown, string expected) => Check(markdown, expected);

    [Fact]
    public void HtmlTextScansMalformedMegabytesInOnePass()
    {
        var inputs = new[]
        {
            new string('<', 1_000_000),
            string.Concat(Enumerable.Repeat("<a ", 300_000)),
            string.Concat(Enumerable.Repeat("<a title=\"", 200_000)),
            string.Concat(Enumerable.Repeat("<p>LoRA <code>", 100_000)),
            string.Concat(Enumerable.Repeat("<!-", 300_000)),
            string.Concat(Enumerable.Repeat("</", 500_000)),
            "<script>" + string.Concat(Enumerable.Repeat("</scrip", 150_000)),
        };
        foreach (var input in inputs)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var spans = new List<TextSpan>();
            HtmlText.AddTextSpans(input, 0, input.Length, spans);
            var regions = Regions("<div>\n" + input);
            watch.Stop();
            AssertWellFormed(input, spans);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed} for input starting {input[..20]}");
        }
        var all = new List<TextSpan>();
        string lessThans = new('<', 1_000_000);
        HtmlText.AddTextSpans(lessThans, 0, lessThans.Length, all);
        Assert.Equal(new TextSpan(0, lessThans.Length), Assert.Single(all));
    }

    // ----- Comments of fenced code blocks in a known language are searched -----

    [Theory]
    [InlineData("```python\n# LoRA in code\nx = 1  # Lora 秩\ns = \"# not Lora\"\n```\nAfter.", "« LoRA in code»« Lora 秩»«After.»")]
    [InlineData("```py\n'''Docstring LoRA.'''\n```", "«Docstring LoRA.»")]
    [InlineData("```bash\necho '# Lora' # Moe\n```", "« Moe»")]
    [InlineData("```JS title=\"x.js\"\nconst Lora = 1; /* Moe\n   QLoRA */ // RAG\n```", "« Moe⏎   QLoRA »« RAG»")]
    [InlineData("```c++\nint x; // Lora\n```", "« Lora»")]
    [InlineData("```rust\n/// Lora docs\nfn lora() {}\n```", "« Lora docs»")]
    [InlineData("```yaml\nlora: Lora # Lora rank\n```", "« Lora rank»")]
    [InlineData("- item\n\n  ```python\n  # Lora in a list\n  ```\n", "«item»« Lora in a list»")]
    [InlineData("> ```go\n> // Lora quoted\n> x := 1 // Moe\n> ```", "« Lora quoted»« Moe»")]
    [InlineData("```python\r\n# Lora crlf\r\nx = 1\r\n```\r\n", "« Lora crlf»")]
    [InlineData("```c\n/* the KV\n   cache */\n```", "« the KV⏎   cache »")]
    [InlineData("```python\n# never closed Lora\n\nstill code", "« never closed Lora»")]
    [InlineData("```mermaid\n%% Lora\n```\n```json\n{\"Lora\": 1}\n```\n```console\n# Lora\n```", "")]
    [InlineData("    # Lora indented\n", "")]
    public void SearchesCommentsOfFencedCodeBlocks(string markdown, string expected) => Check(markdown, expected);

    [Theory]
    [InlineData("python", "python")]
    [InlineData("py", "python")]
    [InlineData("Python3", "python")]
    [InlineData("ts", "javascript")]
    [InlineData("sh", "shell")]
    [InlineData("golang", "go")]
    [InlineData("c", "c")]
    [InlineData("yml", "yaml")]
    [InlineData("toml", "toml")]
    [InlineData("text", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void FenceInfoNamesALanguage(string? info, string? syntax) => Assert.Equal(syntax, Languages.CommentSyntaxForFence(info)?.Name);


    [Theory]
    [InlineData("---\ntitle: LoRA\ntags: [rlhf]\n---\n\nBody RLHF.", "«Body RLHF.»")]
    [InlineData("---\na: LoRA\n---\n", "")]
    [InlineData("Para\n\n---\n\nAfter rule", "«Para»«After rule»")]
    public void LeavesOutFrontMatterAndRules(string markdown, string expected) => Check(markdown, expected);

    [Theory]
    [InlineData("", "")]
    [InlineData("   \n\n\t\n", "")]
    [InlineData("a\0b LoRA", "«a\0b LoRA»")]
    public void HandlesEmptyAndOddText(string markdown, string expected) => Check(markdown, expected);

    // ----- Diagnostics controls -----

    [Theory]
    [InlineData("<!-- glossary-disable-next-line -->\nLoRA off.\nLoRA on.\n", "«LoRA off.⏎»")]
    [InlineData("<!--glossary-disable-next-line-->\nOff\nOn", "«Off⏎»")]
    [InlineData("<!-- glossary-disable-next-line -->\r\nOff\r\nOn\r\n", "«Off␍⏎»")]
    [InlineData("<!-- glossary-disable-next-line -->\nLast line", "«Last line»")]
    [InlineData("Para <!-- glossary-disable-next-line --> same\nnext line\nthird", "«next line⏎»")]
    [InlineData("<!--\nglossary-disable-next-line\n-->\nOff\nOn", "«Off⏎»")]
    [InlineData("Para\n\n<!-- glossary-disable-next-line -->", "")]
    [InlineData("- <!-- glossary-disable-next-line -->\n  Off in list\n- On", "«  Off in list⏎»")]
    public void DisableNextLineSilencesTheFollowingLine(string markdown, string expected) => CheckOff(markdown, expected);

    [Theory]
    [InlineData("A\n<!-- glossary-disable -->\nB\n<!-- glossary-enable -->\nC", "«⏎B⏎»")]
    [InlineData("<!--\n  glossary-disable\n-->\nA\n<!--glossary-enable-->\nB", "«⏎A⏎»")]
    [InlineData("Start <!--   glossary-disable   --> middle\nlines\n\n<!--glossary-enable--> end", "« middle⏎lines⏎⏎»")]
    [InlineData("text\n<!-- glossary-disable -->\nrest", "«⏎rest»")]
    [InlineData("<!-- GLOSSARY-DISABLE -->\nrest", "«⏎rest»")]
    [InlineData("<!-- glossary-enable -->\nA", "")]
    [InlineData(
        "<!-- glossary-disable -->\nB\n<!-- glossary-disable -->\nC\n<!-- glossary-enable -->\nD",
        "«⏎B⏎<!-- glossary-disable -->⏎C⏎»")]
    [InlineData(
        "<!-- glossary-disable -->\nA\n<!-- glossary-enable -->\nB\n<!-- glossary-disable -->\nC",
        "«⏎A⏎»«⏎C»")]
    [InlineData(
        "<!-- glossary-disable -->\n<!-- glossary-disable-next-line -->\nA\nB\n<!-- glossary-enable -->",
        "«⏎<!-- glossary-disable-next-line -->⏎A⏎B⏎»")]
    public void DisableSilencesUntilEnable(string markdown, string expected) => CheckOff(markdown, expected);

    [Theory]
    [InlineData("```\n<!-- glossary-disable -->\n```\nLoRA")]
    [InlineData("`<!-- glossary-disable -->` LoRA")]
    [InlineData("    <!-- glossary-disable -->\n\nLoRA")]
    [InlineData("---\nx: <!-- glossary-disable -->\n---\nLoRA")]
    [InlineData("<!-- glossary-disable-all -->\nLoRA")]
    [InlineData("<!-- glossary disable -->\nLoRA")]
    [InlineData("Text about glossary-disable and LoRA.")]
    public void IgnoresControlsOutsideHtmlOrMisspelled(string markdown) => CheckOff(markdown, "");

    [Fact]
    public void SilencedTextIsStillSearchable()
    {
        string text = "<!-- glossary-disable-next-line -->\nLoRA off.\n";
        var regions = Regions(text);
        Assert.Equal("«LoRA off.»", Show(text, regions.Searchable));
        Assert.Equal("«LoRA off.⏎»", Show(text, regions.DiagnosticsOff));
    }

    // ----- Robustness and speed -----

    [Fact]
    public void ThrowsWhenCancelled()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Regions("# Title\n\nText.", source.Token));
    }

    [Fact]
    public void NeverThrowsOnPathologicalInput()
    {
        var inputs = new[]
        {
            new string('>', 5000) + " deep",
            new string('[', 5000) + "x",
            string.Concat(Enumerable.Repeat("- ", 5000)) + "x",
            new string('*', 5000) + "a" + new string('_', 5000),
            new string('`', 5000),
            "<!-- glossary-disable",
            "<!-- glossary-disable-next-line --",
            "\ud800 lone surrogate \udc00",
            "| a |\n|---|\n" + string.Concat(Enumerable.Repeat("| x |\n", 2000)),
        };
        foreach (var input in inputs)
        {
            var regions = Regions(input);
            AssertWellFormed(input, regions.Searchable);
            AssertWellFormed(input, regions.DiagnosticsOff);
        }
    }

    [Fact]
    public void LargeDocumentKeepsEveryParagraphAndNoCode()
    {
        // About 2.6 MB: 40,000 blocks of a paragraph followed by a fenced code block.
        var builder = new StringBuilder();
        for (int i = 0; i < 40_000; i++)
        {
            builder.Append("Para ").Append(i).Append(" about LoRA.\n\n```\ncode LoRA ").Append(i).Append("\n```\n\n");
        }
        string text = builder.ToString();

        var searchable = Regions(text).Searchable;

        Assert.Equal(40_000, searchable.Count);
        Assert.Equal("Para 0 about LoRA.", Piece(text, searchable[0]));
        Assert.Equal("Para 39999 about LoRA.", Piece(text, searchable[^1]));
        foreach (var span in searchable)
        {
            Assert.StartsWith("Para ", Piece(text, span));
        }
    }

    // ----- Helpers -----

    /// <summary>The regions of a Markdown text through the production path: <see cref="DocumentAnalysis.Analyze"/>, in chunks.</summary>
    private static DocumentRegions Regions(string markdown, CancellationToken cancellationToken = default) =>
        DocumentAnalysis.Analyze(new TextDocument("file:///test.md", "markdown", 1, markdown), TestSupport.Matcher, cancellationToken).Regions;

    private static void Check(string markdown, string expected)
    {
        var regions = Regions(markdown);
        AssertWellFormed(markdown, regions.Searchable);
        Assert.Equal(expected, Show(markdown, regions.Searchable));
    }

    private static void CheckOff(string markdown, string expected)
    {
        var regions = Regions(markdown);
        AssertWellFormed(markdown, regions.DiagnosticsOff);
        Assert.Equal(expected, Show(markdown, regions.DiagnosticsOff));
    }

    /// <summary>Spans must be non-empty, inside the text, sorted, and neither overlapping nor touching.</summary>
    private static void AssertWellFormed(string text, IReadOnlyList<TextSpan> spans)
    {
        for (int i = 0; i < spans.Count; i++)
        {
            Assert.True(spans[i].Length > 0, $"Span {spans[i]} is empty.");
            Assert.True(spans[i].Start >= 0 && spans[i].End <= text.Length, $"Span {spans[i]} lies outside the text.");
            if (i > 0) Assert.True(spans[i - 1].End < spans[i].Start, $"Spans {spans[i - 1]} and {spans[i]} touch or overlap.");
        }
    }

    private static string Piece(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    private static string Show(string text, IReadOnlyList<TextSpan> spans)
    {
        var builder = new StringBuilder();
        foreach (var span in spans)
        {
            builder.Append('«').Append(Piece(text, span).Replace("\r", "␍").Replace("\n", "⏎")).Append('»');
        }
        return builder.ToString();
    }
}
