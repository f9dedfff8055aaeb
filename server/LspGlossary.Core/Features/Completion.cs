using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>
/// A completion of <see cref="Entry"/>'s term. <see cref="Insert"/> is the typed prefix (its start to the cursor);
/// <see cref="Replace"/> is the whole word under the cursor, both sides, which accepting the item replaces
/// (<c>Ql|ora</c> becomes <c>QLoRA</c>); for a prefix of several words (<c>KV c|</c>) both start at its first word.
/// <see cref="FilterText"/> is the spelling the prefix matched, and always starts with the typed prefix, ignoring
/// case, so that a client filtering on it keeps the item.
/// </summary>
public sealed record CompletionCandidate(GlossaryEntry Entry, TextSpan Insert, TextSpan Replace, string FilterText, string Documentation);

/// <summary>
/// Completion in prose and comments: the text before the cursor is a case-insensitive prefix of a term, an alias,
/// an English expansion or a Chinese name. Nothing is offered outside searchable regions.
/// <para>
/// A Latin prefix is the word before the cursor (letters, digits, '-'), or several such words separated by single
/// spaces, at most <see cref="MaxMultiWordPrefix"/> characters back on the line (<c>KV c</c>, <c>Mixture of E</c>,
/// <c>full fine</c>); in a spelling's words, a space and a hyphen are the same (<c>Mixture-of E</c>). The longest
/// prefix of several words that starts a spelling is offered, then the last word alone for the other entries.
/// </para>
/// <para>
/// Order (what the client's <c>sortText</c> follows): a longer typed prefix first; then a spelling equal to the prefix
/// ignoring case (<c>微调</c> → fine-tuning, whose Chinese name it is); then a canonical term starting with it (<c>GR</c> →
/// GRPO); then an expansion, alias or Chinese name starting with it (GQA, through "Grouped-Query Attention"); ties by the
/// shorter spelling, then by term, alphabetically.
/// </para>
/// </summary>
public static class Completion
{
    public const int MaxItems = 100;

    /// <summary>How far back, in characters on the cursor's line, a prefix of several words may start.</summary>
    public const int MaxMultiWordPrefix = 40;

    /// <summary>How a spelling relates to the typed prefix; lower comes first.</summary>
    private enum Rank
    {
        EqualSpelling = 0,
        TermStartsWith = 1,
        OtherStartsWith = 2,
    }

    /// <summary>An entry to offer: the replaced span is [Start, cursor) and on to End.</summary>
    private sealed record Ranked(GlossaryEntry Entry, int Start, int End, string FilterText, int PrefixLength, Rank Rank, int SpellingLength);

    public static List<CompletionCandidate> Compute(DocumentAnalysis analysis, int offset, Glossary.Glossary glossary, bool chineseFirst,
        DocumentationFormat format = DocumentationFormat.Markdown)
    {
        string text = analysis.Document.Text;
        if (offset < 0 || offset > text.Length || !analysis.IsSearchable(offset)) return [];
        var ranked = new List<Ranked>();

        // A Latin prefix: letters, digits, '-' (fine-tu…).
        int start = offset;
        while (start > 0 && IsLatinWordChar(text[start - 1])) start--;
        if (start < offset)
        {
            // The rest of the word after the cursor is replaced too.
            int end = offset;
            while (end < text.Length && IsLatinWordChar(text[end])) end++;
            var offered = new HashSet<GlossaryEntry>(ReferenceEqualityComparer.Instance);
            foreach (int wordStart in MultiWordStarts(text, start, offset))
            {
                if (!analysis.IsSearchable(wordStart)) continue;
                AddLatin(wordStart);
                if (offered.Count > 0) break;
            }
            AddLatin(start);

            void AddLatin(int prefixStart)
            {
                string typed = text[prefixStart..offset];
                string prefix = Script.FoldWidth(typed);
                foreach (var entry in glossary.Entries)
                {
                    if (offered.Contains(entry) || RankLatin(entry, prefix) is not { } fit) continue;
                    offered.Add(entry);
                    ranked.Add(new Ranked(entry, prefixStart, end, FilterTextFor(fit.Spelling, typed), typed.Length, fit.Rank, fit.Spelling.Length));
                }
            }
            return Ordered(ranked, offset, glossary, chineseFirst, format);
        }

        // A Chinese prefix: Chinese has no spaces, so try the longest tail of the Han run that starts a name.
        // The Han text after the cursor is the next word, not the rest of this one: it is kept.
        int runStart = offset;
        while (runStart > 0 && offset - runStart < 12 && Script.IsHan(text[runStart - 1])) runStart--;
        for (int tail = runStart; tail < offset; tail++)
        {
            string prefix = text[tail..offset];
            foreach (var entry in glossary.Entries)
            {
                string? name = entry.ChineseNames.FirstOrDefault(n => n == prefix)
                    ?? entry.ChineseNames.FirstOrDefault(n => n.StartsWith(prefix, StringComparison.Ordinal));
                if (name is null) continue;
                var rank = name == prefix ? Rank.EqualSpelling : Rank.OtherStartsWith;
                ranked.Add(new Ranked(entry, tail, offset, name, prefix.Length, rank, name.Length));
            }
            if (ranked.Count > 0) break;
        }
        return Ordered(ranked, offset, glossary, chineseFirst, format);
    }

