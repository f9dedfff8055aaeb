using LspGlossary.Core.Analysis;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Glossary;

/// <summary>A spelling the glossary marks wrong, the fix <c>check</c> writes for it, and whether the glossary lists it.</summary>
/// <param name="Listed">True for a spelling listed in <c>variants</c>; false for another casing (or a plural) the case rules flag.</param>
public sealed record WrongSpelling(string Wrong, string Right, GlossaryEntry Entry, bool Listed);

/// <summary>
/// The glossary's spellings as literal word lists, for the exports to tools that take words rather than rules
/// (cspell, Vale, autocorrect). Each wrong spelling is confirmed by <see cref="TermMatcher"/> itself — the text alone,
/// matched as <c>check</c> would match it in prose — so the lists follow the engine's rules: the listed variants, and
/// the other casings of acronym-like spellings and of variants (never all lower case, never an accepted spelling),
/// each also with a plural <c>s</c>. Casings are enumerated in full for spellings of up to
/// <see cref="MaxEnumeratedLetters"/> letters; of longer ones only the all-capitals and the capitalized forms are
/// listed — and so for every spelling when full enumeration would pass <see cref="MaxEnumeratedCasings"/> casings in
/// all (a workspace glossary of thousands of acronyms), which keeps an export to seconds and its files readable.
/// </summary>
public static class GlossarySpellings
{
    /// <summary>Spellings with more letters than this get only their all-capitals casing listed (2^n casings otherwise).</summary>
    public const int MaxEnumeratedLetters = 6;

    /// <summary>Above this many casings in all, every spelling gets only its all-capitals and capitalized forms.</summary>
    public const int MaxEnumeratedCasings = 100_000;

    /// <summary>The accepted spellings of an entry: the term, then its aliases.</summary>
    public static IEnumerable<string> Accepted(GlossaryEntry entry) =>
        new[] { entry.Term }.Concat(entry.Aliases).Select(s => s.Trim()).Where(s => s.Length > 0);

    /// <summary>
    /// Every wrong spelling with its fix, in glossary order (per entry: listed variants, then other casings, each followed
    /// by its plural), once each (ordinal).
    /// </summary>
    public static List<WrongSpelling> Wrong(Glossary glossary)
    {
        var matcher = new TermMatcher(glossary);
        var result = new List<WrongSpelling>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool full = glossary.Entries.SelectMany(Cased).Sum(s => (long)CasingCount(s)) <= MaxEnumeratedCasings;
        foreach (var entry in glossary.Entries)
        {
            var candidates = new List<string>();
            foreach (var variant in entry.Variants.Select(v => v.Trim()).Where(v => v.Length > 0)) candidates.Add(variant);
            foreach (var spelling in Cased(entry)) candidates.AddRange(Casings(spelling, full));
            foreach (var candidate in candidates)
            {
                Consider(candidate);
                if (char.IsLetter(candidate[^1])) Consider(candidate + "s");
            }
        }
        return result;

        void Consider(string candidate)
        {
            if (seen.Contains(candidate)) return;
            if (Classify(matcher, candidate) is not { } found) return;
            seen.Add(candidate);
            result.Add(found);
        }
    }

    /// <summary>The spellings whose other casings may be wrong: acronym-like accepted ones, and the variants.</summary>
    private static IEnumerable<string> Cased(GlossaryEntry entry) =>
        Accepted(entry).Where(TermMatcher.IsAcronymLike).Concat(entry.Variants.Select(v => v.Trim()).Where(v => v.Length > 0));

    private static int CasingCount(string spelling)
    {
        int letters = spelling.Count(c => char.ToUpperInvariant(c) != char.ToLowerInvariant(c));
        return letters <= MaxEnumeratedLetters ? 1 << letters : 2;
    }

    /// <summary>
    /// What <c>check</c> says about <paramref name="text"/> written alone in prose: a wrong spelling (with the fix) when
    /// the whole text is one match flagged wrong, else null.
    /// </summary>
    public static WrongSpelling? Classify(TermMatcher matcher, string text)
    {
        var matches = matcher.FindAll(text, new DocumentRegions([new TextSpan(0, text.Length)], []));
        if (matches.Count != 1) return null;
        var match = matches[0];
        if (match.Span.Start != 0 || match.Span.Length != text.Length || !match.IsWrongSpelling) return null;
        string right = Features.Diagnostics.ReplacementFor(match.Entry, text);
        if (right == text) return null;
        return new WrongSpelling(text, right, match.Entry, match.Entry.Variants.Contains(text, StringComparer.Ordinal));
    }

    /// <summary>
    /// The casings of a spelling other than itself: every combination when it has at most
    /// <see cref="MaxEnumeratedLetters"/> letters (and <paramref name="full"/>), else all capitals and capitalized
    /// (the first letter a capital, the others lower case).
    /// </summary>
    public static IEnumerable<string> Casings(string spelling, bool full = true)
    {
        var letters = new List<int>();
        for (int i = 0; i < spelling.Length; i++)
        {
            if (char.ToUpperInvariant(spelling[i]) != char.ToLowerInvariant(spelling[i])) letters.Add(i);
        }
        if (letters.Count > MaxEnumeratedLetters || !full)
        {
            string upper = spelling.ToUpperInvariant();
            if (upper != spelling) yield return upper;
            if (letters.Count > 0)
            {
                string lower = spelling.ToLowerInvariant();
                string capitalized = lower[..letters[0]] + char.ToUpperInvariant(lower[letters[0]]) + lower[(letters[0] + 1)..];
                if (capitalized != spelling && capitalized != upper) yield return capitalized;
            }
            yield break;
        }
        var chars = spelling.ToCharArray();
        for (int mask = 0; mask < 1 << letters.Count; mask++)
        {
            for (int bit = 0; bit < letters.Count; bit++)
            {
                char c = spelling[letters[bit]];
                chars[letters[bit]] = (mask & (1 << bit)) != 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
            }
            var casing = new string(chars);
            if (casing != spelling) yield return casing;
        }
    }

    /// <summary>True when the text holds CJK characters (Han, kana, Hangul, full-width forms).</summary>
    public static bool HasCjk(string text) => text.Any(Script.IsCjk);

    /// <summary>True when the text is one word to a spell checker: no whitespace.</summary>
    public static bool IsOneWord(string text) => !text.Any(char.IsWhiteSpace);
}
