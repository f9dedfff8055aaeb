namespace LspGlossary.Core.Features;

public enum Severity { Error = 1, Warning = 2, Information = 3, Hint = 4 }

/// <summary>A rule's level in the <c>rules</c> setting: off, or the severity of its findings (the same numbers as <see cref="Severity"/>).</summary>
public enum RuleLevel { Off = 0, Error = 1, Warning = 2, Information = 3, Hint = 4 }

/// <summary>
/// The user's settings (section <c>lspGlossary</c>). <see cref="Languages"/> null means every supported
/// language; <see cref="Locale"/> is "auto", "zh" or "en"; <see cref="GlossaryFiles"/> are extra glossary files;
/// <see cref="InlayHintsExpansion"/> (<c>inlayHints.expansion</c>) shows expansions as inlay hints;
/// <see cref="ReferencesIncludeWrongSpellings"/> (<c>references.includeWrongSpellings</c>) lists wrong spellings among a term's uses;
/// <see cref="Rules"/> (<c>rules</c>) sets a rule's level by its code, over the rule's default (<see cref="Features.Rules.SeverityOf"/>);
/// <see cref="TermLevels"/> (a project config's <c>terms</c>) sets the level of one glossary entry's spelling findings.
/// </summary>
public sealed record Settings(
    bool DiagnosticsEnabled = true,
    Severity DiagnosticsSeverity = Severity.Warning,
    IReadOnlySet<string>? Languages = null,
    string Locale = "auto",
    IReadOnlyList<string>? GlossaryFiles = null,
    bool InlayHintsExpansion = false,
    bool ReferencesIncludeWrongSpellings = true,
    IReadOnlyDictionary<string, RuleLevel>? Rules = null,
    IReadOnlyDictionary<string, RuleLevel>? TermLevels = null)
{
    public static readonly Settings Default = new();

    public bool IsLanguageEnabled(string languageId) => Languages is null || Languages.Contains(languageId);


    /// <summary>Chinese first when the setting says zh, or when it is auto and the client's locale is Chinese.</summary>
    public bool ChineseFirst(string? clientLocale) => Locale switch
    {
        "zh" => true,
        "en" => false,
        _ => clientLocale is not null && clientLocale.StartsWith("zh", StringComparison.OrdinalIgnoreCase),
    };
}
