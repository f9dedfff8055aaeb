namespace LspGlossary.Server.Files;

/// <summary>
/// Wildcard matching as .gitignore and glob arguments write it, over '/'-separated relative paths:
/// <c>*</c> and <c>?</c> never match '/', <c>[a-z]</c>, <c>[!abc]</c> and <c>[^abc]</c> are classes,
/// <c>\x</c> is a literal x, and <c>**</c> as a whole segment (<c>**/a</c>, <c>a/**</c>, <c>a/**/b</c>)
/// matches any number of segments. Matching is case-sensitive. A backslash in a path is an ordinary character.
/// </summary>
public static class GlobPattern
{
    /// <summary>True when the pattern contains a wildcard (<c>*</c>, <c>?</c> or <c>[</c>).</summary>
    public static bool HasWildcard(string pattern) => pattern.AsSpan().IndexOfAny('*', '?', '[') >= 0;

    public static bool IsMatch(string pattern, string path) => Match(pattern, 0, path, 0, depth: 0);

    private static bool Match(string pattern, int p, string text, int t, int depth)
    {
        if (depth > 64) return false; // Pathological patterns: give up rather than recurse without end.
        while (p < pattern.Length)
        {
            char c = pattern[p];
            if (c == '*')
            {
                bool segmentStart = p == 0 || pattern[p - 1] == '/';
                bool doubleStar = p + 1 < pattern.Length && pattern[p + 1] == '*';
                if (doubleStar && segmentStart && (p + 2 == pattern.Length || pattern[p + 2] == '/'))
                {
                    if (p + 2 == pattern.Length) return true; // "a/**": everything below.
                    // "**/": zero or more whole segments.
                    int rest = p + 3;
                    for (int i = t; i <= text.Length; i++)
                    {
                        if ((i == t || text[i - 1] == '/') && Match(pattern, rest, text, i, depth + 1)) return true;
                    }
                    return false;
                }
                while (p < pattern.Length && pattern[p] == '*') p++;
                if (p == pattern.Length) return text.IndexOf('/', t) < 0;
                for (int i = t; i <= text.Length; i++)
                {
                    if (Match(pattern, p, text, i, depth + 1)) return true;
                    if (i < text.Length && text[i] == '/') return false;
                }
                return false;
            }
            if (t >= text.Length) return false;
            if (c == '?')
            {
                if (text[t] == '/') return false;
                p++; t++;
                continue;
            }
            if (c == '[' && TryMatchClass(pattern, p, text[t], out int next, out bool matched))
            {
                if (!matched || text[t] == '/') return false;
                p = next; t++;
                continue;
            }
            if (c == '\\' && p + 1 < pattern.Length) c = pattern[++p];
            if (text[t] != c) return false;
            p++; t++;
        }
        return t == text.Length;
    }

    /// <summary>Reads a class at pattern[start] == '['; false when it is not closed (then '[' is literal).</summary>
    private static bool TryMatchClass(string pattern, int start, char ch, out int next, out bool matched)
    {
        int p = start + 1;
        bool negate = p < pattern.Length && (pattern[p] == '!' || pattern[p] == '^');
        if (negate) p++;
        bool found = false;
        bool first = true;
        while (p < pattern.Length && (pattern[p] != ']' || first))
        {
            first = false;
            char low = pattern[p];
            if (low == '\\' && p + 1 < pattern.Length) low = pattern[++p];
            char high = low;
            if (p + 2 < pattern.Length && pattern[p + 1] == '-' && pattern[p + 2] != ']')
            {
                p += 2;
                high = pattern[p];
                if (high == '\\' && p + 1 < pattern.Length) high = pattern[++p];
            }
            if (ch >= low && ch <= high) found = true;
            p++;
        }
        next = p + 1;
        matched = found != negate;
        return p < pattern.Length;
    }
}
