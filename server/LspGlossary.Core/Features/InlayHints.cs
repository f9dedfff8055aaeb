using LspGlossary.Core.Analysis;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>An expansion shown after a term: <see cref="Offset"/> is where the term ends, <see cref="Label"/> the text shown.</summary>
public readonly record struct InlayHintResult(int Offset, string Label);

/// <summary>
/// Inlay hints: the expansion after the first use of each acronym-like term (<c>RLHF</c> → <c>(Reinforcement Learning
/// from Human Feedback)</c>), in English and Chinese documents alike, unless the expansion or a Chinese name of the entry
/// is already written right next to it (<c>RLHF (Reinforcement …)</c>, <c>基于人类反馈的强化学习（RLHF）</c>); both judged by
/// <see cref="AcronymFirstUses"/>, as the rule <see cref="FirstUseExpansion"/> judges them.
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
        string text = analysis.Document.Text;
        foreach (var (index, match) in AcronymFirstUses.Find(analysis))
        {
            if (hints.Count >= max || match.Span.End > range.End) break;
            if (match.Span.End < range.Start) continue;
            if (AcronymFirstUses.IsLongFormNextTo(analysis.Matches, index, text)) continue;
            hints.Add(new InlayHintResult(match.Span.End, $"({match.Entry.Expansion!.Trim()})"));
        }
        return hints;
    }
}
