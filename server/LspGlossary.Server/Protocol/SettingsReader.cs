using System.Text.Json;
using LspGlossary.Core.Features;

namespace LspGlossary.Server.Protocol;

/// <summary>
/// Reads the <c>lspGlossary</c> settings object. Unknown or mistyped values keep their defaults:
/// <code>{ "diagnostics": { "enable": true, "severity": "warning" }, "languages": ["markdown", "python"], "locale": "auto",
///   "inlayHints": { "expansion": false }, "references": { "includeWrongSpellings": true },
///   "rules": { "glossary.unknown-acronym": "off", "glossary.first-use-expansion": "information" } }</code>
/// A rule code the server does not know, or a level that is not "off", "error", "warning", "information" or "hint", is
/// ignored (the other rules keep theirs).
/// </summary>
public static class SettingsReader
{
    public const string Section = "lspGlossary";

    /// <summary>Reads settings from an object that is either the section itself or contains it under "lspGlossary".</summary>
    public static Settings Read(JsonElement? element, Settings fallback)
    {
        if (element is not { ValueKind: JsonValueKind.Object } root) return fallback;
        if (root.TryGetProperty(Section, out var nested) && nested.ValueKind == JsonValueKind.Object) root = nested;

        var settings = fallback;
        if (root.TryGetProperty("diagnostics", out var diagnostics) && diagnostics.ValueKind == JsonValueKind.Object)
        {
            if (diagnostics.TryGetProperty("enable", out var enable) && enable.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                settings = settings with { DiagnosticsEnabled = enable.GetBoolean() };
            }
            if (diagnostics.TryGetProperty("severity", out var severity) && severity.ValueKind == JsonValueKind.String
                && Enum.TryParse<Severity>(severity.GetString(), ignoreCase: true, out var parsed))
            {
                settings = settings with { DiagnosticsSeverity = parsed };
            }
        }
        if (root.TryGetProperty("inlayHints", out var inlayHints) && inlayHints.ValueKind == JsonValueKind.Object
            && inlayHints.TryGetProperty("expansion", out var expansion) && expansion.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            settings = settings with { InlayHintsExpansion = expansion.GetBoolean() };
        }
        if (root.TryGetProperty("references", out var references) && references.ValueKind == JsonValueKind.Object
            && references.TryGetProperty("includeWrongSpellings", out var wrong) && wrong.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            settings = settings with { ReferencesIncludeWrongSpellings = wrong.GetBoolean() };
        }
        if (root.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Object)
        {
            settings = settings with { Rules = ReadRules(rules) };
        }
        if (root.TryGetProperty("languages", out var languages) && languages.ValueKind == JsonValueKind.Array)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in languages.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } id) set.Add(id);
            }
            settings = settings with { Languages = set.Count > 0 ? set : null };
        }
        if (root.TryGetProperty("glossaryFiles", out var files) && files.ValueKind == JsonValueKind.Array)
        {
            settings = settings with
            {
                GlossaryFiles = files.EnumerateArray()
                    .Where(f => f.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(f.GetString()))
                    .Select(f => f.GetString()!).ToList(),
            };
        }
        if (root.TryGetProperty("locale", out var locale) && locale.ValueKind == JsonValueKind.String
            && locale.GetString() is "auto" or "zh" or "en")
        {
            settings = settings with { Locale = locale.GetString()! };
        }
        return settings;
    }

    /// <summary>The <c>rules</c> object: known codes with known levels; anything else is left out.</summary>
    private static Dictionary<string, RuleLevel> ReadRules(JsonElement rules)
    {
        var levels = new Dictionary<string, RuleLevel>(StringComparer.Ordinal);
        foreach (var rule in rules.EnumerateObject())
        {
            if (!Rules.Codes.Contains(rule.Name) || rule.Value.ValueKind != JsonValueKind.String) continue;
            if (Rules.ParseLevel(rule.Value.GetString()) is { } level) levels[rule.Name] = level;
        }
        return levels;
    }
}
