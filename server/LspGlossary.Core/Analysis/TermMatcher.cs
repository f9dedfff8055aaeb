using System.Buffers;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Analysis;

/// <summary>
/// Finds glossary terms in text. Built once per glossary. Every spelling (term, aliases, Chinese names,
/// expansion, variants) is searched case-insensitively with one multi-string search; each hit is then
/// checked for script-aware word boundaries and classified (accepted, variant, case variant).
/// At one position the longest spelling wins; the scan resumes after a match. An entry's exceptions
/// (精度对齐 for 对齐) take part in the same search: where one wins, nothing is reported and the scan resumes after it.
/// </summary>
public sealed class TermMatcher
{
    /// <summary>A text to look for; <see cref="Kind"/> is null for an exception.</summary>
    private readonly record struct Spelling(string Text, GlossaryEntry Entry, MatchKind? Kind);

    private readonly SearchValues<string>? _search;
    private readonly Dictionary<char, Spelling[]> _byFirstChar;

    public TermMatcher(Glossary.Glossary glossary)
    {
        Glossary = glossary;
        var all = new List<Spelling>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in glossary.Entries)
        {
            Add(entry.Term, entry, MatchKind.Accepted);
            foreach (var alias in entry.Aliases) Add(alias, entry, MatchKind.Accepted);
            foreach (var name in entry.ChineseNames) Add(name, entry, MatchKind.ChineseName);
            if (entry.Expansion is { } expansion) Add(expansion, entry, MatchKind.Expansion);
            foreach (var variant in entry.Variants) Add(variant, entry, MatchKind.Variant);
            foreach (var exception in entry.Exceptions) Add(exception, entry, null);
        }

        _byFirstChar = all
            .GroupBy(s => char.ToLowerInvariant(s.Text[0]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Text.Length).ToArray());
        var distinct = all.Select(s => s.Text).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _search = distinct.Length > 0 ? SearchValues.Create(distinct, StringComparison.OrdinalIgnoreCase) : null;

