using LspGlossary.Core.Analysis;

namespace LspGlossary.Core.Features;

/// <summary>
/// The first use of each acronym-like term in a document, and whether its long form is written next to it: what
/// <see cref="InlayHints"/> and the rule <see cref="FirstUseExpansion"/> both judge, so they always agree.
/// </summary>
public static class AcronymFirstUses
{
    /// <summary>
    /// For each entry with an expansion, its first use written acronym-like (<c>RLHF</c>, <c>LoRA</c>, also a wrong
    /// casing such as <c>LORA</c>), with its index in <see cref="DocumentAnalysis.Matches"/>, in document order. Its
    /// expansion and Chinese names are no such use, nor is a match inside an identifier.
    /// </summary>
    public static IEnumerable<(int Index, TermMatch Match)> Find(DocumentAnalysis analysis)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string text = analysis.Document.Text;
        var matches = analysis.Matches;
        for (int i = 0; i < matches.Count; i++)
        {
            var match = matches[i];
            if (match.Entry.Expansion is not { Length: > 0 }) continue;
            if (match.InIdentifier || match.Kind is MatchKind.Expansion or MatchKind.ChineseName) continue;
            if (seen.Contains(match.Entry.Id) || !TermMatcher.IsAcronymLike(text.Substring(match.Span.Start, match.Span.Length))) continue;
            seen.Add(match.Entry.Id);
            yield return (i, match);
        }
    }

    /// <summary>
    /// True when the match before or after <c>matches[index]</c> is the same entry's expansion or Chinese name, with
    /// nothing but white space, brackets, dashes, commas or colons between them: <c>RLHF (Reinforcement …)</c>,
    /// <c>Reinforcement … (RLHF)</c>, <c>基于人类反馈的强化学习（RLHF）</c>.
    /// </summary>
    public static bool IsLongFormNextTo(IReadOnlyList<TermMatch> matches, int index, string text)
    {
        var match = matches[index];
        if (index > 0 && IsLongForm(matches[index - 1], match) && IsGlue(text, matches[index - 1].Span.End, match.Span.Start)) return true;
        if (index + 1 < matches.Count && IsLongForm(matches[index + 1], match) && IsGlue(text, match.Span.End, matches[index + 1].Span.Start)) return true;
        return false;
    }

    private static bool IsLongForm(TermMatch other, TermMatch match) =>
        other.Kind is MatchKind.Expansion or MatchKind.ChineseName
        && string.Equals(other.Entry.Id, match.Entry.Id, StringComparison.Ordinal);

    /// <summary>At most a few characters, each white space or one of <c>()（）[]【】,，:：-–—/</c>.</summary>
    private static bool IsGlue(string text, int start, int end)
    {
        if (end < start || end - start > 4) return false;
        for (int i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && "()（）[]【】,，:：-–—/".IndexOf(text[i]) < 0) return false;
        }
        return true;
    }
}
