namespace LspGlossary.Core.Text;

/// <summary>
/// An immutable snapshot of an open document. Edits make new snapshots.
/// An edit does not copy the text: the new snapshot is a short list of pieces of earlier texts and inserted
/// strings, and its <see cref="Text"/> is joined on first use (by the analysis, off the message loop) or
/// once <see cref="MaxPieces"/> pieces have piled up. Copying a 1.6 MB string on every keystroke of an edit
/// storm would cost milliseconds each; this costs the edit's size. The line map is updated around the edit.
/// </summary>
public sealed class TextDocument
{
    /// <summary>Pieces a snapshot may be made of before an edit joins them into one string.</summary>
    public const int MaxPieces = 128;

    /// <summary>A run of characters of a string: [Start, Start + Length).</summary>
    private readonly record struct Piece(string Source, int Start, int Length);

    private string? _text;
    private readonly Piece[]? _pieces; // set when the text has not been joined yet
    private LineMap? _lines;

    public TextDocument(string uri, string languageId, int version, string text)
    {
        Uri = uri;
        LanguageId = languageId;
        Version = version;
        _text = text;
        Length = text.Length;
    }

    private TextDocument(string uri, string languageId, int version, Piece[] pieces, int length, LineMap? lines)
    {
        Uri = uri;
        LanguageId = languageId;
        Version = version;
        _pieces = pieces;
        Length = length;
        _lines = lines;
    }

    public string Uri { get; }
    public string LanguageId { get; }
    public int Version { get; }
    public int Length { get; }

    /// <summary>The whole text, joined from its pieces on first use.</summary>
    public string Text => _text ??= Join(_pieces!, Length);

    /// <summary>The line map, built on first use (or carried over from an edit) and shared by every reader.</summary>
    public LineMap Lines => _lines ??= LineMap.Create(Text);

    /// <summary>A new snapshot with [start, end) replaced by <paramref name="newText"/>.</summary>
    public TextDocument WithEdit(int start, int end, string newText, int version)
    {
        start = Math.Clamp(start, 0, Length);
        end = Math.Clamp(end, start, Length);
        var pieces = new List<Piece>();
        bool inserted = false;
        int at = 0;
        foreach (var piece in PiecesOf())
        {
            int pieceEnd = at + piece.Length;
            if (at < start) Add(pieces, piece.Source, piece.Start, Math.Min(piece.Length, start - at));
            if (!inserted && pieceEnd >= start)
            {
                Add(pieces, newText, 0, newText.Length);
                inserted = true;
            }
            if (pieceEnd > end)
            {
                int from = Math.Max(0, end - at);
                Add(pieces, piece.Source, piece.Start + from, piece.Length - from);
            }
            at = pieceEnd;
        }
        if (!inserted) Add(pieces, newText, 0, newText.Length);
        int length = Length - (end - start) + newText.Length;
        var array = pieces.ToArray();
        // The line map, when this snapshot has one, is updated around the edit instead of rebuilt.
        var lines = _lines?.WithEdit(Reader(array), length, start, end, newText.Length);
        if (array.Length <= MaxPieces) return new TextDocument(Uri, LanguageId, version, array, length, lines);
        return new TextDocument(Uri, LanguageId, version, Join(array, length)) { _lines = lines };
    }

    public TextDocument WithText(string text, int version) => new(Uri, LanguageId, version, text);

    private static void Add(List<Piece> pieces, string source, int start, int length)
    {
        if (length > 0) pieces.Add(new Piece(source, start, length));
    }

    private Piece[] PiecesOf() => _text is { } text ? [new Piece(text, 0, text.Length)] : _pieces!;

    private static string Join(Piece[] pieces, int length) => string.Create(length, pieces, static (span, pieces) =>
    {
        int at = 0;
        foreach (var piece in pieces)
        {
            piece.Source.AsSpan(piece.Start, piece.Length).CopyTo(span[at..]);
            at += piece.Length;
        }
    });

    /// <summary>Reads characters by offset; reading forward from the last offset read costs O(1) each.</summary>
    private static Func<int, char> Reader(Piece[] pieces)
    {
        int piece = 0, pieceStart = 0;
        return index =>
        {
            if (index < pieceStart) piece = pieceStart = 0;
            while (index - pieceStart >= pieces[piece].Length)
            {
                pieceStart += pieces[piece].Length;
                piece++;
            }
            return pieces[piece].Source[pieces[piece].Start + index - pieceStart];
        };
    }
}
