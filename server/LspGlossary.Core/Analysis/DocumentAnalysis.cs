using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

/// <summary>What one document snapshot contains: its searchable regions and the terms found in them.</summary>
public sealed record DocumentAnalysis(TextDocument Document, DocumentRegions Regions, IReadOnlyList<TermMatch> Matches)
{
    /// <summary>One Markdown chunk's regions, controls and matches, relative to the chunk's start.</summary>
    private sealed record ChunkAnalysis(MarkdownRegions.ChunkRegions Regions, List<TermMatch> Matches);

    /// <summary>
    /// For Markdown: each chunk's analysis by its text, with the matcher it was made with. The next snapshot's
    /// analysis reuses every chunk whose text did not change, so an edit costs one chunk, not the document.
    /// </summary>
    private TermMatcher? _chunksMatcher;
    private Dictionary<string, ChunkAnalysis>? _chunks;

    public const string MarkdownLanguageId = "markdown";

    public static DocumentRegions FindRegions(string text, string languageId, CancellationToken cancellationToken = default)
    {
        if (languageId == MarkdownLanguageId) return MarkdownRegions.Analyze(text, cancellationToken);
        return Languages.CommentSyntaxFor(languageId) is { } syntax
            ? CodeComments.Analyze(text, syntax, cancellationToken)
            : DocumentRegions.Empty;
    }

    /// <param name="previous">The analysis of an earlier snapshot of the same document, whose unchanged Markdown chunks are reused.</param>
    public static DocumentAnalysis Analyze(TextDocument document, TermMatcher matcher, CancellationToken cancellationToken = default, DocumentAnalysis? previous = null)
    {
        if (document.LanguageId == MarkdownLanguageId) return AnalyzeMarkdown(document, matcher, previous, cancellationToken);
        var regions = FindRegions(document.Text, document.LanguageId, cancellationToken);
        var matches = matcher.FindAll(document.Text, regions, cancellationToken);
        return new DocumentAnalysis(document, regions, matches);
    }

    /// <summary>
    /// Markdown in chunks (see <see cref="MarkdownChunks"/>): chunks already analysed with the same matcher are
    /// reused, the others are parsed and searched (in parallel when there are several), and the silenced spans
    /// are computed over the whole document from every chunk's directives.
    /// </summary>
    private static DocumentAnalysis AnalyzeMarkdown(TextDocument document, TermMatcher matcher, DocumentAnalysis? previous, CancellationToken cancellationToken)
    {
        string text = document.Text;
        var spans = MarkdownChunks.Split(text);
        var known = previous is not null && ReferenceEquals(previous._chunksMatcher, matcher) ? previous._chunks : null;
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
        return new DocumentAnalysis(document, silenced.Build(text, searchable), allMatches)
        {
            _chunksMatcher = matcher,
            _chunks = chunks,
        };
    }

    /// <summary>The match that contains the offset, or ends right at it (a cursor just after a word).</summary>
    public TermMatch? MatchAt(int offset)
    {
        int low = 0, high = Matches.Count - 1;
        while (low <= high)
        {
            int mid = (low + high) / 2;
            var span = Matches[mid].Span;
            if (offset < span.Start) high = mid - 1;
            else if (offset > span.End) low = mid + 1;
            else
            {
                // Prefer a match that contains the offset over one that only ends at it.
                if (offset == span.End && mid + 1 < Matches.Count && Matches[mid + 1].Span.Start == offset) return Matches[mid + 1];
                return Matches[mid];
            }
        }
        return null;
    }

    /// <summary>True when the offset lies in a searchable region or at its end.</summary>
    public bool IsSearchable(int offset) => SpanIndex.ContainsOrTouches(Regions.Searchable, offset);

    /// <summary>True when a directive silences this match: one for every term, or one that names its entry.</summary>
    public bool IsDiagnosticsOff(TermMatch match) => Regions.IsDiagnosticsOff(match.Span, match.Entry);
}
