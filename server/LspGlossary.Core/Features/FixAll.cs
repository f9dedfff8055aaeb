using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>Applies replacements to a text: what <c>check --fix</c> writes back, computed without IO.</summary>
public static class FixAll
{
    /// <summary>
    /// The replacements that fix every diagnostic that has a fix, in document order; one that overlaps an earlier one
    /// is left out (a client refuses overlapping edits).
    /// </summary>
    public static List<TextReplacement> Replacements(IReadOnlyList<GlossaryDiagnostic> diagnostics)
    {
        var result = new List<TextReplacement>();
        int position = 0;
        foreach (var diagnostic in diagnostics.Where(d => d.Replacement is not null).OrderBy(d => d.Span.Start))
        {
            if (diagnostic.Span.Start < position) continue;
            result.Add(new TextReplacement(diagnostic.Span, diagnostic.Replacement!));
            position = diagnostic.Span.End;
        }
        return result;
    }

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
