using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>
/// "Ignore 'X' on this line": a <c>glossary-disable-next-line X</c> directive (<see cref="Directives"/>) written in the
/// document's own comment syntax on a new line above the finding, with that line's indentation: an HTML comment in
/// Markdown prose, in code (and in a Markdown fenced block of a known language) the language's line comment, or its
/// block comment where it has none; there it names the entry by its term (<c>LoRA</c>, not <c>Lora</c>), since a code
/// comment is searched and the wrong spelling in it would be a finding of its own. Where a directive cannot reach the
/// line, nothing is offered: a finding inside a comment that started on an earlier line (a directive silences the line
/// after the one its comment ends on), or a Markdown table row. In Markdown a line of its own could split a paragraph or end a list, so the comment goes at the
/// end of the line above when that line ends in prose, and is indented past a list item's marker otherwise.
/// </summary>
public static class IgnoreOnLine
{
    /// <summary>The edit that silences <paramref name="diagnostic"/>'s finding, or null when none can.</summary>
    public static TextReplacement? For(DocumentAnalysis analysis, GlossaryDiagnostic diagnostic)
    {
        string text = analysis.Document.Text;
        var span = diagnostic.Span;
        if (span.End > text.Length) return null;
        int lineStart = LineStartOf(text, span.Start);
        string indentation = IndentationAt(text, lineStart, " \t");
        string newline = NewLineAt(text, lineStart);
        var entry = analysis.MatchAt(span.Start)?.Entry;
        // A code comment is searched, so there the directive names the entry by its term: the wrong spelling would be a finding of its own.
        string directive = "glossary-disable-next-line" + NameFor(entry, entry?.Term ?? diagnostic.Found);

        if (analysis.Document.LanguageId == DocumentAnalysis.MarkdownLanguageId)
        {
            if (FenceInfoAt(text, lineStart) is not { } info)
            {
                directive = "glossary-disable-next-line" + NameFor(entry, diagnostic.Found);
                // A line of its own between two rows would end a table.
                if (IsTableRow(text, lineStart)) return null;
                // A block quote's markers are kept, so the comment stays inside the quote.
                indentation = IndentationAt(text, lineStart, " \t>");
                indentation += new string(' ', ListMarkerWidth(text, lineStart + indentation.Length));
                string comment = $"<!-- {directive} -->";
                if (ProseEndAbove(analysis, text, lineStart) is { } previousEnd) return new TextReplacement(new TextSpan(previousEnd, 0), " " + comment);
                return new TextReplacement(new TextSpan(lineStart, 0), indentation + comment + newline);
            }
            return CodeLine(analysis, Languages.CommentSyntaxForFence(info), span, lineStart, indentation, directive, newline);
        }
        return CodeLine(analysis, Languages.CommentSyntaxFor(analysis.Document.LanguageId), span, lineStart, indentation, directive, newline);
    }