    private static bool IsLatinWordChar(char c) => Script.IsWordChar(c) || c == '-';

    /// <summary>
    /// The starts of the words before the word at <paramref name="wordStart"/>, each separated from the next by one
    /// space, on the same line and at most <see cref="MaxMultiWordPrefix"/> characters before the cursor; farthest first.
    /// </summary>
    private static List<int> MultiWordStarts(string text, int wordStart, int cursor)
    {
        var starts = new List<int>();
        int position = wordStart;
        while (position > 1 && text[position - 1] == ' ' && IsLatinWordChar(text[position - 2]))
        {
            int previous = position - 1;
            while (previous > 0 && IsLatinWordChar(text[previous - 1])) previous--;
            if (cursor - previous > MaxMultiWordPrefix) break;
            starts.Add(previous);
            position = previous;
        }
        starts.Reverse();
        return starts;
    }

    /// <summary>How well the entry's term, expansion or an alias fits a Latin prefix, and the spelling that fits; null when none starts with it.</summary>
    private static (Rank Rank, string Spelling)? RankLatin(GlossaryEntry entry, string prefix)
    {
        if (EqualWords(entry.Term, prefix)) return (Rank.EqualSpelling, entry.Term);
        if (entry.Expansion is { } equalExpansion && EqualWords(equalExpansion, prefix)) return (Rank.EqualSpelling, equalExpansion);
        if (entry.Aliases.FirstOrDefault(a => EqualWords(a, prefix)) is { } equalAlias) return (Rank.EqualSpelling, equalAlias);
        if (StartsWithWords(entry.Term, prefix)) return (Rank.TermStartsWith, entry.Term);
        if (entry.Expansion is { } expansion && StartsWithWords(expansion, prefix)) return (Rank.OtherStartsWith, expansion);
        if (entry.Aliases.FirstOrDefault(a => StartsWithWords(a, prefix)) is { } alias) return (Rank.OtherStartsWith, alias);
        return null;
    }

    private static bool EqualWords(string spelling, string prefix) => spelling.Length == prefix.Length && StartsWithWords(spelling, prefix);

    /// <summary>True when <paramref name="spelling"/> starts with <paramref name="prefix"/>, ignoring case, a space and a hyphen being the same.</summary>
    public static bool StartsWithWords(string spelling, string prefix)
    {
        if (prefix.Length > spelling.Length) return false;
        for (int i = 0; i < prefix.Length; i++)
        {
            char a = spelling[i], b = prefix[i];
            if (a is ' ' or '-' && b is ' ' or '-') continue;
            if (char.ToUpperInvariant(a) != char.ToUpperInvariant(b)) return false;
        }
        return true;
    }

    /// <summary>The spelling, or when its separators differ from what was typed, the typed text followed by the rest of the spelling.</summary>
    private static string FilterTextFor(string spelling, string typed) =>
        spelling.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? spelling : typed + spelling[Math.Min(typed.Length, spelling.Length)..];

    /// <summary>The first <see cref="MaxItems"/> in the order of the class comment, each with its documentation.</summary>
    private static List<CompletionCandidate> Ordered(List<Ranked> ranked, int cursor, Glossary.Glossary glossary, bool chineseFirst, DocumentationFormat format) => ranked
        .OrderByDescending(r => r.PrefixLength)
        .ThenBy(r => r.Rank)
        .ThenBy(r => r.SpellingLength)
        .ThenBy(r => r.Entry.Term, StringComparer.OrdinalIgnoreCase)
        .ThenBy(r => r.Entry.Term, StringComparer.Ordinal)
        .Take(MaxItems)
        .Select(r => new CompletionCandidate(r.Entry, TextSpan.FromBounds(r.Start, cursor), TextSpan.FromBounds(r.Start, r.End), r.FilterText,
            Hover.Render(r.Entry, glossary, chineseFirst, format)))
        .ToList();
}
