using LspGlossary.Core.Analysis;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>
/// Document highlight: the term under the cursor and every other use of its entry in the same document, in any
/// spelling (term, alias, Chinese name, expansion, wrong variant), in document order.
/// </summary>
public static class DocumentHighlights
{
    /// <summary>At most this many spans per answer, as diagnostics are capped: a huge document stays a bounded answer.</summary>
    public const int MaxHighlights = 10_000;

    /// <summary>The spans of every match of the entry under the cursor; empty when the cursor is on no term.</summary>
    public static IReadOnlyList<TextSpan> Compute(DocumentAnalysis analysis, int offset, int max = MaxHighlights)
    {
        if (analysis.MatchAt(offset) is not { } match) return [];
        string id = match.Entry.Id;
        var spans = new List<TextSpan>();
        foreach (var other in analysis.Matches)
        {
            if (!string.Equals(other.Entry.Id, id, StringComparison.Ordinal)) continue;
            spans.Add(other.Span);
            if (spans.Count >= max) break;
        }
        return spans;
    }
}
