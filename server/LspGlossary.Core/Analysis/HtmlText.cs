using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

/// <summary>
/// The text content of a piece of HTML (a Markdown HTML block): what lies between tags, as in
/// <c>&lt;p align="center"&gt;LoRA 微调&lt;/p&gt;</c> or <c>&lt;summary&gt;QLoRA&lt;/summary&gt;</c>. Left out: tags
/// with their names and attributes (<c>href</c>, <c>src</c>, URLs, titles), comments, <c>&lt;!…&gt;</c> and
/// <c>&lt;?…?&gt;</c> declarations, CDATA sections, and the whole content of the elements whose text is code or not
/// prose: <see cref="RawTextElements"/>.
/// <para>
/// One linear pass without regular expressions: the scanner never moves backwards, and each search for an end
/// (of a tag, a comment, a raw element) starts where the last one stopped. A tag, comment or raw element that is
/// never closed runs to the end of the text, so malformed HTML (a megabyte of <c>&lt;</c>, unclosed tags or quotes)
/// costs one pass too. A <c>&lt;</c> that starts no markup (<c>a &lt; b</c>, <c>&lt;&lt;</c>) is text.
/// </para>
/// </summary>
public static class HtmlText
{
    /// <summary>Elements whose content is never searched: scripts, styles, and code.</summary>
    public static readonly IReadOnlyList<string> RawTextElements = ["script", "style", "pre", "code", "textarea", "kbd", "samp"];

    /// <summary>
    /// Adds the text runs of <paramref name="text"/>[start, end) to <paramref name="spans"/>, each trimmed of white
    /// space; runs that are only white space are left out.
    /// </summary>
    public static void AddTextSpans(string text, int start, int end, List<TextSpan> spans)
    {
        end = Math.Min(end, text.Length);
        int runStart = start;
        int i = start;
        while (i < end)
        {
            int lt = text.AsSpan(i, end - i).IndexOf('<');
            if (lt < 0) break;
            lt += i;
            int markupEnd = MarkupEnd(text, lt, end, out string? rawElement);
            if (markupEnd == lt)
            {
                // Not markup: the '<' is text.
                i = lt + 1;
                continue;
            }
            AddRun(text, runStart, lt, spans);
            i = rawElement is null ? markupEnd : RawTextEnd(text, markupEnd, end, rawElement);
            runStart = i;
        }
        AddRun(text, runStart, end, spans);
    }

    /// <summary>The raw text element (see <see cref="RawTextElements"/>) that an opening tag such as <c>&lt;code class="x"&gt;</c> opens, or null.</summary>
    public static string? RawElementOpenedBy(string tag)
    {
        if (tag.Length < 2 || tag[0] != '<' || !char.IsAsciiLetter(tag[1])) return null;
        int nameEnd = NameEnd(tag, 1, tag.Length);
        if (tag.AsSpan(0, tag.Length).TrimEnd().EndsWith("/>", StringComparison.Ordinal)) return null;
        return RawElementNamed(tag.AsSpan(1, nameEnd - 1));
    }

    /// <summary>True when <paramref name="tag"/> is the closing tag of <paramref name="element"/> (<c>&lt;/code&gt;</c>, any case).</summary>
    public static bool IsClosingTag(string tag, string element) =>
        tag.StartsWith("</", StringComparison.Ordinal)
        && NameEnd(tag, 2, tag.Length) == 2 + element.Length
        && tag.AsSpan(2, element.Length).Equals(element, StringComparison.OrdinalIgnoreCase);

