using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using LspGlossary.Core.Analysis;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>
/// The rule <c>glossary.unknown-acronym</c> (a hint by default): a word of 2–6 ASCII capitals in prose or a comment that
/// the glossary does not know. Not flagged: a word of any glossary spelling (any case: <c>AI</c> of <c>Generative AI</c>),
/// a word in an identifier, path or URL or glued to digits (<c>GPT-4</c>, <c>A100</c>), a part of a name (joined by a
/// hyphen, <c>DeepSpeed-HE</c>; a special token in brackets, <c>[MASK]</c>; a venue before its year, <c>ICML 2021</c>), a unit (<see cref="Units"/>), a
/// Roman numeral of I, V and X (<c>II</c>, <c>XIV</c>), a common word or well-known computing acronym
/// (<see cref="CommonWords"/>), a word of a shouted run of three or more capital words (a licence header), and an
/// acronym the document defines itself somewhere with parentheses: <c>Direct Preference Optimization (DPO)</c>,
/// <c>DPO (Direct Preference Optimization)</c>.
/// It has no fix here: the diagnostic carries the token (<see cref="GlossaryDiagnostic.Acronym"/>).
/// </summary>
public static class UnknownAcronyms
{
    public const string Code = "glossary.unknown-acronym";

    /// <summary>Units written in capitals: sizes, rates, frequencies, powers.</summary>
    public static readonly FrozenSet<string> Units = new[]
    {
        "KB", "MB", "GB", "TB", "PB", "EB", "FPS", "QPS", "RPS", "TPS", "RPM", "TOPS", "GFLOPS", "TFLOPS", "PFLOPS",
        "KHZ", "MHZ", "GHZ", "KW", "MW", "GW", "KWH", "DPI", "PPI",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Capital words every reader knows without a glossary: markers in comments and documents, short English words (a
    /// shouted word, RFC 2119's MUST and SHOULD), computing acronyms older than LLMs, and vendors.
    /// </summary>
    public static readonly FrozenSet<string> CommonWords = new[]
    {
        // markers
        "TODO", "FIXME", "XXX", "HACK", "NOTE", "NOTES", "NB", "BUG", "TIP", "INFO", "WARN", "TBD", "WIP", "FYI", "FAQ",
        "TLDR", "TL", "DR", "OK", "README", "ASAP", "AKA", "ETA", "PS", "EOF", "ID", "NEW", "DONE", "UPDATE", "NEWS",
        // English words, RFC 2119
        "AN", "AND", "ARE", "AS", "AT", "BE", "BUT", "BY", "DO", "FOR", "FROM", "IF", "IN", "IS", "IT", "NO", "NOT", "OF",
        "ON", "OR", "SO", "THE", "TO", "WE", "YES", "YOU", "ALL", "ANY", "MUST", "SHALL", "SHOULD", "MAY", "NEVER", "ONLY",
        "USE", "HOW", "WHAT", "WHY", "WHEN", "THIS", "THAT", "WITH",
        // words shouted for emphasis, and values and names of code in comments
        "AFTER", "BEFORE", "BOTH", "EVERY", "SAME", "LAST", "LEFT", "RIGHT", "HIGH", "LOW", "REAL", "PART", "START",
        "BEGIN", "END", "HOME", "PATH", "PORT", "LOCK", "GET", "SET", "PUT", "POST", "NULL", "NAN", "INF", "TRUE", "FALSE",
        "NONE", "ERROR", "FIX", "FOO", "BAR", "VS", "UNUSED", "TIPS", "STDIN", "STDOUT", "STDERR",
        // computing acronyms older than LLMs
        "API", "CPU", "GPU", "RAM", "ROM", "SSD", "HDD", "OS", "IO", "UI", "UX", "CLI", "GUI", "IDE", "SDK", "URL", "URI",
        "HTTP", "HTTPS", "HTML", "CSS", "JSON", "YAML", "XML", "CSV", "PDF", "SQL", "DB", "SSH", "TCP", "UDP", "IP", "DNS",
        "TLS", "SSL", "REST", "RPC", "AWS", "GCP", "CI", "CD", "PR", "MR", "QA", "MIT", "BSD", "GPL", "LGPL", "USB", "LAN",
        "VPN", "ASCII", "UTF", "ISO", "UTC", "GMT", "PNG", "JPG", "JPEG", "GIF", "SVG", "ZIP", "RGB", "CJK", "US", "UK",
        "EU", "USA",
        // vendors and hardware lines
        "AMD", "IBM", "ARM", "RTX", "GTX", "NVIDIA",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The words of every glossary's spellings, upper-cased, built once per glossary.</summary>
    private static readonly ConditionalWeakTable<Glossary.Glossary, FrozenSet<string>> KnownWordsByGlossary = new();

    public static IEnumerable<GlossaryDiagnostic> Compute(DocumentAnalysis analysis, Glossary.Glossary glossary, Severity severity,
        CancellationToken cancellationToken = default)
    {
        string text = analysis.Document.Text;
        var known = KnownWordsByGlossary.GetValue(glossary, KnownWords);
        var matches = analysis.Matches;
        HashSet<string>? definedHere = null;
        int matchIndex = 0;
        foreach (var region in analysis.Regions.Searchable)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int end = Math.Min(region.End, text.Length);
            int i = region.Start;
            while (i < end)
            {
                if (!Script.IsWordChar(text[i])) { i++; continue; }
                int start = i;
                while (i < text.Length && Script.IsWordChar(text[i])) i++;
                var span = TextSpan.FromBounds(start, i);
                if (!IsCandidate(text, span, known)) continue;
                while (matchIndex < matches.Count && matches[matchIndex].Span.End <= span.Start) matchIndex++;
                if (matchIndex < matches.Count && matches[matchIndex].Span.Start < span.End) continue; // a glossary term
                string token = text.Substring(span.Start, span.Length);
                if (TermMatcher.IsInIdentifier(text, span.Start, span.End) || IsInShoutedRun(text, span) || IsPartOfAName(text, span)) continue;
                if (analysis.Regions.IsDiagnosticsOff(span, token)) continue;
                definedHere ??= DefinedAcronyms(text);
                if (definedHere.Contains(token)) continue;
                yield return new GlossaryDiagnostic(span, Code,
                    $"'{token}' is an acronym the glossary does not know: write what it stands for, or add it to the team glossary.",
                    severity, token, null) { Acronym = token };
            }
        }
    }

    /// <summary>2–6 ASCII capitals at word boundaries, and no unit, Roman numeral, common word or glossary word.</summary>
    private static bool IsCandidate(string text, TextSpan span, FrozenSet<string> known)
    {
        if (span.Length is < 2 or > 6) return false;
        if (span.Start > 0 && Script.IsWordChar(text[span.Start - 1])) return false;
        for (int i = span.Start; i < span.End; i++)
        {
            if (!char.IsAsciiLetterUpper(text[i])) return false;
        }
        var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
        var word = text.AsSpan(span.Start, span.Length);
        return !lookup.Contains(word)
            && !Units.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
            && !CommonWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
            && !IsRomanNumeral(word);
    }

    /// <summary>A Roman numeral from 1 to 39 (letters I, V, X): II, IV, VIII, XII, XXXIX.</summary>
    public static bool IsRomanNumeral(ReadOnlySpan<char> word)
    {
        int i = 0;
        while (i < word.Length && i < 3 && word[i] == 'X') i++;
        var rest = word[i..];
        return rest.Length == 0 || rest is "IX" or "IV" or "V" or "VI" or "VII" or "VIII" or "I" or "II" or "III";
    }

    /// <summary>
    /// True when the word is one of three or more words of capitals (letters only) in a row, separated by spaces or
    /// quotes on one line: <c>THE SOFTWARE IS PROVIDED "AS IS"</c>.
    /// </summary>
    private static bool IsInShoutedRun(string text, TextSpan span)
    {
        int count = 1;
        for (int position = span.Start; count < 3 && PreviousCapitalWord(text, position) is { } previous; position = previous) count++;
        for (int position = span.End; count < 3 && NextCapitalWord(text, position) is { } next; position = next) count++;
        return count >= 3;
    }

    /// <summary>Where the word of capitals before <paramref name="position"/> starts, past spaces and quotes on the line; null when there is none.</summary>
    private static int? PreviousCapitalWord(string text, int position)
    {
        int i = position;
        while (i > 0 && IsSeparator(text[i - 1])) i--;
        if (i == position || i == 0) return null;
        int end = i;
        while (i > 0 && char.IsAsciiLetterUpper(text[i - 1])) i--;
        if (end - i < 1 || (i > 0 && Script.IsWordChar(text[i - 1]))) return null;
        return i;
    }

    /// <summary>Where the word of capitals after <paramref name="position"/> ends; null when there is none.</summary>
    private static int? NextCapitalWord(string text, int position)
    {
        int i = position;
        while (i < text.Length && IsSeparator(text[i])) i++;
        if (i == position || i == text.Length) return null;
        int start = i;
        while (i < text.Length && char.IsAsciiLetterUpper(text[i])) i++;
        if (i - start < 1 || (i < text.Length && Script.IsWordChar(text[i]))) return null;
        return i;
    }

    /// <summary>
    /// True when the word is part of a name rather than an acronym of its own: joined by a hyphen to another word
    /// (<c>DeepSpeed-HE</c>, <c>random-LTD</c>, <c>ERNIE-VL</c>, <c>SPDX-License-Identifier</c>), a special token in
    /// brackets (<c>[MASK]</c>, <c>&lt;EOS&gt;</c>), or a venue before its year (<c>ICML 2021</c>).
    /// </summary>
    private static bool IsPartOfAName(string text, TextSpan span)
    {
        bool hyphenBefore = span.Start >= 2 && text[span.Start - 1] == '-' && Script.IsWordChar(text[span.Start - 2]);
        bool hyphenAfter = span.End + 1 < text.Length && text[span.End] == '-' && Script.IsWordChar(text[span.End + 1]);
        if (hyphenBefore || hyphenAfter) return true;
        if (span.Start > 0 && span.End < text.Length && text[span.Start - 1] is '[' or '<' && text[span.End] is ']' or '>') return true;
        return span.End + 5 <= text.Length && text[span.End] == ' ' && IsYear(text.AsSpan(span.End + 1, 4))
            && (span.End + 5 == text.Length || !Script.IsWordChar(text[span.End + 5]));
    }

    private static bool IsYear(ReadOnlySpan<char> digits) =>
        digits.Length == 4 && (digits.StartsWith("19") || digits.StartsWith("20")) && char.IsAsciiDigit(digits[2]) && char.IsAsciiDigit(digits[3]);

    /// <summary>Spaces and quotes: a list of acronyms separated by commas (<c>PPO, DPO, KTO</c>) is no shouted run.</summary>
    private static bool IsSeparator(char c) => c is ' ' or '\t' or '"' or '\'' or '“' or '”';

    /// <summary>
    /// The words of 2–6 capitals the document defines, in one pass over its parentheses: alone in them after their long
    /// form, <c>Direct Preference Optimization (DPO)</c>, <c>直接偏好优化（DPO）</c>, or before them with the long form
    /// inside, <c>DPO (Direct Preference Optimization)</c>, <c>DPO（直接偏好优化）</c>.
    /// </summary>
    private static HashSet<string> DefinedAcronyms(string text)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        int open = text.AsSpan().IndexOfAny('(', '（');
        while (open >= 0)
        {
            int start = open + 1, end = start;
            while (end < text.Length && end - start <= 6 && char.IsAsciiLetterUpper(text[end])) end++;
            if (end - start is >= 2 and <= 6 && end < text.Length && text[end] is ')' or '）') defined.Add(text[start..end]);
            if (start < text.Length && (char.IsAsciiLetterUpper(text[start]) || Script.IsHan(text[start])) && WordBefore(text, open) is { } word)
            {
                defined.Add(word);
            }
            int next = text.AsSpan(start).IndexOfAny('(', '（');
            open = next < 0 ? -1 : start + next;
        }
        return defined;
    }

    /// <summary>The word of 2–6 capitals right before a parenthesis (one space between them at most), or null.</summary>
    private static string? WordBefore(string text, int parenthesis)
    {
        int end = parenthesis > 0 && text[parenthesis - 1] == ' ' ? parenthesis - 1 : parenthesis;
        int start = end;
        while (start > 0 && end - start <= 6 && char.IsAsciiLetterUpper(text[start - 1])) start--;
        if (end - start is < 2 or > 6 || (start > 0 && Script.IsWordChar(text[start - 1]))) return null;
        return text[start..end];
    }

    /// <summary>The words (runs of letters and digits) of every spelling of every entry, upper-cased.</summary>
    private static FrozenSet<string> KnownWords(Glossary.Glossary glossary)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in glossary.Entries)
        {
            foreach (var spelling in entry.AllSpellings().Concat(entry.Exceptions))
            {
                int i = 0;
                while (i < spelling.Length)
                {
                    if (!Script.IsWordChar(spelling[i])) { i++; continue; }
                    int start = i;
                    while (i < spelling.Length && Script.IsWordChar(spelling[i])) i++;
                    words.Add(spelling[start..i].ToUpperInvariant());
                }
            }
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
