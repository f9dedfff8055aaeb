using LspGlossary.Core.Text;

namespace LspGlossary.Server.Protocol;

/// <summary>
/// The virtual URIs of the files of the glossary embedded in the binary, which have no file on disk:
/// <c>lsp-glossary-bundled:/glossary/training.yaml</c> is the resource <c>glossary/training.yaml</c>. The one place
/// that builds and reads them. Only clients that ask with the initialization option <c>virtualDocuments</c> get them,
/// and read their text with <c>lspGlossary/bundledFile</c>. A URI names a resource, never a path: nothing is resolved
/// against a folder, so <c>..</c> in one is only a name that no resource has.
/// </summary>
public static class BundledUri
{
    /// <summary>Longer URIs are refused unread (a resource name is a few dozen characters).</summary>
    public const int MaxLength = 1024;

    private const string Prefix = Methods.BundledScheme + ":";

    /// <summary>The virtual URI of an embedded glossary file (its resource name), percent-encoded like a file URI's path.</summary>
    public static string FromFile(string file) => Prefix + "/" + FileUri.RelativeReference(file, windows: false);

    /// <summary>
    /// The resource name a virtual URI names (percent-decoded; no resource may have it), or null when the URI is not
    /// one of ours: empty, longer than <see cref="MaxLength"/>, of another scheme (the scheme's case does not matter),
    /// or with an authority, a query or a fragment. An empty authority (<c>lsp-glossary-bundled:///glossary/x.yaml</c>)
    /// is the form without one.
    /// </summary>
    public static string? ToFile(string uri)
    {
        if (uri.Length == 0 || uri.Length > MaxLength || !uri.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return null;
        string rest = uri[Prefix.Length..];
        if (rest.StartsWith("///", StringComparison.Ordinal)) rest = rest[2..];
        if (!rest.StartsWith('/') || rest.StartsWith("//", StringComparison.Ordinal) || rest.IndexOfAny(['?', '#']) >= 0) return null;
        return FileUri.Unescape(rest[1..]);
    }
}
