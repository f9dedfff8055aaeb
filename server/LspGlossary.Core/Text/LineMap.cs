namespace LspGlossary.Core.Text;

/// <summary>
/// Maps between UTF-16 offsets and zero-based (line, character) positions, where character counts UTF-16
/// code units as LSP does by default. Line breaks are \n, \r\n and \r. This is the one place that converts
/// positions; everything else works with offsets.
/// </summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int[] _lineEnds; // where each line's content ends, before its line break
    private readonly int _length;

    private LineMap(int[] lineStarts, int[] lineEnds, int length)
    {
        _lineStarts = lineStarts;
        _lineEnds = lineEnds;
        _length = length;
    }

    public int LineCount => _lineStarts.Length;

    public static LineMap Create(string text)
    {
        var starts = new List<int>(Math.Max(16, text.Length / 40)) { 0 };
        var ends = new List<int>(starts.Capacity);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                ends.Add(i);
                starts.Add(i + 1);
            }
            else if (c == '\r')
            {
                ends.Add(i);
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
        }
        ends.Add(text.Length);
        return new LineMap(starts.ToArray(), ends.ToArray(), text.Length);
    }

    /// <summary>
    /// The line map of a new text (<paramref name="length"/> characters, read through <paramref name="charAt"/>),
    /// which is this map's text with [start, end) replaced by <paramref name="inserted"/> characters. Only the lines around the edit are scanned (from the line before
    /// it, which a CR and LF joined or split by the edit can change, to the first line break after the
    /// inserted text); the line starts after it are shifted. An edit of a big document costs its own size plus
    /// a copy of the line table, not a scan of the whole text.
    /// </summary>
    public LineMap WithEdit(Func<int, char> charAt, int length, int start, int end, int inserted)
    {
        int delta = inserted - (end - start);
        int first = Math.Max(0, LineOf(start) - 1);
        int insertedEnd = start + inserted;
        var middleStarts = new List<int> { _lineStarts[first] };
        var middleEnds = new List<int>();
        int tail = -1; // the first old line that follows unchanged, shifted by delta
        for (int i = _lineStarts[first]; i < length; i++)
        {
            char c = charAt(i);
            if (c != '\n' && c != '\r') continue;
            middleEnds.Add(i);
            if (c == '\r' && i + 1 < length && charAt(i + 1) == '\n') i++;
            int next = i + 1;
            if (next > insertedEnd && first + 1 < _lineStarts.Length)
            {
                int old = Array.BinarySearch(_lineStarts, first + 1, _lineStarts.Length - first - 1, next - delta);
                if (old >= 0)
                {
                    tail = old;
                    break;
                }
            }
            middleStarts.Add(next);
        }
        if (tail < 0) middleEnds.Add(length);
        int tailCount = tail < 0 ? 0 : _lineStarts.Length - tail;
        var starts = GC.AllocateUninitializedArray<int>(first + middleStarts.Count + tailCount);
        var ends = GC.AllocateUninitializedArray<int>(starts.Length);
        Array.Copy(_lineStarts, starts, first);
        Array.Copy(_lineEnds, ends, first);
        middleStarts.CopyTo(starts, first);
        middleEnds.CopyTo(ends, first);
        for (int k = 0; k < tailCount; k++)
        {
            starts[first + middleStarts.Count + k] = _lineStarts[tail + k] + delta;
            ends[first + middleStarts.Count + k] = _lineEnds[tail + k] + delta;
        }
        return new LineMap(starts, ends, length);
    }

    /// <summary>Offset where a line starts. Lines past the end map to the text's length.</summary>
    public int LineStart(int line) => line < 0 ? 0 : line >= _lineStarts.Length ? _length : _lineStarts[line];

    /// <summary>Offset of the end of a line's content, before its line break. Lines past the end map to the text's length.</summary>
    public int LineContentEnd(int line) => line < 0 ? 0 : line >= _lineEnds.Length ? _length : _lineEnds[line];

    public int LineOf(int offset)
    {
        int index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    public (int Line, int Character) PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int line = LineOf(offset);
        return (line, offset - _lineStarts[line]);
    }

    /// <summary>
    /// The offset of a request's position, or null when the line does not exist or the character is negative.
    /// A character past the end of the line means the line's end, before its line break (LSP 3.17).
    /// </summary>
    public int? TryOffsetOf(int line, int character)
    {
        if (line < 0 || line >= _lineStarts.Length || character < 0) return null;
        return OffsetOfClamped(line, character);
    }

    /// <summary>
    /// The offset of a position, clamped into the document (used for edits): a character past the end of its
    /// line means the line's end, before its line break (never between a CR and its LF); a line past the end
    /// means the end of the text.
    /// </summary>
    public int OffsetOfClamped(int line, int character)
    {
        if (line < 0) return 0;
        if (line >= _lineStarts.Length) return _length;
        int start = _lineStarts[line];
        return start + Math.Clamp(character, 0, _lineEnds[line] - start);
    }
}
