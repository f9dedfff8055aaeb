using LspGlossary.Core.Analysis;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>An expansion shown after a term: <see cref="Offset"/> is where the term ends, <see cref="Label"/> the text shown.</summary>
public readonly record struct InlayHintResult(int Offset, string Label);

/// <summary>
/// Inlay hints: the expansion after the first use of each acronym-like term (<c>RLHF</c> → <c>(Reinforcement Learning
/// from Human Feedback)</c>), in English and Chinese documents alike, unless the expansion or a Chinese name of the entry
/// is already written right next to it (<c>RLHF (Reinforcement …)</c>, <c>基于人类反馈的强化学习（RLHF）</c>).
/// </summary>
public static class InlayHints
{
    /// <summary>At most this many hints per answer.</summary>
    public const int MaxHints = 1_000;

    /// <summary>
    /// The hints whose offset lies in <paramref name="range"/> (its ends included). "First" is judged over the whole
    /// document, so a hint does not move when the editor asks for another part of it.
    /// </summary>
    public static IReadOnlyList<InlayHintResult> Compute(DocumentAnalysis analysis, TextSpan range, int max = MaxHints)
    {
        var hints = new List<InlayHintResult>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string text = analysis.Document.Text;
        var matches = analysis.Matches;
        for (int i = 0; i < matches.Count && hints.Count < max; i++)
        {
            var match = matches[i];
            if (match.Span.End > range.End) break;
            if (match.Entry.Expansion is not { Length: > 0 } expansion) continue;
            if (match.InIdentifier || match.Kind is MatchKind.Expansion or MatchKind.ChineseName) continue;
            if (seen.Contains(match.Entry.Id) || !TermMatcher.IsAcronymLike(text.Substring(match.Span.Start, match.Span.Length))) continue;
            seen.Add(match.Entry.Id);
            if (match.Span.End < range.Start) continue;
            if (IsLongFormNextTo(matches, i, text)) continue;
            hints.Add(new InlayHintResult(match.Span.End, $"({expansion.Trim()})"));
        }
        return hints;
    }

    /// <summary>
    /// True when the match before or after this one is the same entry's expansion or Chinese name, with nothing
    /// but white space, brackets, dashes, commas or colons between them.
    /// </summary>
    private static bool IsLongFormNextTo(IReadOnlyList<TermMatch> matches, int index, string text)
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
