using LspGlossary.Core.Text;

namespace LspGlossary.Server.State;

/// <summary>
/// The open documents. Only didOpen, didChange and didClose change it; requests take a snapshot once.
/// </summary>
public sealed class DocumentStore
{
    private readonly object _lock = new();
    private readonly Dictionary<string, TextDocument> _documents = new(StringComparer.Ordinal);

    public TextDocument? Get(string uri)
    {
        lock (_lock) return _documents.GetValueOrDefault(uri);
    }

    public IReadOnlyList<TextDocument> All()
    {
        lock (_lock) return _documents.Values.ToList();
    }

    public void Set(TextDocument document)
    {
        lock (_lock) _documents[document.Uri] = document;
    }

    public bool Remove(string uri)
    {
        lock (_lock) return _documents.Remove(uri);
    }
}
