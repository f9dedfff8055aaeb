namespace LspGlossary.Core.Text;

/// <summary>
/// Maps between UTF-16 offsets and zero-based (line, character) positions, where character counts UTF-16
/// code units as LSP does by default. Line breaks are \n, \r\n and \r. This is the one place that converts
/// positions; everything else works with offsets.
/// </summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    private LineMap(int[] lineStarts, int length)
    {
        _lineStarts = lineStarts;
        _length = length;
    }

    public int LineCount => _lineStarts.Length;

    public static LineMap Create(string text)
    {
        var starts = new List<int>(Math.Max(16, text.Length / 40)) { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                starts.Add(i + 1);
            }
            else if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
        }
        return new LineMap(starts.ToArray(), text.Length);
    }

    /// <summary>Offset where a line starts. Lines past the end map to the text's length.</summary>
    public int LineStart(int line) => line < 0 ? 0 : line >= _lineStarts.Length ? _length : _lineStarts[line];

    /// <summary>Offset of the end of a line's content, before its line break.</summary>
    public int LineContentEnd(string text, int line)
    {
        int end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : _length;
        while (end > LineStart(line) && (text[end - 1] == '\n' || text[end - 1] == '\r')) end--;
        return end;
    }

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
    /// The offset of a position, or null when the line does not exist or the character lies past the end
    /// of the line (including its line break).
    /// </summary>
    public int? TryOffsetOf(int line, int character)
    {
        if (line < 0 || line >= _lineStarts.Length || character < 0) return null;
        int start = _lineStarts[line];
        int next = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : _length;
        return start + character <= next ? start + character : null;
    }

    /// <summary>The offset of a position, clamped into the document (used for edits, as LSP asks).</summary>
    public int OffsetOfClamped(int line, int character)
    {
        if (line < 0) return 0;
        if (line >= _lineStarts.Length) return _length;
        int start = _lineStarts[line];
        int next = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : _length;
        return Math.Clamp(start + Math.Max(0, character), start, next);
    }
}
