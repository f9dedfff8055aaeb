using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

/// <summary>
/// Splits Markdown into chunks that parse the same alone as inside the whole document, so that an edit
/// re-parses one chunk instead of the document. A chunk ends before a line that follows a blank line and
/// starts at column 0 with a non-blank character: in CommonMark such a line closes every open block (list
/// items, block quotes, paragraphs, indented code), except a fenced code block, an HTML block that ends at
/// a marker (comments, &lt;script&gt;/&lt;pre&gt;/&lt;style&gt;/&lt;textarea&gt;, &lt;? ?&gt;, &lt;!X &gt;, CDATA) or
/// YAML front matter — which this scanner tracks and never cuts; nor does it start a chunk with "---".
/// One difference remains: a link reference definition in another chunk does not resolve
/// <c>[text][label]</c> here, so the label's text is searched as prose.
/// </summary>
public static class MarkdownChunks
{
    /// <summary>Chunks are at least this long (except the last), so that a document has few of them.</summary>
    public const int MinChunkLength = 2048;

    public static List<TextSpan> Split(string text)
    {
        var chunks = new List<TextSpan>();
        int chunkStart = 0;
        int position = 0;
        bool previousBlank = false;
        string? blockEnd = null;      // the marker that closes the open HTML block or front matter
        char fenceChar = '\0';
        int fenceLength = 0;

        if (StartsFrontMatter(text)) blockEnd = "front-matter";

        while (position < text.Length)
        {
            int lineEnd = text.IndexOf('\n', position);
            int next = lineEnd < 0 ? text.Length : lineEnd + 1;
            var line = text.AsSpan(position, (lineEnd < 0 ? text.Length : lineEnd) - position).TrimEnd('\r');
            bool blank = line.IsWhiteSpace();

            bool inBlock = fenceChar != '\0' || blockEnd is not null;
            // A chunk never starts with "---": alone, Markdig would read it as front matter.
            if (!inBlock && previousBlank && !blank && line[0] is not (' ' or '\t') && !line.StartsWith("---")
                && position - chunkStart >= MinChunkLength)
            {
                chunks.Add(TextSpan.FromBounds(chunkStart, position));
                chunkStart = position;
            }

            if (fenceChar != '\0')
            {
                // A closing fence: the same character, at least as long, nothing after it.
                if (IsFence(line, out char c, out int length, out _) && c == fenceChar && length >= fenceLength && line.Trim().TrimStart(c).IsEmpty)
                {
                    fenceChar = '\0';
                }
            }
            else if (blockEnd == "front-matter")
            {
                if (position > 0 && (line.TrimEnd() is "---" or "...")) blockEnd = null;
            }
            else if (blockEnd is not null)
            {
                if (line.IndexOf(blockEnd, StringComparison.OrdinalIgnoreCase) >= 0) blockEnd = null;
            }
            else if (IsFence(line, out char c, out int length, out bool infoAllowed) && infoAllowed)
            {
                fenceChar = c;
                fenceLength = length;
            }
            else
            {
                blockEnd = HtmlBlockEnd(line);
                if (blockEnd is not null && ClosesOnSameLine(line, blockEnd)) blockEnd = null;
            }

            previousBlank = blank;
            position = next;
        }
        if (chunkStart < text.Length || chunks.Count == 0) chunks.Add(TextSpan.FromBounds(chunkStart, text.Length));
        return chunks;
    }

    private static bool StartsFrontMatter(string text) =>
        text.StartsWith("---\n", StringComparison.Ordinal) || text.StartsWith("---\r\n", StringComparison.Ordinal);

    /// <summary>A fence line: up to 3 spaces, then 3 or more backticks or tildes. Backtick fences may not have a backtick in their info string.</summary>
    private static bool IsFence(ReadOnlySpan<char> line, out char fence, out int length, out bool infoAllowed)
    {
        fence = '\0';
        length = 0;
        infoAllowed = false;
        int i = 0;
        while (i < line.Length && i < 3 && line[i] == ' ') i++;
        if (i >= line.Length || line[i] is not ('`' or '~')) return false;
        fence = line[i];
        int start = i;
        while (i < line.Length && line[i] == fence) i++;
        length = i - start;
        if (length < 3) return false;
        infoAllowed = fence == '~' || line[i..].IndexOf('`') < 0;
        return true;
    }

    /// <summary>For a line that starts an HTML block that ends at a marker (CommonMark types 1-5), that marker.</summary>
    private static string? HtmlBlockEnd(ReadOnlySpan<char> line)
    {
        int i = 0;
        while (i < line.Length && i < 3 && line[i] == ' ') i++;
        var rest = line[i..];
        if (!rest.StartsWith("<")) return null;
        if (rest.StartsWith("<!--")) return "-->";
        if (rest.StartsWith("<?")) return "?>";
        if (rest.StartsWith("<![CDATA[")) return "]]>";
        if (rest.Length > 2 && rest[1] == '!' && char.IsAsciiLetter(rest[2])) return ">";
        foreach (var tag in (ReadOnlySpan<string>)["script", "pre", "style", "textarea"])
        {
            if (rest.Length > tag.Length + 1 && rest[1..].StartsWith(tag, StringComparison.OrdinalIgnoreCase)
                && (rest.Length == tag.Length + 1 || rest[tag.Length + 1] is ' ' or '>' or '\t'))
            {
                return "</" + tag + ">";
            }
        }
        return null;
    }

    /// <summary>True when the end marker appears after the opening on the same line (a one-line block).</summary>
    private static bool ClosesOnSameLine(ReadOnlySpan<char> line, string end)
    {
        int open = line.IndexOf('<');
        // Skip the opening construct itself: "<!--" must not count its own dashes as "-->".
        int searchFrom = end == "-->" ? open + 4 : end == "?>" ? open + 2 : end == "]]>" ? open + 9 : open + 1;
        return searchFrom <= line.Length && line[searchFrom..].IndexOf(end, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
