using System.Text.Json.Serialization;

namespace LspGlossary.Server.Cli.Formats;

/// <summary>Source-generated JSON metadata for the command line's output (NativeAOT has no reflection-based JSON).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(JsonReport))]
[JsonSerializable(typeof(SarifLog))]
[JsonSerializable(typeof(RdjsonResult))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context with an encoder that leaves quotes and non-ASCII text (Chinese) readable; the output is
    /// a file or a pipe, never embedded in HTML.
    /// </summary>
    public static CliJsonContext Readable { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
