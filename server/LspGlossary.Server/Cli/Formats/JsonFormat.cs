using System.Text.Json;

namespace LspGlossary.Server.Cli.Formats;

/// <summary>The run as one JSON object (<see cref="JsonReport"/>): findings still present, and unreadable paths.</summary>
public sealed class JsonFormat : IReportFormat
{
    public void Write(CheckRun run, TextWriter output)
    {
        var findings = new List<JsonFinding>();
        foreach (var report in run.Reports)
        {
            if (report.RemainingCount == 0) continue;
            foreach (var f in report.RemainingFindings)
            {
                var d = f.Diagnostic;
                findings.Add(new JsonFinding(report.Target.DisplayPath, f.Line, f.Column, f.EndLine, f.EndColumn, d.Code,
                    d.Severity.ToString().ToLowerInvariant(), d.Message, d.Found, d.Replacement, f.Cell > 0 ? f.Cell : null));
            }
        }
        var errors = run.AllErrors.Select(e => new JsonPathError(e.DisplayPath, e.Message)).ToList();
        var result = new JsonReport(1, run.FilesChecked, findings.Count, findings, errors);
        output.WriteLine(JsonSerializer.Serialize(result, CliJsonContext.Readable.JsonReport));
    }
}
