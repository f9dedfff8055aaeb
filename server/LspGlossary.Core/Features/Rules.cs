using LspGlossary.Core.Analysis;

namespace LspGlossary.Core.Features;

/// <summary>
/// The rules, their codes, default levels and documentation pages, and <see cref="Compute"/>: every enabled rule's
/// findings of one document, in document order — what the editor shows, code actions fix and <c>check</c> reports.
/// </summary>
public static class Rules
{
    /// <summary>Where each code's page is: <c>docs/rules/CODE.md</c> in the repository on GitHub.</summary>
    public const string DocsBase = "https://github.com/lsp-glossary/lsp-glossary/blob/main/docs/rules/";

    /// <summary>The rules the <c>rules</c> setting (and <c>check --rule</c>) may set, in the order they are documented.</summary>
    public static readonly IReadOnlyList<string> Codes =
        [Diagnostics.WrongVariantCode, InconsistentForms.Code, UnknownAcronyms.Code, FirstUseExpansion.Code];

    /// <summary>The page that documents a diagnostic code, rules and the other codes alike.</summary>
    public static string DocsUrl(string code) => DocsBase + code + ".md";

    /// <summary>
    /// A rule's level when the <c>rules</c> setting does not set it: the spelling rule follows <c>diagnostics.severity</c>,
    /// inconsistent forms are information (about 60% of them were right on the corpus), unknown acronyms hints, and first-use expansion is off.
    /// </summary>
    public static RuleLevel DefaultLevel(string code, Settings settings) => code switch
    {
        Diagnostics.WrongVariantCode => (RuleLevel)settings.DiagnosticsSeverity,
        InconsistentForms.Code => RuleLevel.Information,
        UnknownAcronyms.Code => RuleLevel.Hint,
        _ => RuleLevel.Off,
    };

    /// <summary>A level as the setting writes it: "off", "error", "warning", "information" or "hint" (any case); null for anything else.</summary>
    public static RuleLevel? ParseLevel(string? text) => text?.ToLowerInvariant() switch
    {
        "off" => RuleLevel.Off,
        "error" => RuleLevel.Error,
        "warning" => RuleLevel.Warning,
        "information" => RuleLevel.Information,
        "hint" => RuleLevel.Hint,
        _ => null,
    };

    /// <summary>The severity of a rule's findings, or null when the rule is off.</summary>
    public static Severity? SeverityOf(Settings settings, string code)
    {
        var level = settings.Rules is { } rules && rules.TryGetValue(code, out var set) ? set : DefaultLevel(code, settings);
        return level == RuleLevel.Off ? null : (Severity)level;
    }

    /// <summary>Every enabled rule's findings, ordered by where they start (at one place, in the order of <see cref="Codes"/>).</summary>
    public static List<GlossaryDiagnostic> Compute(DocumentAnalysis analysis, Settings settings, Glossary.Glossary glossary,
        CancellationToken cancellationToken = default)
    {
        var all = new List<GlossaryDiagnostic>();
        if (SeverityOf(settings, Diagnostics.WrongVariantCode) is { } spelling) all.AddRange(Diagnostics.Compute(analysis, spelling, cancellationToken, settings.TermLevels));
        if (SeverityOf(settings, InconsistentForms.Code) is { } forms) all.AddRange(InconsistentForms.Compute(analysis, forms, cancellationToken));
        if (SeverityOf(settings, UnknownAcronyms.Code) is { } acronyms) all.AddRange(UnknownAcronyms.Compute(analysis, glossary, acronyms, cancellationToken));
        if (SeverityOf(settings, FirstUseExpansion.Code) is { } firstUse) all.AddRange(FirstUseExpansion.Compute(analysis, firstUse, cancellationToken));
        return all.OrderBy(d => d.Span.Start).ToList();
    }
}