    /// <summary>
    /// The names the directive lists: <paramref name="name"/> when a directive would name the entry with it (the term, an
    /// alias or a variant, any case), else the entry's term; none (every term) when neither reads back as one name.
    /// </summary>
    private static string NameFor(GlossaryEntry? entry, string preferred)
    {
        if (entry is null) return "";
        foreach (string name in new[] { preferred, entry.Term })
        {
            bool names = string.Equals(name, entry.Term, StringComparison.OrdinalIgnoreCase)
                || entry.Aliases.Concat(entry.Variants).Any(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));
            if (names && Directives.TryParseLine("glossary-disable-next-line " + name, out _, out var terms) && terms is [var only] && only == name)
            {
                return " " + name;
            }
        }
        return "";
    }

    private static TextReplacement? CodeLine(DocumentAnalysis analysis, CommentSyntax? syntax, TextSpan span, int lineStart, string indentation, string directive,
        string newline)
    {
        if (syntax is null) return null;
        // The comment that holds the finding must start on its line.
        var region = analysis.Regions.Searchable.FirstOrDefault(r => r.ContainsOrTouches(span.Start));
        if (region.Length == 0 || region.Start < lineStart) return null;
        string? comment = syntax.LineCommentMarkers.Count > 0
            ? $"{syntax.LineCommentMarkers[0]} {directive}"
            : syntax.BlockCommentStart is { } open && syntax.BlockCommentEnd is { } close ? $"{open} {directive} {close}" : null;
        return comment is null ? null : new TextReplacement(new TextSpan(lineStart, 0), indentation + comment + newline);
    }

    /// <summary>
    /// Where the text of the line above ends (before trailing white space, which may be a hard line break) when it ends
    /// in Markdown prose — a paragraph's line, a list item's, a heading's: an inline comment there changes no block,
    /// where a line of its own would split a paragraph or end a list.
    /// </summary>
    private static int? ProseEndAbove(DocumentAnalysis analysis, string text, int lineStart)
    {
        if (lineStart == 0) return null;
        int lineBreak = lineStart - 1;
        if (lineBreak > 0 && text[lineBreak] == '\n' && text[lineBreak - 1] == '\r') lineBreak--;
        int end = lineBreak;
        while (end > 0 && text[end - 1] is ' ' or '\t') end--;
        int previousStart = LineStartOf(text, lineBreak);
        if (end <= previousStart || IsTableRow(text, previousStart)) return null;
        int last = end - 1;
        return analysis.Regions.Searchable.Any(r => r.Start <= last && last < r.End) ? end : null;
    }

    /// <summary>
    /// The width of a list item's marker at <paramref name="position"/> (<c>- </c>, <c>* </c>, <c>+ </c>, <c>1. </c>,
    /// <c>1) </c>), or 0: a comment indented by it stays inside the list, one at the marker's column would end it.
    /// </summary>
    private static int ListMarkerWidth(string text, int position)
    {
        int i = position;
        while (i < text.Length && i - position < 9 && char.IsAsciiDigit(text[i])) i++;
        if (i > position && i < text.Length && text[i] is '.' or ')') i++;
        else if (i == position && i < text.Length && text[i] is '-' or '*' or '+') i++;
        else return 0;
        return i < text.Length && text[i] == ' ' ? i + 1 - position : 0;
    }

    /// <summary>
    /// The info string of the fenced code block (<c>```</c> or <c>~~~</c>, three or more) that holds the line at
    /// <paramref name="lineStart"/>, or null outside any: the fences before it, read line by line.
    /// </summary>
    private static string? FenceInfoAt(string text, int lineStart)
    {
        string? info = null;
        char fence = '\0';
        int fenceLength = 0;
        int position = 0;
        while (position < lineStart)
        {
            int end = text.IndexOf('\n', position);
            if (end < 0 || end >= lineStart) end = lineStart;
            var line = text.AsSpan(position, end - position).TrimEnd('\r');
            // Markers in list items and quotes are skipped with the indentation.
            var trimmed = line.TrimStart(" \t>-*+").TrimStart("0123456789.) \t");
            int run = 0;
            while (run < trimmed.Length && trimmed[run] is '`' or '~' && trimmed[run] == trimmed[0]) run++;
            if (run >= 3)
            {
                if (fence == '\0')
                {
                    fence = trimmed[0];
                    fenceLength = run;
                    info = trimmed[run..].Trim().ToString();
                }
                else if (trimmed[0] == fence && run >= fenceLength && trimmed[run..].IsWhiteSpace())
                {
                    fence = '\0';
                    info = null;
                }
            }
            position = end + 1;
        }
        return fence == '\0' ? null : info;
    }

    private static int LineStartOf(string text, int offset)
    {
        int previous = offset > 0 ? text.AsSpan(0, offset).LastIndexOfAny('\n', '\r') : -1;
        return previous + 1;
    }

    private static string IndentationAt(string text, int lineStart, string characters)
    {
        int end = lineStart;
        while (end < text.Length && characters.Contains(text[end])) end++;
        return text[lineStart..end];
    }

    /// <summary>A Markdown line that looks like a table row: it starts with <c>|</c>, or holds one as the line above does.</summary>
    private static bool IsTableRow(string text, int lineStart)
    {
        int end = text.IndexOf('\n', lineStart);
        var line = text.AsSpan(lineStart, (end < 0 ? text.Length : end) - lineStart).Trim();
        if (line.StartsWith('|')) return true;
        if (lineStart == 0 || !line.Contains('|')) return false;
        int previousEnd = lineStart - 1;
        if (previousEnd > 0 && text[previousEnd - 1] == '\r') previousEnd--;
        int previousStart = LineStartOf(text, previousEnd);
        return text.AsSpan(previousStart, previousEnd - previousStart).Contains('|');
    }

    /// <summary>The line break the document uses at this line (the one ending it, or the text's first), else LF.</summary>
    private static string NewLineAt(string text, int lineStart)
    {
        int lineBreak = text.IndexOf('\n', lineStart);
        if (lineBreak < 0) lineBreak = text.IndexOf('\n');
        return lineBreak > 0 && text[lineBreak - 1] == '\r' ? "\r\n" : "\n";
    }
}
