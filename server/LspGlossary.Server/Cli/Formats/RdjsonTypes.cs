namespace LspGlossary.Server.Cli.Formats;

// reviewdog's Diagnostic Format as rdjson (the JSON form of its DiagnosticResult message, proto/rdf/reviewdog.proto):
// lines from 1, columns from 1 counted in UTF-8 bytes, ranges end-exclusive; severity as the enum's name.

public sealed record RdjsonResult(RdjsonSource Source, string Severity, IReadOnlyList<RdjsonDiagnostic> Diagnostics);

public sealed record RdjsonSource(string Name, string? Url = null);

public sealed record RdjsonDiagnostic(
    string Message,
    RdjsonLocation Location,
    string Severity,
    RdjsonCode? Code = null,
    IReadOnlyList<RdjsonSuggestion>? Suggestions = null,
    string? OriginalOutput = null);

public sealed record RdjsonLocation(string Path, RdjsonRange? Range = null);

public sealed record RdjsonRange(RdjsonPosition Start, RdjsonPosition? End = null);

public sealed record RdjsonPosition(int Line, int Column);

public sealed record RdjsonCode(string Value, string? Url = null);

public sealed record RdjsonSuggestion(RdjsonRange Range, string Text);
