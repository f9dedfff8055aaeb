using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>Applies replacements to a text: what <c>check --fix</c> writes back, computed without IO.</summary>
public static class FixAll
{
    /// <summary>The replacements that fix every diagnostic, in document order.</summary>
    public static List<TextReplacement> Replacements(IReadOnlyList<GlossaryDiagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Span.Start).Select(d => new TextReplacement(d.Span, d.Replacement)).ToList();

    /// <summary>
    /// The text with each replacement applied. Replacements are taken in order of their start; one that
    /// overlaps an earlier one or lies outside the text is skipped, so the result is always well defined.
    /// </summary>
    public static string Apply(string text, IReadOnlyList<TextReplacement> replacements)
    {
        if (replacements.Count == 0) return text;
        var ordered = replacements.OrderBy(r => r.Span.Start).ToList();
        var builder = new System.Text.StringBuilder(text.Length + 16 * ordered.Count);
        int position = 0;
        foreach (var replacement in ordered)
        {
            var span = replacement.Span;
            if (span.Start < position || span.End > text.Length || span.Length < 0) continue;
            builder.Append(text, position, span.Start - position).Append(replacement.NewText);
            position = span.End;
        }
        return builder.Append(text, position, text.Length - position).ToString();
    }
}
