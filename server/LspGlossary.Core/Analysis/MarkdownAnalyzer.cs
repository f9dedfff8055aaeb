using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

/// <summary>
/// A whole Markdown document, in chunks (see <see cref="MarkdownChunks"/>): each chunk is parsed and walked
/// (<see cref="MarkdownRegions.AnalyzeChunk"/>) and searched for terms; chunks already analysed with the same matcher
/// are reused from the previous snapshot's <see cref="ChunkCache"/>, the others are analysed (in parallel when there are
/// several), and the silenced spans are computed over the whole document from every chunk's directives.
/// </summary>
public static class MarkdownAnalyzer
{
    /// <summary>One chunk's regions, directives and matches, relative to the chunk's start.</summary>
    internal sealed record ChunkAnalysis(MarkdownRegions.ChunkRegions Regions, List<TermMatch> Matches);

    /// <summary>
    /// Each chunk's analysis by its text, with the matcher it was made with. The next snapshot's analysis reuses every
    /// chunk whose text did not change, so an edit costs one chunk, not the document.
    /// </summary>
    public sealed class ChunkCache
    {
        internal ChunkCache(TermMatcher matcher, Dictionary<string, ChunkAnalysis> chunks)
        {
            Matcher = matcher;
            Chunks = chunks;
        }

        internal TermMatcher Matcher { get; }

        internal Dictionary<string, ChunkAnalysis> Chunks { get; }
    }

    /// <summary>
    /// The regions and matches of a Markdown text, and the cache of its chunks for the next snapshot. Never throws for
    /// any text; only a cancelled token ends it early, with <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="previous">The chunk cache of an earlier snapshot of the same document, whose unchanged chunks are reused.</param>
    public static (DocumentRegions Regions, List<TermMatch> Matches, ChunkCache Cache) Analyze(
        string text, TermMatcher matcher, ChunkCache? previous, CancellationToken cancellationToken)
    {
        var spans = MarkdownChunks.Split(text);
        var known = previous is not null && ReferenceEquals(previous.Matcher, matcher) ? previous.Chunks : null;
        var keys = new string[spans.Count];
        var results = new ChunkAnalysis?[spans.Count];
        var missing = new List<int>();
        for (int i = 0; i < spans.Count; i++)
        {
            keys[i] = text.Substring(spans[i].Start, spans[i].Length);
            if (known is not null && known.TryGetValue(keys[i], out var reused)) results[i] = reused;
            else missing.Add(i);
        }

        void AnalyzeChunk(int i)
        {
            var regions = MarkdownRegions.AnalyzeChunk(keys[i], cancellationToken);
            var matches = matcher.FindAll(keys[i], new DocumentRegions(regions.Searchable, []), cancellationToken);
            results[i] = new ChunkAnalysis(regions, matches);
        }
        if (missing.Count > 1)
        {
            Parallel.ForEach(missing, new ParallelOptions { CancellationToken = cancellationToken }, AnalyzeChunk);
        }
        else
        {
            foreach (int i in missing) AnalyzeChunk(i);
        }

        var searchable = new List<TextSpan>();
        var silenced = new MarkdownRegions.SilencedBuilder();
        var allMatches = new List<TermMatch>();
        var chunks = new Dictionary<string, ChunkAnalysis>(StringComparer.Ordinal);
        for (int i = 0; i < spans.Count; i++)
        {
            int offset = spans[i].Start;
            var chunk = results[i]!;
            chunks.TryAdd(keys[i], chunk);
            foreach (var span in chunk.Regions.Searchable) searchable.Add(new TextSpan(span.Start + offset, span.Length));
            silenced.Add(chunk.Regions, offset);
            foreach (var match in chunk.Matches) allMatches.Add(match with { Span = new TextSpan(match.Span.Start + offset, match.Span.Length) });
        }
        return (silenced.Build(text, searchable), allMatches, new ChunkCache(matcher, chunks));
    }
}
