using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

/// <summary>What one document snapshot contains: its searchable regions and the terms found in them.</summary>
public sealed record DocumentAnalysis(TextDocument Document, DocumentRegions Regions, IReadOnlyList<TermMatch> Matches)
{
    /// <summary>For Markdown: the analysis of each chunk, which the next snapshot's analysis reuses (<see cref="MarkdownAnalyzer"/>).</summary>
    private MarkdownAnalyzer.ChunkCache? _markdownChunks;

    public const string MarkdownLanguageId = "markdown";

    /// <summary>
    /// The regions and matches of a snapshot: Markdown through <see cref="MarkdownAnalyzer"/>, code through the comment lexer
    /// of its language (<see cref="Languages"/>); any other language has no regions.
    /// </summary>
    /// <param name="previous">The analysis of an earlier snapshot of the same document, whose unchanged Markdown chunks are reused.</param>
    public static DocumentAnalysis Analyze(TextDocument document, TermMatcher matcher, CancellationToken cancellationToken = default, DocumentAnalysis? previous = null)
    {
        if (document.LanguageId == MarkdownLanguageId)
        {
            var (markdownRegions, markdownMatches, chunks) = MarkdownAnalyzer.Analyze(document.Text, matcher, previous?._markdownChunks, cancellationToken);
            return new DocumentAnalysis(document, markdownRegions, markdownMatches) { _markdownChunks = chunks };
        }
        var regions = Languages.CommentSyntaxFor(document.LanguageId) is { } syntax
            ? CodeComments.Analyze(document.Text, syntax, cancellationToken)
            : DocumentRegions.Empty;
        var matches = matcher.FindAll(document.Text, regions, cancellationToken);
        return new DocumentAnalysis(document, regions, matches);
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
