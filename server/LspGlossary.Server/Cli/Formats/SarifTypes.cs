using System.Text.Json.Serialization;

namespace LspGlossary.Server.Cli.Formats;

// The part of SARIF 2.1.0 that `check --format sarif` writes (OASIS SARIF 2.1.0, §3). Names follow the
// spec's camelCase properties; null properties are left out.

public sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

public sealed record SarifRun(
    SarifTool Tool,
    IReadOnlyList<SarifInvocation> Invocations,
    IReadOnlyDictionary<string, SarifArtifactLocation> OriginalUriBaseIds,
    string ColumnKind,
    IReadOnlyList<SarifResult> Results);

public sealed record SarifTool(SarifDriver Driver);

public sealed record SarifDriver(string Name, string Version, string SemanticVersion, IReadOnlyList<SarifReportingDescriptor> Rules);

public sealed record SarifReportingDescriptor(
    string Id,
    string Name,
    SarifMessage ShortDescription,
    SarifMessage FullDescription,
    SarifMessage Help,
    string HelpUri,
    SarifConfiguration DefaultConfiguration,
    SarifRuleProperties Properties);

public sealed record SarifRuleProperties(IReadOnlyList<string> Tags, string Precision, string ProblemSeverity);

public sealed record SarifConfiguration(string Level, bool? Enabled = null);

public sealed record SarifMessage(string Text, string? Markdown = null);

public sealed record SarifInvocation(bool ExecutionSuccessful, IReadOnlyList<SarifNotification> ToolExecutionNotifications);

public sealed record SarifNotification(string Level, SarifMessage Message, IReadOnlyList<SarifLocation>? Locations);

public sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifMessage Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyDictionary<string, string> PartialFingerprints,
    IReadOnlyList<SarifFix>? Fixes);

public sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation);

public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion? Region = null);

public sealed record SarifArtifactLocation(string Uri, string? UriBaseId = null);

public sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn, SarifArtifactContent? Snippet = null);

public sealed record SarifFix(SarifMessage Description, IReadOnlyList<SarifArtifactChange> ArtifactChanges);

public sealed record SarifArtifactChange(SarifArtifactLocation ArtifactLocation, IReadOnlyList<SarifReplacement> Replacements);

public sealed record SarifReplacement(SarifRegion DeletedRegion, SarifArtifactContent InsertedContent);

public sealed record SarifArtifactContent(string Text);
