using System.Text;
using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>
/// The rule <c>glossary.inconsistent-form</c>: a document that writes one entry in two accepted forms. The uses after the
/// first whose form differs from the first one's are flagged, with a fix to the first form. Forms compete only within
/// their kind:
/// <list type="bullet">
/// <item>English spellings (the term and its aliases) when they are the same word written differently — they differ
/// only in case, spaces, hyphens or British -ise/-isation against -ize/-ization (<c>KV cache</c> / <c>KV-cache</c>,
/// <c>tokenisation</c> / <c>tokenization</c>); an alias that is another word (<c>vocab</c>, <c>tokens</c>,
/// <c>speculative sampling</c>) is a synonym, not a form;</item>
/// <item>Chinese names when they are one name written differently: one character replaced (<c>低秩适配</c> /
/// <c>低秩适应</c>, <c>训练和推理</c> / <c>训练与推理</c>) or inserted inside the name (<c>大语言模型</c> / <c>大型语言模型</c>);
/// a name that only adds to the other at an end (<c>多模态</c> / <c>多模态模型</c>, <c>蒸馏</c> / <c>知识蒸馏</c>) or another
/// word (<c>大模型</c>) is a related name, not a form — a glossary's Chinese names are often those.</item>
/// </list>
/// A term and its expansion, or an English spelling and a Chinese name, never compete; another case of one spelling
/// (<c>Transformer</c> / <c>transformer</c>) is the same form, and an all-lower-case form beside an acronym-like one
/// (<c>web-llm</c> / <c>WebLLM</c>) is a package name; wrong spellings, matches in identifiers, uses glued by '+' to a
/// word (<c>ZeRO3+Compile</c>) and silenced matches take no part.
/// </summary>
public static class InconsistentForms
{
    public const string Code = "glossary.inconsistent-form";

    public static IEnumerable<GlossaryDiagnostic> Compute(DocumentAnalysis analysis, Severity severity, CancellationToken cancellationToken = default)
    {
        string text = analysis.Document.Text;
        // (entry id, the form's key) → the first English form used; entry id → the first Chinese names used, in order.
        var firstForms = new Dictionary<(string EntryId, string Key), string>();
        var firstChineseNames = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var match in analysis.Matches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (match.InIdentifier || match.Kind is not (MatchKind.Accepted or MatchKind.ChineseName)) continue;
            if (analysis.IsDiagnosticsOff(match) || IsJoinedByPlus(text, match.Span)) continue;
            string found = text.Substring(match.Span.Start, match.Span.Length);
            bool chinese = match.Kind == MatchKind.ChineseName;
            var (form, plural) = chinese ? (ChineseNameOf(match.Entry, found), false) : EnglishFormOf(match.Entry, found);
            if (form is null) continue;
            string? first = chinese ? FirstChineseFormOf(firstChineseNames, match.Entry.Id, form) : FirstEnglishFormOf(firstForms, match.Entry.Id, form);
            if (first is null || form == first || IsPackageNameBeside(form, first)) continue;
            string replacement = Capitalised(first, found) + (plural ? "s" : "");
            string message = $"'{found}' is another form of '{first}', which this document uses first: write '{replacement}' here too.";
            yield return new GlossaryDiagnostic(match.Span, Code, message, severity, found, replacement);
        }
    }

    /// <summary>A use glued to another word by '+' is part of a label (<c>ZeRO3+Compile</c>, <c>LoRA+</c> aside): no form.</summary>
    private static bool IsJoinedByPlus(string text, TextSpan span) =>
        (span.End + 1 < text.Length && text[span.End] == '+' && Script.IsWordChar(text[span.End + 1]))
        || (span.Start >= 2 && text[span.Start - 1] == '+' && Script.IsWordChar(text[span.Start - 2]));

    /// <summary>
    /// True when one of two forms is all lower case and the other acronym-like (<c>web-llm</c> and <c>WebLLM</c>): the
    /// lower-case one is the package or repository, which is never diagnosed.
    /// </summary>
    private static bool IsPackageNameBeside(string form, string other) =>
        (IsAllLowerCase(form) && TermMatcher.IsAcronymLike(other)) || (IsAllLowerCase(other) && TermMatcher.IsAcronymLike(form));

    private static bool IsAllLowerCase(string text) => !text.Any(char.IsUpper);

    /// <summary>The first form of the same key used so far; null (and recorded) when this is the first.</summary>
    private static string? FirstEnglishFormOf(Dictionary<(string, string), string> firstForms, string entryId, string form)
    {
        var key = (entryId, FormKey(form));
        if (firstForms.TryGetValue(key, out var first)) return first;
        firstForms[key] = form;
        return null;
    }

    /// <summary>The first Chinese name used so far that this one is another writing of; null (and recorded) when there is none.</summary>
    private static string? FirstChineseFormOf(Dictionary<string, List<string>> firstNames, string entryId, string name)
    {
        if (!firstNames.TryGetValue(entryId, out var names)) firstNames[entryId] = names = [];
        foreach (var earlier in names)
        {
            if (earlier == name || AreOneNameWrittenDifferently(earlier, name)) return earlier;
        }
        names.Add(name);
        return null;
    }

    /// <summary>
    /// True when two Chinese names of two or more characters differ in one character replaced, or one inserted that is neither the first nor the
    /// last character of the longer name.
    /// </summary>
    public static bool AreOneNameWrittenDifferently(string a, string b)
    {
        if (Math.Min(a.Length, b.Length) < 2) return false;
        if (a.Length == b.Length)
        {
            int differences = 0;
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i]) differences++;
            }
            return differences == 1;
        }
        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        if (longer.Length != shorter.Length + 1) return false;
        int at = 0;
        while (at < shorter.Length && shorter[at] == longer[at]) at++;
        return at > 0 && at < shorter.Length && longer.AsSpan(at + 1).SequenceEqual(shorter.AsSpan(at));
    }

    /// <summary>The term or alias a match spells (in any case), and whether a plural 's' follows it.</summary>
    private static (string? Form, bool Plural) EnglishFormOf(GlossaryEntry entry, string found)
    {
        if (Diagnostics.AcceptedSpellingFor(entry, found) is { } form) return (form, false);
        if (found.Length > 1 && found[^1] is 's' or 'S' && Diagnostics.AcceptedSpellingFor(entry, found[..^1]) is { } singular) return (singular, true);
        return (null, false);
    }

    private static string? ChineseNameOf(GlossaryEntry entry, string found)
    {
        string folded = Script.FoldWidth(found);
        return entry.ChineseNames.FirstOrDefault(name => string.Equals(Script.FoldWidth(name), folded, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// What two spellings of one word share: lower case, letters and digits only, British -is- endings as -iz-
    /// (<c>KV-cache</c> and <c>KV cache</c> → <c>kvcache</c>; <c>tokenisation</c> → <c>tokenization</c>).
    /// </summary>
    public static string FormKey(string spelling)
    {
        var key = new StringBuilder(spelling.Length);
        foreach (char c in spelling)
        {
            if (char.IsLetterOrDigit(c)) key.Append(char.ToLowerInvariant(c));
        }
        return key.Replace("isa", "iza").Replace("ise", "ize").Replace("isi", "izi").ToString();
    }

    /// <summary>The first form with a capital first letter when the text it replaces has one and the form is a plain word (sentence case).</summary>
    private static string Capitalised(string form, string found) =>
        form.Length > 0 && char.IsLower(form[0]) && char.IsUpper(found[0]) && !TermMatcher.IsAcronymLike(form) && !TermMatcher.HasAcronymWord(form)
            ? char.ToUpperInvariant(form[0]) + form[1..]
            : form;
}
