namespace LspGlossary.Core.Features;

public enum Severity { Error = 1, Warning = 2, Information = 3, Hint = 4 }

/// <summary>
/// The user's settings (section <c>lspGlossary</c>). <see cref="Languages"/> null means every supported
/// language; <see cref="Locale"/> is "auto", "zh" or "en"; <see cref="GlossaryFiles"/> are extra glossary files;
/// <see cref="InlayHintsExpansion"/> (<c>inlayHints.expansion</c>) shows expansions as inlay hints;
/// <see cref="ReferencesIncludeWrongSpellings"/> (<c>references.includeWrongSpellings</c>) lists wrong spellings among a term's uses;
/// <see cref="RuleLevels"/> and <see cref="TermLevels"/> (a project config's <c>rules</c> and <c>terms</c>) turn findings
/// off or change their severity per rule code and per glossary entry id.
/// </summary>
public sealed record Settings(
    bool DiagnosticsEnabled = true,
    Severity DiagnosticsSeverity = Severity.Warning,
    IReadOnlySet<string>? Languages = null,
    string Locale = "auto",
    IReadOnlyList<string>? GlossaryFiles = null,
    bool InlayHintsExpansion = false,
    bool ReferencesIncludeWrongSpellings = true,
    IReadOnlyDictionary<string, Config.RuleLevel>? RuleLevels = null,
    IReadOnlyDictionary<string, Config.RuleLevel>? TermLevels = null)
{
    public static readonly Settings Default = new();

    public bool IsLanguageEnabled(string languageId) => Languages is null || Languages.Contains(languageId);

    /// <summary>
    /// The severity of a rule's findings, or null when the rule is off: its level in <see cref="RuleLevels"/>, else
    /// <paramref name="fallback"/> (the spelling rule's is <see cref="DiagnosticsSeverity"/>); nothing while
    /// diagnostics are off.
    /// </summary>
    public Severity? SeverityFor(string ruleCode, Severity? fallback = null)
    {
        if (!DiagnosticsEnabled) return null;
        if (RuleLevels?.TryGetValue(ruleCode, out var level) == true) return level == Config.RuleLevel.Off ? null : (Severity)(int)level;
        return fallback ?? DiagnosticsSeverity;
    }

    /// <summary>Chinese first when the setting says zh, or when it is auto and the client's locale is Chinese.</summary>
    public bool ChineseFirst(string? clientLocale) => Locale switch
    {
        "zh" => true,
        "en" => false,
        _ => clientLocale is not null && clientLocale.StartsWith("zh", StringComparison.OrdinalIgnoreCase),
    };
}
