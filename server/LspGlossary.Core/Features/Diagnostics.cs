using LspGlossary.Core.Analysis;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>A wrong spelling and the text that replaces it.</summary>
public sealed record GlossaryDiagnostic(TextSpan Span, string Code, string Message, Severity Severity, string Found, string Replacement);

/// <summary>Diagnostics: spellings the glossary marks wrong, outside silenced spans and identifiers.</summary>
public static class Diagnostics
{
    public const string WrongVariantCode = "glossary.wrong-variant";

    public static List<GlossaryDiagnostic> Compute(DocumentAnalysis analysis, Severity severity, CancellationToken cancellationToken = default)
    {
        var result = new List<GlossaryDiagnostic>();
        string text = analysis.Document.Text;
        foreach (var match in analysis.Matches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!match.IsWrongSpelling || analysis.IsDiagnosticsOff(match.Span)) continue;
            string found = text.Substring(match.Span.Start, match.Span.Length);
            string replacement = ReplacementFor(match, found);
            if (replacement == found) continue;
            string expansion = match.Entry.Expansion is { } e ? $" ({e})" : "";
            string message = $"'{found}' is not the glossary's spelling: write '{replacement}'{expansion}.";
            result.Add(new GlossaryDiagnostic(match.Span, WrongVariantCode, message, severity, found, replacement));
        }
        return result;
    }

    /// <summary>The canonical term, keeping a plural 's' the match carried.</summary>
    private static string ReplacementFor(TermMatch match, string found)
    {
        string term = match.Entry.Term;
        bool plural = found.Length == term.Length + 1 && found[^1] == 's'
            && !match.Entry.Variants.Contains(found, StringComparer.Ordinal)
            && !string.Equals(found, term, StringComparison.OrdinalIgnoreCase);
        return plural ? term + "s" : term;
    }
}
