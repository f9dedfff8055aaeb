namespace LspGlossary.Server.Cli.Formats;

/// <summary>
/// <c>--format json</c>: version of this shape, files checked, and findings with one-based line and column
/// (UTF-16 code units), end exclusive; in a notebook, <c>cell</c> (from 1) and the line and column inside that cell.
/// </summary>
public sealed record JsonReport(int Version, int FilesChecked, int FindingCount, IReadOnlyList<JsonFinding> Findings, IReadOnlyList<JsonPathError> Errors);

public sealed record JsonFinding(string Path, int Line, int Column, int EndLine, int EndColumn, string Code, string Severity, string Message, string Found, string? Replacement, int? Cell = null);

public sealed record JsonPathError(string Path, string Message);
