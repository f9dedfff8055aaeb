using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Core.Text;

namespace LspGlossary.Server.Cli.Formats;

/// <summary>
/// SARIF 2.1.0, as GitHub code scanning takes it: the rule's metadata, one result per finding with its
/// location (one-based lines, columns in UTF-16 code units, <c>columnKind: utf16CodeUnits</c>) and its fix,
/// URIs relative to the current folder (<c>uriBaseId: SRCROOT</c>), and unreadable paths as notifications.
/// </summary>
public sealed class SarifFormat(string currentDirectory) : IReportFormat
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string BaseId = "SRCROOT";

    private static readonly SarifReportingDescriptor WrongVariantRule = new(
        Diagnostics.WrongVariantCode,
        "WrongVariant",
        new SarifMessage("A term is not spelled the glossary's way."),
        new SarifMessage("A term of the LLM glossary is written in a spelling the glossary marks wrong (for example 'Lora' for 'LoRA'). Only Markdown prose and code comments are checked; code, inline code, URLs and identifiers never are."),
        new SarifMessage(
            "Write the glossary's spelling; each result carries the fix. To silence a line, put <!-- glossary-disable-next-line --> above it in Markdown, or a comment 'glossary-disable-next-line' in code.",
            "Write the glossary's spelling; each result carries the fix. To silence a line, put `<!-- glossary-disable-next-line -->` above it in Markdown, or a comment `glossary-disable-next-line` in code."),
        new SarifConfiguration("warning"),
        new SarifRuleProperties(["terminology", "documentation"], "very-high", "warning"));

    public void Write(CheckRun run, TextWriter output)
    {
        var results = new List<SarifResult>();
        foreach (var report in run.Reports)
        {
            if (report.RemainingCount == 0) continue;
            var artifact = new SarifArtifactLocation(ToUri(report.Target.DisplayPath), BaseId);
            var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var f in report.Findings)
            {
                var d = f.Diagnostic;
                var region = new SarifRegion(f.Line, f.Column, f.EndLine, f.EndColumn);
                // Stable across edits elsewhere in the file: the found text, its fix, and which occurrence it is.
                string key = $"{f.CellPrefix}{d.Found}→{d.Replacement}";
                occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
                results.Add(new SarifResult(
                    d.Code,
                    0,
                    Level(d.Severity),
                    new SarifMessage(f.CellPrefix + d.Message),
                    [new SarifLocation(new SarifPhysicalLocation(artifact, region))],
                    new Dictionary<string, string> { ["glossaryFinding/v1"] = $"{key}:{occurrences[key]}" },
                    // A notebook's region counts inside a cell, not the file: no fix a viewer would apply to the file.
                    f.Cell > 0 ? null : [new SarifFix(
                        new SarifMessage($"Change '{d.Found}' to '{d.Replacement}'"),
                        [new SarifArtifactChange(artifact, [new SarifReplacement(region, new SarifArtifactContent(d.Replacement))])])]));
            }
        }
        var notifications = run.AllErrors
            .Select(e => new SarifNotification("error", new SarifMessage($"{e.DisplayPath}: {e.Message}"),
                [new SarifLocation(new SarifPhysicalLocation(new SarifArtifactLocation(ToUri(e.DisplayPath), BaseId)))]))
            .ToList();
        var driver = new SarifDriver("lsp-glossary", Endpoints.LifecycleEndpoints.Version, Endpoints.LifecycleEndpoints.Version, [WrongVariantRule]);
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
