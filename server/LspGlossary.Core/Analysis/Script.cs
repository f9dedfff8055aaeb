namespace LspGlossary.Core.Analysis;

/// <summary>Character classes for script-aware term boundaries.</summary>
public static class Script
{
    /// <summary>
    /// Han, kana, Hangul, CJK punctuation and full-width forms. These never join a Latin word, so a term
    /// glued to them (<c>使用Lora微调</c>) still has word boundaries, unlike with .NET's <c>\b</c>.
    /// </summary>
    public static bool IsCjk(char c) =>
        (c >= '\u2E80' && c <= '\u9FFF') ||   // CJK radicals, punctuation, kana, Han
        (c >= '\uAC00' && c <= '\uD7AF') ||   // Hangul syllables
        (c >= '\uF900' && c <= '\uFAFF') ||   // CJK compatibility ideographs
        (c >= '\uFF00' && c <= '\uFFEF');     // full-width and half-width forms

    /// <summary>A Han character (CJK unified ideographs, extension A, compatibility ideographs).</summary>
    public static bool IsHan(char c) => (c >= '\u3400' && c <= '\u9FFF') || (c >= '\uF900' && c <= '\uFAFF');

    /// <summary>A character that continues a Latin word: letters and digits of non-CJK scripts, and '_'.</summary>
    public static bool IsWordChar(char c) => c == '_' || (char.IsLetterOrDigit(c) && !IsCjk(c));

    /// <summary>Characters that, between word characters, make one identifier or path of several words.</summary>
    public static bool IsIdentifierJoiner(char c) => c is '_' or '.' or '/' or '\\' or '@' or ':' or '-' or '=' or '#' or '~' or '$' or '%';

    /// <summary>Folds full-width ASCII letters and digits (ＬｏＲＡ) to ASCII; other characters are unchanged.</summary>
    public static char FoldWidth(char c) =>
        (c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A') || (c >= '\uFF41' && c <= '\uFF5A')
            ? (char)(c - 0xFEE0)
            : c;

    /// <summary>The text with full-width letters and digits folded; the same instance when there are none.</summary>
    public static string FoldWidth(string text)
    {
        int first = text.AsSpan().IndexOfAnyInRange('\uFF10', '\uFF5A');
        if (first < 0) return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++) span[i] = FoldWidth(source[i]);
        });
    }
}