    private static void AddRun(string text, int start, int end, List<TextSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) spans.Add(TextSpan.FromBounds(start, end));
    }

    /// <summary>
    /// Where the markup that starts with the '&lt;' at <paramref name="lt"/> ends (after its last character), or
    /// <paramref name="lt"/> itself when no markup starts there. <paramref name="rawElement"/> is set when the markup
    /// is the opening tag of a raw text element.
    /// </summary>
    private static int MarkupEnd(string text, int lt, int end, out string? rawElement)
    {
        rawElement = null;
        if (lt + 1 >= end) return lt;
        char next = text[lt + 1];
        if (next == '!')
        {
            if (StartsWithAt(text, lt, end, "<!--"))
            {
                // As in CommonMark, "<!-->" and "<!--->" are complete comments: "-->" is looked for from the
                // second character after '<'.
                return EndAfter(text, lt + 2, end, "-->");
            }
            if (StartsWithAt(text, lt, end, "<![CDATA[")) return EndAfter(text, lt + 9, end, "]]>");
            return EndAfter(text, lt + 2, end, ">");
        }
        if (next == '?') return EndAfter(text, lt + 2, end, ">");
        if (next == '/')
        {
            if (lt + 2 >= end || !char.IsAsciiLetter(text[lt + 2])) return lt;
            return EndAfter(text, lt + 2, end, ">");
        }
        if (!char.IsAsciiLetter(next)) return lt;

        int nameEnd = NameEnd(text, lt + 1, end);
        int tagEnd = OpeningTagEnd(text, nameEnd, end);
        bool selfClosing = tagEnd >= 2 && tagEnd <= end && text[tagEnd - 1] == '>' && text[tagEnd - 2] == '/';
        if (!selfClosing) rawElement = RawElementNamed(text.AsSpan(lt + 1, nameEnd - lt - 1));
        return tagEnd;
    }

    /// <summary>
    /// The end of an opening tag whose attributes start at <paramref name="i"/>: after its '&gt;', or the end of the
    /// text. A quote opens a quoted attribute value only right after '=' (white space between allowed), so the
    /// apostrophe of <c>&lt;p don't&gt;</c> is part of a name, as in HTML.
    /// </summary>
    private static int OpeningTagEnd(string text, int i, int end)
    {
        bool afterEquals = false;
        while (i < end)
        {
            char c = text[i];
            switch (c)
            {
                case '>':
                    return i + 1;
                case '=':
                    afterEquals = true;
                    i++;
                    break;
                case '"' or '\'' when afterEquals:
                {
                    int close = text.AsSpan(i + 1, end - i - 1).IndexOf(c);
                    if (close < 0) return end;
                    i += close + 2;
                    afterEquals = false;
                    break;
                }
                default:
                    if (!char.IsWhiteSpace(c)) afterEquals = false;
                    i++;
                    break;
            }
        }
        return end;
    }

    /// <summary>The end of the raw text that starts at <paramref name="i"/>: after the element's closing tag, or the end of the text.</summary>
    private static int RawTextEnd(string text, int i, int end, string element)
    {
        while (i < end)
        {
            int close = text.AsSpan(i, end - i).IndexOf("</", StringComparison.Ordinal);
            if (close < 0) return end;
            close += i;
            int nameEnd = NameEnd(text, close + 2, end);
            if (nameEnd - close - 2 == element.Length && text.AsSpan(close + 2, element.Length).Equals(element, StringComparison.OrdinalIgnoreCase))
            {
                return EndAfter(text, nameEnd, end, ">");
            }
            i = close + 2;
        }
        return end;
    }

    /// <summary>The end of a tag name (ASCII letters, digits and '-') that starts at <paramref name="i"/>.</summary>
    private static int NameEnd(string text, int i, int end)
    {
        while (i < end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '-')) i++;
        return i;
    }

    private static string? RawElementNamed(ReadOnlySpan<char> name)
    {
        foreach (var element in RawTextElements)
        {
            if (name.Equals(element, StringComparison.OrdinalIgnoreCase)) return element;
        }
        return null;
    }

    private static bool StartsWithAt(string text, int i, int end, string value) =>
        end - i >= value.Length && text.AsSpan(i, value.Length).SequenceEqual(value);

    /// <summary>The position after the first <paramref name="value"/> at or after <paramref name="i"/>, or the end of the text.</summary>
    private static int EndAfter(string text, int i, int end, string value)
    {
        if (i >= end) return end;
        int found = text.AsSpan(i, end - i).IndexOf(value, StringComparison.Ordinal);
        return found < 0 ? end : i + found + value.Length;
    }
}
