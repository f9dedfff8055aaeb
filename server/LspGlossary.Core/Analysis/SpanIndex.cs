using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

/// <summary>Sorted, non-overlapping span lists: how they are made, and binary searches over them.</summary>
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

    /// <summary>Sorts spans by start and merges those that overlap or touch (the list itself when it has fewer than two).</summary>
    public static List<TextSpan> SortAndMerge(List<TextSpan> spans)
    {
        if (spans.Count < 2) return spans;
        spans.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var merged = new List<TextSpan>(spans.Count);
        var current = spans[0];
        for (int i = 1; i < spans.Count; i++)
        {
            var next = spans[i];
            if (next.Start <= current.End)
            {
                current = TextSpan.FromBounds(current.Start, Math.Max(current.End, next.End));
            }
            else
            {
                merged.Add(current);
                current = next;
            }
        }
        merged.Add(current);
        return merged;
    }
}