        void Add(string text, GlossaryEntry entry, MatchKind? kind)
        {
            text = Script.FoldWidth(text.Trim());
            // The first entry to claim a spelling keeps it; the glossary reports the conflict.
            if (text.Length > 0 && seen.Add(text)) all.Add(new Spelling(text, entry, kind));
        }
    }

    public Glossary.Glossary Glossary { get; }

    /// <summary>All matches inside the searchable regions, in document order.</summary>
    public List<TermMatch> FindAll(string text, DocumentRegions regions, CancellationToken cancellationToken = default)
    {
        var matches = new List<TermMatch>();
        if (_search is null) return matches;
        string folded = Script.FoldWidth(text);
        foreach (var region in regions.Searchable)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FindInRegion(folded, region, matches);
        }
        return matches;
    }

    private void FindInRegion(string text, TextSpan region, List<TermMatch> matches)
    {
        int position = region.Start;
        int end = Math.Min(region.End, text.Length);
        while (position < end)
        {
            int found = text.AsSpan(position, end - position).IndexOfAny(_search!);
            if (found < 0) return;
            int start = position + found;
            if (TryMatchAt(text, start, end, out var match, out int exceptionEnd))
            {
                matches.Add(match);
                position = match.Span.End;
            }
            else if (exceptionEnd > start)
            {
                position = exceptionEnd;
            }
            else
            {
                position = start + 1;
            }
        }
    }

    private bool TryMatchAt(string text, int start, int limit, out TermMatch match, out int exceptionEnd)
    {
        match = default;
        exceptionEnd = 0;
        if (!_byFirstChar.TryGetValue(char.ToLowerInvariant(text[start]), out var candidates)) return false;
        foreach (var spelling in candidates)
        {
            int length = spelling.Text.Length;
            if (start + length > limit) continue;
            var found = text.AsSpan(start, length);
            if (!found.Equals(spelling.Text, StringComparison.OrdinalIgnoreCase)) continue;
            if (Script.IsWordChar(spelling.Text[0]) && start > 0 && Script.IsWordChar(text[start - 1])) continue;

            int matchEnd = start + length;
            if (Script.IsWordChar(spelling.Text[^1]))
            {
                // A simple plural ("LLMs", "tokens") belongs to the term.
                if (matchEnd < limit && text[matchEnd] == 's' && char.IsLetter(spelling.Text[^1])
                    && (matchEnd + 1 >= text.Length || !Script.IsWordChar(text[matchEnd + 1])))
                {
                    matchEnd++;
                }
                if (matchEnd < text.Length && Script.IsWordChar(text[matchEnd])) continue;
            }

            // Among spellings of the same length, one spelled exactly like the text wins ("Lora" is the listed
            // variant, not a case form of "LoRA").
            var chosen = spelling;
            foreach (var other in candidates)
            {
                if (other.Text.Length == length && found.SequenceEqual(other.Text)) { chosen = other; break; }
            }
            if (chosen.Kind is null)
            {
                exceptionEnd = matchEnd;
                return false;
            }
            var kind = Classify(chosen, found);
            if (kind is null) continue;
            bool inIdentifier = Script.IsWordChar(spelling.Text[0]) && IsInIdentifier(text, start, matchEnd);
            match = new TermMatch(TextSpan.FromBounds(start, matchEnd), chosen.Entry, kind.Value, inIdentifier);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Decides what a case-insensitive hit is. An exact spelling keeps its kind. Otherwise, for an
    /// acronym-like term or alias (two or more capitals, no space: LoRA, SFT, MoE), an all-lower-case hit is no
    /// match at all (it is usually a package, config value or dataset id) and any other casing is a case
    /// variant. Plain words (token, Transformer) and expansions match in any case.
    /// </summary>
    private static MatchKind? Classify(Spelling spelling, ReadOnlySpan<char> found)
    {
        if (found.SequenceEqual(spelling.Text)) return spelling.Kind;
        switch (spelling.Kind!.Value)
        {
            case MatchKind.Accepted when IsAcronymLike(spelling.Text):
                return IsAllLower(found) ? null : MatchKind.CaseVariant;
            case MatchKind.Variant:
                // A variant in another casing is still wrong, unless it is all lower case.
                return IsAllLower(found) ? null : MatchKind.CaseVariant;
            default:
                return spelling.Kind.Value;
        }
    }

    public static bool IsAcronymLike(string spelling)
    {
        int capitals = 0;
        foreach (char c in spelling)
        {
            if (char.IsWhiteSpace(c)) return false;
            if (char.IsUpper(c)) capitals++;
        }
        return capitals >= 2;
    }

    private static bool IsAllLower(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsUpper(c)) return false;
        }
        return true;
    }

    /// <summary>
    /// True when [start, end) lies inside an identifier-like token: <c>peft.tuners</c>, <c>lora_alpha</c>,
    /// <c>hh-rlhf/data</c>, <c>C:\models\lora</c>, a URL or a file name, or a hyphenated name with a digit or
    /// several hyphens (<c>Qwen3-Moe</c>, <c>llama-2-7b-Lora</c>). A single '/' between two words
    /// (<c>LoRA/QLoRA</c>) and one hyphen between words (<c>Lora-based</c>) are prose.
    /// </summary>
    /// <summary>
    /// A character of an identifier-like token. A ':' belongs to one only in "::" and "://" (C++ scopes,
    /// URLs); otherwise it ends the token, so the prose in <c>lora_alpha:Lora alpha</c> is not joined to it.
    /// </summary>
    private static bool IsTokenChar(string text, int i)
    {
        char c = text[i];
        if (c == ':')
        {
            return (i + 1 < text.Length && text[i + 1] is ':' or '/') || (i > 0 && text[i - 1] == ':');
        }
        return Script.IsWordChar(c) || Script.IsIdentifierJoiner(c);
    }

    public static bool IsInIdentifier(string text, int start, int end)
    {
        int left = start;
        while (left > 0 && IsTokenChar(text, left - 1)) left--;
        int right = end;
        while (right < text.Length && IsTokenChar(text, right)) right++;

        int slashes = 0, hyphens = 0;
        bool digit = false;
        for (int i = left; i < right; i++)
        {
            char c = text[i];
            bool interior = i > left && i + 1 < right && Script.IsWordChar(text[i - 1]) && Script.IsWordChar(text[i + 1]);
            switch (c)
            {
                case '_' or '\\' or '@' or '=' or '$' or '%' or '~':
                    if (i > left && i + 1 < right) return true;
                    break;
                case '.' or '#' when interior:
                    return true;
                case ':' when i + 1 < right && (text[i + 1] == ':' || text[i + 1] == '/'):
                    return true;
                case '-' when interior:
                    hyphens++;
                    break;
                case >= '0' and <= '9':
                    digit = true;
                    break;
                case '/':
                    slashes++;
                    if (i == left && i + 1 < right) return true;
                    break;
            }
        }
        return slashes >= 2 || (hyphens > 0 && (digit || hyphens >= 2));
    }
}
