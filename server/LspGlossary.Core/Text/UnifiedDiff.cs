namespace LspGlossary.Core.Text;

/// <summary>
/// A unified diff (<c>diff -u</c> format) between two texts, line by line. Lines are compared with their
/// line breaks, so a changed line ending shows. Texts with the same number of lines (words replaced in
/// place, as <c>check --fix</c> does) are compared line by line; others by a longest common subsequence of
/// the changed middle, or, past a size bound, by replacing that middle whole.
/// </summary>
public static class UnifiedDiff
{
    public const int DefaultContext = 3;

    /// <summary>The diff, or an empty string when the texts are equal.</summary>
    public static string Create(string oldText, string newText, string oldName, string newName, int context = DefaultContext)
    {
        if (oldText == newText) return "";
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var script = EditScript(a, b);

        var output = new System.Text.StringBuilder();
        output.Append("--- ").Append(oldName).Append('\n');
        output.Append("+++ ").Append(newName).Append('\n');
        int index = 0;
        while (index < script.Count)
        {
            // Find the next change, then extend the hunk while changes are within 2 * context lines.
            int firstChange = script.FindIndex(index, op => op.Kind != ' ');
            if (firstChange < 0) break;
            int start = Math.Max(index, firstChange - context);
            int end = firstChange;
            int lastChange = firstChange;
            while (end < script.Count)
            {
                if (script[end].Kind != ' ') lastChange = end;
                else if (end - lastChange > 2 * context) break;
                end++;
            }
            end = Math.Min(script.Count, lastChange + 1 + context);
            AppendHunk(output, script, start, end);
            index = end;
        }
        return output.ToString();
    }

    private readonly record struct Op(char Kind, string Line, int OldLine, int NewLine);

    private static void AppendHunk(System.Text.StringBuilder output, List<Op> script, int start, int end)
    {
        int oldCount = 0, newCount = 0;
        for (int i = start; i < end; i++)
        {
            if (script[i].Kind != '+') oldCount++;
            if (script[i].Kind != '-') newCount++;
        }
        int oldStart = script[start].OldLine + (oldCount == 0 ? 0 : 1);
        int newStart = script[start].NewLine + (newCount == 0 ? 0 : 1);
        output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
        for (int i = start; i < end; i++)
        {
            // Lines keep their own line breaks, as diff writes them (a CRLF file gives a CRLF diff body).
            string line = script[i].Line;
            output.Append(script[i].Kind).Append(line);
            if (line.Length == 0 || line[^1] != '\n') output.Append('\n');
            if (line.Length > 0 && line[^1] != '\n' && line[^1] != '\r') output.Append("\\ No newline at end of file\n");
        }

        static string Range(int lineStart, int count) => count == 1 ? $"{lineStart}" : $"{lineStart},{count}";
    }

    /// <summary>Lines with their line breaks (\n, \r\n or \r); a final line without one is kept.</summary>
    public static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r')
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    /// <summary>
    /// The edit script: equal lines (' '), removed ('-') and added ('+'), with the zero-based line numbers
    /// before each op (OldLine/NewLine count the lines of each side consumed so far).
    /// </summary>
    private static List<Op> EditScript(List<string> a, List<string> b)
    {
        int prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix]) prefix++;
        int suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix]) suffix++;

        var ops = new List<Op>(a.Count + 8);
        int oldLine = 0, newLine = 0;
        for (int i = 0; i < prefix; i++) ops.Add(new Op(' ', a[i], oldLine++, newLine++));

        int n = a.Count - prefix - suffix, m = b.Count - prefix - suffix;
        if (n == m)
        {
            // Same number of lines (replacing words never adds or removes one): pair them up, and show each
            // run of changed lines as its removals followed by its additions.
            int i = 0;
            while (i < n)
            {
                if (a[prefix + i] == b[prefix + i]) { ops.Add(new Op(' ', a[prefix + i], oldLine++, newLine++)); i++; continue; }
                int runEnd = i;
                while (runEnd < n && a[prefix + runEnd] != b[prefix + runEnd]) runEnd++;
                for (int k = i; k < runEnd; k++) ops.Add(new Op('-', a[prefix + k], oldLine++, newLine));
                for (int k = i; k < runEnd; k++) ops.Add(new Op('+', b[prefix + k], oldLine, newLine++));
                i = runEnd;
            }
        }
        else if ((long)n * m <= 4_000_000)
        {
            // Longest common subsequence of the middle, by dynamic programming from the end.
            var lcs = new int[n + 1, m + 1];
            for (int i = n - 1; i >= 0; i--)
                for (int j = m - 1; j >= 0; j--)
                    lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[prefix + x] == b[prefix + y]) { ops.Add(new Op(' ', a[prefix + x++], oldLine++, newLine++)); y++; }
                else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1])) ops.Add(new Op('-', a[prefix + x++], oldLine++, newLine));
                else ops.Add(new Op('+', b[prefix + y++], oldLine, newLine++));
            }
        }
        else
        {
            // Too large to align: the whole middle is replaced.
            for (int i = 0; i < n; i++) ops.Add(new Op('-', a[prefix + i], oldLine++, newLine));
            for (int j = 0; j < m; j++) ops.Add(new Op('+', b[prefix + j], oldLine, newLine++));
        }
        for (int i = a.Count - suffix; i < a.Count; i++) ops.Add(new Op(' ', a[i], oldLine++, newLine++));
        return ops;
    }
}
