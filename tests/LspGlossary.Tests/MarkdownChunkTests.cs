using LspGlossary.Core.Analysis;
using LspGlossary.Core.Text;

namespace LspGlossary.Tests;

/// <summary>
/// Chunked Markdown analysis must agree with parsing the whole document at once, and an analysis that
/// reuses the chunks of an earlier snapshot must agree with one made from scratch.
/// </summary>
public class MarkdownChunkTests
{
    /// <summary>Real documents (the baseline fixtures, and the shared corpus when it is next to the repository).</summary>
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        var baselines = Path.Combine(TestSupport.RepoRoot, "tests", "LspGlossary.Tests", "Baselines", "corpus");
        foreach (var file in Directory.GetFiles(baselines, "*.md").Where(f => !f.EndsWith(".diagnostics.md")).Order()) data.Add(file);
        var corpus = Path.Combine(TestSupport.RepoRoot, "..", "shared", "corpus");
        if (Directory.Exists(corpus))
        {
            // The largest few files: long documents with code blocks, tables, HTML and Chinese.
            foreach (var file in Directory.EnumerateFiles(corpus, "*.md", SearchOption.AllDirectories)
                         .OrderByDescending(f => new FileInfo(f).Length).ThenBy(f => f, StringComparer.Ordinal).Take(25))
            {
                data.Add(file);
            }
        }
        return data;
    }

    private static string Tricky => """
        ---
        title: Lora

        more front matter
        ---

        A paragraph about LoRA.

        ```python
        # Lora in a fence

        still code after a blank line
        ```

        <!--
        an HTML comment with Lora

        across a blank line
        -->

        <!-- glossary-disable -->

        Lora is silenced here.

        <pre>
        Lora in pre

        still pre
        </pre>

        - a list item with Qlora

          continued after a blank line

        > a quote with MOE

        <!-- glossary-enable -->

        Lora is flagged again.

        """;

    [Theory]
    [MemberData(nameof(Documents))]
    public void Chunks_agree_with_the_whole_document(string path) => AssertAgree(File.ReadAllText(path));

    [Fact]
    public void Chunks_never_cut_fences_html_blocks_or_front_matter()
    {
        // Repeat the tricky text so that it spans many chunks, cut at every possible place.
        string text = string.Concat(Enumerable.Repeat(Tricky + "\n" + new string('x', 300) + "\n\n", 40));
        Assert.True(MarkdownChunks.Split(text).Count > 5);
        AssertAgree(text);
    }

    [Fact]
    public void Chunks_cover_the_text_exactly()
    {
        string text = string.Concat(Enumerable.Repeat("Para LoRA.\n\n- item\n\n", 2000));
        var chunks = MarkdownChunks.Split(text);
        Assert.Equal(0, chunks[0].Start);
        Assert.Equal(text.Length, chunks[^1].End);
        for (int i = 1; i < chunks.Count; i++) Assert.Equal(chunks[i - 1].End, chunks[i].Start);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Reusing_chunks_after_edits_agrees_with_a_fresh_analysis(string path)
    {
        var random = new Random(path.Length);
        var document = new TextDocument("file:///doc.md", "markdown", 1, File.ReadAllText(path) + "\n\n" + Tricky);
        var analysis = DocumentAnalysis.Analyze(document, TestSupport.Matcher);
        string[] insertions = ["Lora ", "x", "\n\n", "```\n", "<!-- glossary-disable -->\n", "😀", "使用Qlora", "\n- item\n", "-->", "\r\n"];
        for (int step = 0; step < 30; step++)
        {
            int start = random.Next(document.Text.Length + 1);
            int end = Math.Min(document.Text.Length, start + (random.Next(3) == 0 ? random.Next(40) : 0));
            document = document.WithEdit(start, end, insertions[random.Next(insertions.Length)], step + 2);
            analysis = DocumentAnalysis.Analyze(document, TestSupport.Matcher, previous: analysis);
            var fresh = DocumentAnalysis.Analyze(document, TestSupport.Matcher);
            Assert.Equal(Describe(fresh), Describe(analysis));
        }
    }

    private static void AssertAgree(string text)
    {
        // The server's path, in chunks; spans of neighbouring chunks may touch, so they are merged to compare.
        var chunked = DocumentAnalysis.Analyze(new TextDocument("file:///doc.md", "markdown", 1, text), TestSupport.Matcher).Regions;
        var whole = MarkdownRegions.AnalyzeChunk(text);
        var silenced = new MarkdownRegions.SilencedBuilder();
        silenced.Add(whole, 0);
        var wholeOff = silenced.Build(text, whole.Searchable).DiagnosticsOff;
        Assert.Equal(string.Join(",", whole.Searchable), string.Join(",", SpanIndex.SortAndMerge(chunked.Searchable.ToList())));
        Assert.Equal(string.Join(",", wholeOff), string.Join(",", chunked.DiagnosticsOff));
    }

    private static string Describe(DocumentAnalysis analysis) =>
        string.Join(",", analysis.Regions.Searchable) + "|" + string.Join(",", analysis.Regions.DiagnosticsOff) + "|" +
        string.Join(",", analysis.Matches.Select(m => $"{m.Span}:{m.Entry.Id}:{m.Kind}:{m.InIdentifier}"));
}
