using System.Text;

namespace LspGlossary.Core.Text;

/// <summary>
/// <c>file:</c> URIs ⇄ local paths, as string operations with the path style given explicitly, so the Windows
/// rules are tested on any machine. Windows: VS Code sends <c>file:///c%3A/Users/a.md</c> (the colon
/// percent-encoded) and expects that form or <c>file:///C:/Users/a.md</c>; a share is <c>file://server/share/a.md</c>
/// ⇄ <c>\\server\share\a.md</c>. Nothing here throws: a path that is neither absolute nor drive-qualified
/// still becomes a URI, and a URI that is not a <c>file:</c> URI has no path (null).
/// </summary>
public static class FileUri
{
    /// <summary>The host's path style.</summary>
    public static bool HostIsWindows { get; } = OperatingSystem.IsWindows();

    public static string? ToPath(string uri) => ToPath(uri, HostIsWindows);

    public static string FromPath(string path) => FromPath(path, HostIsWindows);

    /// <summary>The local path of a <c>file:</c> URI (percent-decoded), or null for other schemes (untitled:, …).</summary>
    public static string? ToPath(string uri, bool windows)
    {
        const string scheme = "file:";
        if (!uri.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        string rest = uri[scheme.Length..];
        int end = rest.IndexOfAny(['?', '#']);
        if (end >= 0) rest = rest[..end];

        string authority = "";
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            int slash = rest.IndexOf('/', 2);
            authority = slash < 0 ? rest[2..] : rest[2..slash];
            rest = slash < 0 ? "/" : rest[slash..];
        }
        string path = Unescape(rest);
        if (authority.Equals("localhost", StringComparison.OrdinalIgnoreCase)) authority = "";

        // "/c:/x" (and the old "/c|/x") is a drive letter, on any host: the path starts at the letter.
        if (path.Length >= 3 && path[0] == '/' && char.IsAsciiLetter(path[1]) && (path[2] == ':' || path[2] == '|'))
        {
            path = $"{path[1]}:{path[3..]}";
            if (path.Length == 2) path += "/";
        }
        if (authority.Length > 0) path = "//" + Unescape(authority) + path;
        return windows ? path.Replace('/', '\\') : path;
    }

    /// <summary>
    /// The <c>file:</c> URI of a local path. Windows paths (<c>C:\a</c>, <c>\\server\share\a</c>) use '/' in the URI; every
    /// character outside the URI path's safe set is percent-encoded as UTF-8 (so a '\' in a Linux file name is <c>%5C</c>).
    /// </summary>
    public static string FromPath(string path, bool windows)
    {
        if (windows) path = path.Replace('\\', '/');
        string authority = "";
        if (windows && path.StartsWith("//", StringComparison.Ordinal))
        {
            int slash = path.IndexOf('/', 2);
            authority = slash < 0 ? path[2..] : path[2..slash];
            path = slash < 0 ? "/" : path[slash..];
        }
        if (windows && path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':') path = "/" + path;
        if (!path.StartsWith('/')) path = "/" + path;

        var uri = new StringBuilder("file://").Append(Escape(authority, keepSlash: false));
        uri.Append(Escape(path, keepSlash: true));
        return uri.ToString();
    }

    /// <summary>A relative URI reference for a relative path: the same escaping, '/' between segments.</summary>
    public static string RelativeReference(string path, bool windows) =>
        Escape(windows ? path.Replace('\\', '/') : path, keepSlash: true);

    public static string RelativeReference(string path) => RelativeReference(path, HostIsWindows);

    // RFC 3986 pchar: unreserved, sub-delims, ':' and '@'. '%' is always escaped, so decoding is exact.
    private static bool IsSafe(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '!' or '$' or '&' or '\'' or '(' or ')'
            or '*' or '+' or ',' or ';' or '=' or ':' or '@';

    private static string Escape(string text, bool keepSlash)
    {
        var result = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (IsSafe(c) || (keepSlash && c == '/'))
            {
                result.Append(c);
                continue;
            }
            int length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                ? Encoding.UTF8.GetBytes(text.AsSpan(i++, 2), bytes)
                : Encoding.UTF8.GetBytes(text.AsSpan(i, 1), bytes);
            foreach (byte b in bytes[..length]) result.Append('%').Append(b.ToString("X2"));
        }
        return result.ToString();
    }

    /// <summary>Decodes %XX sequences as UTF-8; a '%' not followed by two hex digits stays as it is.</summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('%')) return text;
        var bytes = new List<byte>(text.Length);
        var result = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                bytes.Add(System.Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            Flush();
            result.Append(text[i]);
        }
        Flush();
        return result.ToString();

        void Flush()
        {
            if (bytes.Count == 0) return;
            result.Append(Encoding.UTF8.GetString(bytes.ToArray()));
            bytes.Clear();
        }
    }
}
