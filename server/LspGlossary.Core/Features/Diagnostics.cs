using LspGlossary.Core.Analysis;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>A wrong spelling and the text that replaces it.</summary>
public sealed record GlossaryDiagnostic(TextSpan Span, string Code, string Message, Severity Severity, string Found, string Replacement);

/// <summary>Diagnostics: spellings the glossary marks wrong, outside silenced spans and identifiers.</summary>
public static class Diagnostics
{
    public const string WrongVariantCode = "glossary.wrong-variant";
    public const string TooManyCode = "glossary.too-many";

    /// <summary>
    /// The editor is shown at most this many findings of one document (cspell caps at 100 by default): past a
    /// few thousand a list helps nobody, and a 50 MB document with 600,000 findings would cost gigabytes to
    /// send. Fix All and <c>check</c> still cover every finding.
    /// </summary>
    public const int MaxShownPerDocument = 10_000;

    /// <summary>
    /// The first <paramref name="max"/> diagnostics, and when there were more, one information diagnostic where
    /// the first one left out starts, saying how many were left out.
    /// </summary>
    public static List<GlossaryDiagnostic> Shown(List<GlossaryDiagnostic> all, int max = MaxShownPerDocument)
    {
        if (all.Count <= max) return all;
        var shown = all.GetRange(0, max);
        var first = all[max];
        shown.Add(new GlossaryDiagnostic(new TextSpan(first.Span.Start, 0), TooManyCode,
            $"{all.Count - max} more wrong spellings in this document are not listed (at most {max} are); Fix All fixes every one.",
            Severity.Information, "", ""));
        return shown;
    }

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
