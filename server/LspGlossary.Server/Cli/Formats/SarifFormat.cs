using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Core.Text;

namespace LspGlossary.Server.Cli.Formats;

/// <summary>
/// SARIF 2.1.0, as GitHub code scanning takes it: the rules' metadata (each with its page, <c>helpUri</c>), one result per finding with its
/// location (one-based lines, columns in UTF-16 code units, <c>columnKind: utf16CodeUnits</c>) and its fix,
/// URIs relative to the current folder (<c>uriBaseId: SRCROOT</c>), and unreadable paths as notifications.
/// </summary>
public sealed class SarifFormat(string currentDirectory) : IReportFormat
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string BaseId = "SRCROOT";

    private const string Silence =
        "To silence a line, put <!-- glossary-disable-next-line --> above it in Markdown, or a comment 'glossary-disable-next-line' in code; to turn the rule off or change its level, the setting lspGlossary.rules or check --rule CODE=off.";

    private const string SilenceMarkdown =
        "To silence a line, put `<!-- glossary-disable-next-line -->` above it in Markdown, or a comment `glossary-disable-next-line` in code; to turn the rule off or change its level, the setting `lspGlossary.rules` or `check --rule CODE=off`.";

    /// <summary>The rules, in the order of <see cref="Rules.Codes"/>: a result's <c>ruleIndex</c> is its code's place there.</summary>
    public static readonly IReadOnlyList<SarifReportingDescriptor> RuleDescriptors =
    [
        Rule(Diagnostics.WrongVariantCode, "WrongVariant", "A term is not spelled the glossary's way.",
            "A term of the LLM glossary is written in a spelling the glossary marks wrong (for example 'Lora' for 'LoRA'). Only Markdown prose and code comments are checked; code, inline code, URLs and identifiers never are.",
            "Write the glossary's spelling; each result carries the fix.", "warning", "very-high", "warning"),
        Rule(InconsistentForms.Code, "InconsistentForm", "A document writes one term in two accepted forms.",
            "A document uses two accepted spellings of one term ('KV cache' and 'KV-cache') or one of its Chinese names in two writings ('低秩适配' and '低秩适应'); the uses after the first in another form are reported.",
            "Write the form the document uses first; each result carries the fix.", "warning", "high", "warning"),
        Rule(UnknownAcronyms.Code, "UnknownAcronym", "An acronym the glossary does not know.",
            "A word of two to six capitals in prose or a comment that no glossary entry spells, that is not a unit, a Roman numeral or a common word, and that the document does not define in parentheses.",
            "Write what it stands for, or add it to the team glossary.", "note", "medium", "recommendation"),
        Rule(FirstUseExpansion.Code, "FirstUseExpansion", "An acronym's first use without its expansion.",
            "The first use of an acronym-like term in a document has neither its expansion nor a Chinese name written next to it. Off by default.",
            "Write the expansion (or, in Chinese prose, the Chinese name) in parentheses after it; each result carries the fix.", "note", "high", "recommendation",
            enabled: false),
    ];

    private static SarifReportingDescriptor Rule(string code, string name, string shortDescription, string fullDescription, string help,
        string level, string precision, string problemSeverity, bool? enabled = null) => new(
        code,
        name,
        new SarifMessage(shortDescription),
        new SarifMessage(fullDescription),
        new SarifMessage($"{help} {Silence}", $"{help} {SilenceMarkdown}"),
        Rules.DocsUrl(code),
        new SarifConfiguration(level, enabled),
        new SarifRuleProperties(["terminology", "documentation"], precision, problemSeverity));

    public void Write(CheckRun run, TextWriter output)
    {
        var results = new List<SarifResult>();
        foreach (var report in run.Reports)
        {
            if (report.RemainingCount == 0) continue;
            var artifact = new SarifArtifactLocation(ToUri(report.Target.DisplayPath), BaseId);
            var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var f in report.RemainingFindings)
            {
                var d = f.Diagnostic;
                var region = new SarifRegion(f.Line, f.Column, f.EndLine, f.EndColumn);
                // Stable across edits elsewhere in the file: the found text, its fix, and which occurrence it is.
                string key = $"{f.CellPrefix}{d.Found}→{d.Replacement}";
                occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
                results.Add(new SarifResult(
                    d.Code,
                    RuleIndex(d.Code),
                    Level(d.Severity),
                    new SarifMessage(f.CellPrefix + d.Message),
                    [new SarifLocation(new SarifPhysicalLocation(artifact, region))],
                    new Dictionary<string, string> { ["glossaryFinding/v1"] = $"{key}:{occurrences[key]}" },
                    // A notebook's region counts inside a cell, not the file: no fix a viewer would apply to the file.
                    f.Cell > 0 || d.Replacement is null ? null : [new SarifFix(
                        new SarifMessage(d.FixTitle ?? $"Change '{d.Found}' to '{d.Replacement}'"),
                        [new SarifArtifactChange(artifact, [new SarifReplacement(region, new SarifArtifactContent(d.Replacement))])])]));
            }
        }
        var notifications = run.AllErrors
            .Select(e => new SarifNotification("error", new SarifMessage($"{e.DisplayPath}: {e.Message}"),
                [new SarifLocation(new SarifPhysicalLocation(new SarifArtifactLocation(ToUri(e.DisplayPath), BaseId)))]))
            .ToList();
        var driver = new SarifDriver("lsp-glossary", Endpoints.LifecycleEndpoints.Version, Endpoints.LifecycleEndpoints.Version, RuleDescriptors);
        var log = new SarifLog(SchemaUri, "2.1.0",
        [
            new SarifRun(
                new SarifTool(driver),
                [new SarifInvocation(notifications.Count == 0, notifications)],
                new Dictionary<string, SarifArtifactLocation> { [BaseId] = new(DirectoryUri(currentDirectory)) },
                "utf16CodeUnits",
                results),
        ]);
        output.WriteLine(JsonSerializer.Serialize(log, CliJsonContext.Readable.SarifLog));
    }

    private static int RuleIndex(string code)
    {
        for (int i = 0; i < Rules.Codes.Count; i++)
        {
            if (Rules.Codes[i] == code) return i;
        }
        return 0;
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>
    /// A relative URI for a shown path, with '/' between segments on every platform (a '\' in a Linux file name is
    /// %5C; on Windows it separates folders).
    /// </summary>
    public static string ToUri(string displayPath) => FileUri.RelativeReference(displayPath);

    /// <summary>An absolute file URI for a folder, ending in '/' (<c>file:///C:/work/</c> on Windows).</summary>
    public static string DirectoryUri(string directory) =>
        FileUri.FromPath(directory.TrimEnd('/', Path.DirectorySeparatorChar)) + "/";
}
