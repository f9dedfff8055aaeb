namespace LspGlossary.Core.Text;

/// <summary>An immutable snapshot of an open document. Edits make new snapshots.</summary>
public sealed class TextDocument
{
    private LineMap? _lines;

    public TextDocument(string uri, string languageId, int version, string text)
    {
        Uri = uri;
        LanguageId = languageId;
        Version = version;
        Text = text;
    }

    public string Uri { get; }
    public string LanguageId { get; }
    public int Version { get; }
    public string Text { get; }

    /// <summary>The line map, built on first use and shared by every reader of this snapshot.</summary>
    public LineMap Lines => _lines ??= LineMap.Create(Text);

    /// <summary>A new snapshot with [start, end) replaced by <paramref name="newText"/>.</summary>
    public TextDocument WithEdit(int start, int end, string newText, int version)
    {
        start = Math.Clamp(start, 0, Text.Length);
        end = Math.Clamp(end, start, Text.Length);
        string text = string.Concat(Text.AsSpan(0, start), newText, Text.AsSpan(end));
        // The line map, when this snapshot has one, is updated around the edit instead of rebuilt.
        return new TextDocument(Uri, LanguageId, version, text) { _lines = _lines?.WithEdit(text, start, end, newText.Length) };
    }

    public TextDocument WithText(string text, int version) => new(Uri, LanguageId, version, text);
}
