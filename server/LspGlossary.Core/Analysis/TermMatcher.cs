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

    /// <summary>The spellings that hold a digit (<c>Int8</c>), case-insensitively: words in a hyphenated compound.</summary>
    private readonly HashSet<string> _spellingsWithDigits = new(StringComparer.OrdinalIgnoreCase);

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
        foreach (var spelling in all)
        {
            if (spelling.Text.AsSpan().IndexOfAnyInRange('0', '9') >= 0) _spellingsWithDigits.Add(spelling.Text);
        }
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
                // A simple plural ("LLMs", "tokens") belongs to the term; so does a capital 'S' after a hit of three
                // or more letters with no lower-case letter ("LLMS", "LORAS"), a shouted plural. After two capitals
                // it is usually an acronym of its own: RMS is a root mean square, not reward models.
                if (matchEnd < limit && char.IsLetter(spelling.Text[^1])
                    && (text[matchEnd] == 's' || (text[matchEnd] == 'S' && length >= 3 && !HasLower(found)))
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
            // A capital plural 'S' is not how a case-sensitive spelling makes its plural ("LLMS" is "LLMs").
            if (kind == MatchKind.Accepted && matchEnd > start + length && text[matchEnd - 1] == 'S' && IsCaseSensitive(chosen.Text))
            {
                kind = MatchKind.CaseVariant;
            }
            bool inIdentifier = Script.IsWordChar(spelling.Text[0]) && IsInIdentifier(text, start, matchEnd, _spellingsWithDigits);
            match = new TermMatch(TextSpan.FromBounds(start, matchEnd), chosen.Entry, kind.Value, inIdentifier);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Decides what a case-insensitive hit is. An exact spelling keeps its kind. Otherwise:
    /// <list type="bullet">
    /// <item>an acronym-like term or alias (two or more capitals, no space: LoRA, SFT, MoE, KV-cache): an
    /// all-lower-case hit is no match at all (it is usually a package, config value or dataset id) and any other
    /// casing is a case variant;</item>
    /// <item>a term or alias of several words with an acronym-like word (<c>KV cache</c>: "KV" has two capitals), see
    /// <see cref="ClassifyWithAcronymWords"/>: an all-lower-case hit (<c>kv cache</c>) and one that only capitalises the
    /// first letter of other words (<c>KV Cache</c>, <c>Generative AI</c>) are accepted; any other casing (<c>Kv cache</c>,
    /// <c>KV CACHE</c>) is a case variant;</item>
    /// <item>a listed variant in another casing is still wrong (a case variant), unless it is all lower case;</item>
    /// <item>plain words and phrases (token, Transformer, fine-tuning), Chinese names and expansions match in any
    /// case.</item>
    /// </list>
    /// </summary>
    private static MatchKind? Classify(Spelling spelling, ReadOnlySpan<char> found)
    {
        if (found.SequenceEqual(spelling.Text)) return spelling.Kind;
        switch (spelling.Kind!.Value)
        {
            case MatchKind.Accepted when IsAcronymLike(spelling.Text):
                return IsAllLower(found) ? null : MatchKind.CaseVariant;
            case MatchKind.Accepted when HasAcronymWord(spelling.Text):
                return ClassifyWithAcronymWords(spelling.Text, found);
            case MatchKind.Variant:
                return IsAllLower(found) ? null : MatchKind.CaseVariant;
            default:
                return spelling.Kind.Value;
        }
    }

    /// <summary>
    /// Another casing of an accepted spelling with an acronym-like word (<c>KV cache</c>, <c>generative AI</c>), of the
    /// same length: accepted when it is all lower case, or when each acronym-like word (two or more capitals) is
    /// spelled exactly and each other word differs at most in the case of its first letter (sentence and title case:
    /// <c>Generative AI</c>, <c>AI Agent</c>, <c>KV Cache</c> unless listed as a variant). Otherwise it is a case
    /// variant: an acronym in another casing (<c>Kv cache</c>, <c>kv Cache</c>) or a word shouted or mixed
    /// (<c>KV CACHE</c>, <c>KV cAche</c>). Words are split at white space and hyphens.
    /// </summary>
    private static MatchKind ClassifyWithAcronymWords(string spelling, ReadOnlySpan<char> found)
    {
        if (IsAllLower(found)) return MatchKind.Accepted;
        int wordStart = 0;
        for (int i = 0; i <= spelling.Length; i++)
        {
            if (i < spelling.Length && !char.IsWhiteSpace(spelling[i]) && spelling[i] != '-') continue;
            var word = spelling.AsSpan(wordStart, i - wordStart);
            var foundWord = found.Slice(wordStart, i - wordStart);
            bool same = CapitalCount(word) >= 2
                ? foundWord.SequenceEqual(word)
                : word.Length == 0 || foundWord[1..].SequenceEqual(word[1..]);
            if (!same) return MatchKind.CaseVariant;
            wordStart = i + 1;
        }
        return MatchKind.Accepted;
    }

    private static int CapitalCount(ReadOnlySpan<char> word)
    {
        int capitals = 0;
        foreach (char c in word)
        {
            if (char.IsUpper(c)) capitals++;
        }
        return capitals;
    }

    /// <summary>True when another casing of this accepted spelling is reported: <see cref="IsAcronymLike"/> or <see cref="HasAcronymWord"/>.</summary>
    private static bool IsCaseSensitive(string spelling) => IsAcronymLike(spelling) || HasAcronymWord(spelling);

    /// <summary>An acronym-like spelling: two or more capitals and no white space (LoRA, SFT, MoE, KV-cache).</summary>
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

    /// <summary>
    /// True when one of the spelling's words (split at white space and hyphens) has two or more capitals:
    /// "KV" in <c>KV cache</c>. <c>Mixture of Experts</c> and <c>fine-tuning</c> have none.
    /// </summary>
    public static bool HasAcronymWord(string spelling)
    {
        int capitals = 0;
        foreach (char c in spelling)
        {
            if (char.IsWhiteSpace(c) || c == '-')
            {
                if (capitals >= 2) return true;
                capitals = 0;
            }
            else if (char.IsUpper(c))
            {
                capitals++;
            }
        }
        return capitals >= 2;
    }

    private static bool HasLower(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsLower(c)) return true;
        }
        return false;
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

    /// <summary>
    /// True when [start, end) lies inside an identifier-like token: <c>peft.tuners</c>, <c>lora_alpha</c>,
    /// <c>hh-rlhf/data</c>, <c>C:\models\lora</c>, a URL or a file name, or a hyphenated name with a numbered part
    /// (<c>Qwen3-Moe</c>, <c>llama-2-7b-Lora</c>). A single '/' between two words (<c>LoRA/QLoRA</c>) is prose, and
    /// so is a compound joined by hyphens, however many (<c>Lora-based</c>, <c>Int8-KV-Cache</c>,
    /// <c>state-of-the-art</c>), as long as each of its parts is a word: letters only, or a part with a digit that
    /// is itself a glossary spelling (<c>Int8</c>, any case, from <paramref name="spellingsWithDigits"/>) or lies
    /// inside the match. One part with any other digit (<c>Qwen3</c>, <c>2</c>, <c>7b</c>) makes the whole
    /// hyphenated token a model id or version, and so do two or more hyphens with every other part in lower case
    /// (<c>Bert-large-uncased</c>).
    /// </summary>
    public static bool IsInIdentifier(string text, int start, int end, HashSet<string>? spellingsWithDigits = null)
    {
        int left = start;
        while (left > 0 && IsTokenChar(text, left - 1)) left--;
        int right = end;
        while (right < text.Length && IsTokenChar(text, right)) right++;

        int slashes = 0, hyphens = 0;
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
                case '/':
                    slashes++;
                    if (i == left && i + 1 < right) return true;
                    break;
            }
        }
        if (slashes >= 2) return true;
        if (hyphens >= 2 && OtherPartsAreLowerCase(text, left, right, start, end)) return true;
        return hyphens > 0 && HasNumberedPart(text, left, right, start, end, spellingsWithDigits);
    }

    /// <summary>
    /// True when every word of [left, right) outside the match is all lower case: with two or more hyphens that
    /// is a checkpoint or package name (<c>Bert-large-uncased-whole-word-masking</c>), not a compound of terms.
    /// </summary>
    private static bool OtherPartsAreLowerCase(string text, int left, int right, int start, int end)
    {
        for (int i = left; i < right; i++)
        {
            if ((i < start || i >= end) && char.IsUpper(text[i])) return false;
        }
        return true;
    }

    /// <summary>
    /// True when a part of the token [left, right) — a run of word characters — holds a digit, is not a glossary
    /// spelling and does not lie inside the match [start, end).
    /// </summary>
    private static bool HasNumberedPart(string text, int left, int right, int start, int end, HashSet<string>? spellingsWithDigits)
    {
        int i = left;
        while (i < right)
        {
            if (!Script.IsWordChar(text[i])) { i++; continue; }
            int partStart = i;
            bool digit = false;
            while (i < right && Script.IsWordChar(text[i]))
            {
                if (char.IsDigit(text[i])) digit = true;
                i++;
            }
            if (!digit || (partStart >= start && i <= end)) continue;
            if (spellingsWithDigits is not null
                && spellingsWithDigits.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(partStart, i - partStart))) continue;
            return true;
        }
        return false;
    }
}
