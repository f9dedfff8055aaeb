using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Text;

namespace LspGlossary.Core.Features;

/// <summary>
/// A finding of a rule (<see cref="Rules"/>): the text <see cref="Found"/> at <see cref="Span"/>, and the text that
/// replaces it there, or null when the rule has no fix (<c>glossary.unknown-acronym</c>).
/// </summary>
public sealed record GlossaryDiagnostic(TextSpan Span, string Code, string Message, Severity Severity, string Found, string? Replacement)
{
    /// <summary>The quick fix's title; null without a fix.</summary>
    public string? FixTitle { get; init; } = Replacement is null ? null : $"Change '{Found}' to '{Replacement}'";

    /// <summary>The all-capitals token of a <c>glossary.unknown-acronym</c> finding (the data of a later "add to the glossary").</summary>
    public string? Acronym { get; init; }
}

/// <summary>
/// The spelling rule (<c>glossary.wrong-variant</c>): spellings the glossary marks wrong, outside silenced spans and
/// identifiers. <see cref="Rules.Compute"/> runs it with the other rules.
/// </summary>
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
            $"{all.Count - max} more findings in this document are not listed (at most {max} are); Fix All fixes every one that has a fix.",
            Severity.Information, "", null));
        return shown;
    }

    /// <param name="termLevels">Per glossary entry id, a level that replaces <paramref name="severity"/> (off: no finding).</param>
    public static List<GlossaryDiagnostic> Compute(DocumentAnalysis analysis, Severity severity, CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, RuleLevel>? termLevels = null)
    {
        var result = new List<GlossaryDiagnostic>();
        string text = analysis.Document.Text;
        foreach (var match in analysis.Matches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!match.IsWrongSpelling || analysis.IsDiagnosticsOff(match)) continue;
            var matchSeverity = severity;
            if (termLevels is not null && termLevels.TryGetValue(match.Entry.Id, out var level))
            {
                if (level == RuleLevel.Off) continue;
                matchSeverity = (Severity)(int)level;
            }
            string found = text.Substring(match.Span.Start, match.Span.Length);
            string replacement = ReplacementFor(match.Entry, found);
            if (replacement == found) continue;
            string expansion = match.Entry.Expansion is { } e && e != replacement ? $" ({e})" : "";
            string message = $"'{found}' is not the glossary's spelling: write '{replacement}'{expansion}.";
            result.Add(new GlossaryDiagnostic(match.Span, WrongVariantCode, message, matchSeverity, found, replacement));
        }
        return result;
    }

    /// <summary>
    /// What a wrong spelling <paramref name="found"/> of <paramref name="entry"/> becomes, keeping what the writer meant:
    /// <list type="number">
    /// <item>another casing of an accepted spelling (the term or an alias) becomes that spelling: <c>LORA</c> → <c>LoRA</c>,
    /// <c>TOT</c> → <c>ToT</c> (an alias), <c>KV CACHE</c> → <c>KV cache</c>;</item>
    /// <item>a listed variant, in any casing, becomes the entry's first Chinese name when the variant has Han
    /// characters and the entry has one; the expansion when the variant has a space, the term has none and the entry
    /// has an expansion (<c>Generalized Proximal Policy Optimization</c> → <c>Group Relative Policy Optimization</c>);
    /// otherwise the term (<c>Lora</c> → <c>LoRA</c>);</item>
    /// <item>either of these with a plural 's' in any case after it (<c>LLMS</c>, <c>Loras</c>) becomes the
    /// replacement with a lower-case "s" (<c>LLMs</c>, <c>LoRAs</c>), unless the replacement ends in a Han character;</item>
    /// <item>anything else becomes the term.</item>
    /// </list>
    /// An exact spelling wins over a plural reading: a variant <c>LoRAS</c> would be that variant, not <c>LoRA</c> + S.
    /// </summary>
    public static string ReplacementFor(GlossaryEntry entry, string found)
    {
        if (AcceptedSpellingFor(entry, found) is { } accepted) return accepted;
        if (VariantFor(entry, found) is { } variant) return ReplacementForVariant(entry, variant);
        if (found.Length > 1 && found[^1] is 's' or 'S')
        {
            string singular = found[..^1];
            string? replacement = AcceptedSpellingFor(entry, singular)
                ?? (VariantFor(entry, singular) is { } singularVariant ? ReplacementForVariant(entry, singularVariant) : null);
            if (replacement is not null) return EndsWithHan(replacement) ? replacement : replacement + "s";
        }
        return entry.Term;
    }

    /// <summary>The term or alias that <paramref name="found"/> is in another case (or itself), or null.</summary>
    public static string? AcceptedSpellingFor(GlossaryEntry entry, string found)
    {
        if (string.Equals(entry.Term, found, StringComparison.OrdinalIgnoreCase)) return entry.Term;
        return entry.Aliases.FirstOrDefault(alias => string.Equals(alias, found, StringComparison.OrdinalIgnoreCase));
    }

    private static string? VariantFor(GlossaryEntry entry, string found) =>
        entry.Variants.FirstOrDefault(variant => string.Equals(variant, found, StringComparison.OrdinalIgnoreCase));

    private static string ReplacementForVariant(GlossaryEntry entry, string variant)
    {
        if (HasHan(variant) && entry.ChineseNames.Count > 0) return entry.ChineseNames[0];
        if (variant.Contains(' ') && !entry.Term.Contains(' ') && entry.Expansion is { } expansion) return expansion;
        return entry.Term;
    }

    private static bool HasHan(string text) => text.Any(Script.IsHan);

    private static bool EndsWithHan(string text) => text.Length > 0 && Script.IsHan(text[^1]);
}
