using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

/// <summary>What one document snapshot contains: its searchable regions and the terms found in them.</summary>
public sealed record DocumentAnalysis(TextDocument Document, DocumentRegions Regions, IReadOnlyList<TermMatch> Matches)
{
    public const string MarkdownLanguageId = "markdown";

    /// <summary>True when the language is Markdown or a code language whose comments we can find.</summary>
    public static bool IsSupportedLanguage(string languageId) =>
        languageId == MarkdownLanguageId || CommentSyntax.ForLanguage(languageId) is not null;

    public static DocumentRegions FindRegions(string text, string languageId, CancellationToken cancellationToken = default)
    {
        if (languageId == MarkdownLanguageId) return MarkdownRegions.Analyze(text, cancellationToken);
        return CommentSyntax.ForLanguage(languageId) is { } syntax
            ? CodeComments.Analyze(text, syntax, cancellationToken)
            : DocumentRegions.Empty;
    }

    public static DocumentAnalysis Analyze(TextDocument document, TermMatcher matcher, CancellationToken cancellationToken = default)
    {
        var regions = FindRegions(document.Text, document.LanguageId, cancellationToken);
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

    public bool IsDiagnosticsOff(TextSpan span) => SpanIndex.Overlaps(Regions.DiagnosticsOff, span);
}
