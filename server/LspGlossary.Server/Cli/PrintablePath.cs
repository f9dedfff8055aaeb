using System.Globalization;
using System.Text;

namespace LspGlossary.Server.Cli;

/// <summary>
/// A path as the text outputs print it: control characters (C0, DEL, C1), line and paragraph separators and
/// bidirectional controls are escaped (<c>\n</c>, <c>\t</c>, <c>\x1b</c>, <c>\u202e</c>), so a file name can
/// neither start a forged <c>file:line:col:</c> line nor reorder or colour what a terminal shows.
/// </summary>
public static class PrintablePath
{
    public static string Escape(string path)
    {
        if (!path.Any(NeedsEscape)) return path;
        var builder = new StringBuilder(path.Length + 8);
        foreach (char c in path)
        {
            if (!NeedsEscape(c)) builder.Append(c);
            else if (c == '\n') builder.Append("\\n");
            else if (c == '\r') builder.Append("\\r");
            else if (c == '\t') builder.Append("\\t");
            else if (c < 0x100) builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
}
