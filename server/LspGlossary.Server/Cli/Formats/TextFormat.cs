namespace LspGlossary.Server.Cli.Formats;

/// <summary>
/// <c>file:line:col: code: message</c>, one finding a line, as compilers write them (editors and CI logs
/// link them). Columns count UTF-16 code units from 1. Coloured when <paramref name="colour"/> is set.
/// </summary>
public sealed class TextFormat(bool colour) : IReportFormat
{
    private const string Bold = "\u001b[1m", Yellow = "\u001b[33m", Red = "\u001b[31m", Dim = "\u001b[2m", Reset = "\u001b[0m";

    public void Write(CheckRun run, TextWriter output)
    {
        foreach (var report in run.Reports)
        {
            if (report.RemainingCount == 0) continue;
            string path = PrintablePath.Escape(report.Target.DisplayPath);
            foreach (var finding in report.RemainingFindings)
            {
                // A notebook's findings are placed by cell, then line and column inside it: nb.ipynb:cell 3:2:5:
                string cell = finding.Cell > 0 ? $":cell {finding.Cell}" : "";
                var d = finding.Diagnostic;
                string code = d.Code;
                string severityColour = d.Severity == Core.Features.Severity.Error ? Red : Yellow;
                if (colour)
                {
                    output.WriteLine($"{Bold}{path}{Reset}{Dim}{cell}:{finding.Line}:{finding.Column}:{Reset} {severityColour}{code}{Reset}: {d.Message}");
                }
                else
                {
                    output.WriteLine($"{path}{cell}:{finding.Line}:{finding.Column}: {code}: {d.Message}");
                }
            }
        }
    }

    /// <summary>The line written to standard error at the end of a run.</summary>
    public static string Summary(CheckRun run)
    {
        int filesWithFindings = run.Reports.Count(r => r.Findings.Count > 0);
        int filesFixed = run.Reports.Count(r => r.FixedCount > 0);
        string checkedFiles = $"{run.FilesChecked} {Plural(run.FilesChecked, "file")} checked";
        return run.FixMode switch
        {
            FixMode.Fix => $"fixed {run.FixedCount} {Plural(run.FixedCount, "spelling")} in {filesFixed} {Plural(filesFixed, "file")}; {run.RemainingCount} left ({checkedFiles})",
            FixMode.DryRun => $"would fix {run.FindingCount} {Plural(run.FindingCount, "spelling")} in {filesWithFindings} {Plural(filesWithFindings, "file")} ({checkedFiles})",
            _ => $"{run.FindingCount} {Plural(run.FindingCount, "finding")} in {filesWithFindings} {Plural(filesWithFindings, "file")} ({checkedFiles})",
        };
    }

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";
}
