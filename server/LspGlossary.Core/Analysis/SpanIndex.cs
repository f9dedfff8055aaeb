using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

/// <summary>Binary searches over sorted, non-overlapping span lists.</summary>
public static class SpanIndex
{
    public static bool ContainsOrTouches(IReadOnlyList<TextSpan> spans, int offset)
    {
        int low = 0, high = spans.Count - 1;
        while (low <= high)
        {
            int mid = (low + high) / 2;
            if (offset < spans[mid].Start) high = mid - 1;
            else if (offset > spans[mid].End) low = mid + 1;
            else return true;
        }
        return false;
    }

    public static bool Overlaps(IReadOnlyList<TextSpan> spans, TextSpan span)
    {
        // Silenced spans are few; a linear scan is clear and fast enough.
        foreach (var off in spans)
        {
            if (off.Overlaps(span)) return true;
        }
        return false;
    }
}
