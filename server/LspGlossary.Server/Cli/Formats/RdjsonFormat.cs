using System.Text.Json;
using LspGlossary.Core.Features;

namespace LspGlossary.Server.Cli.Formats;

/// <summary>
/// <c>--format rdjson</c>: reviewdog's Diagnostic JSON (<c>reviewdog -f=rdjson</c>), one diagnostic a finding with its
/// range (lines from 1; columns from 1 in UTF-8 bytes, as reviewdog counts; end exclusive), rule code with its page and fix as a
/// suggestion. A path that could not be read is an ERROR diagnostic without a range.
/// </summary>
public sealed class RdjsonFormat : IReportFormat
{
    public const string ProjectUrl = "https://github.com/lsp-glossary/lsp-glossary";

    public void Write(CheckRun run, TextWriter output)
    {
        var diagnostics = new List<RdjsonDiagnostic>();
        foreach (var report in run.Reports)
        {
            if (report.RemainingCount == 0) continue;
            string path = report.Target.DisplayPath;
            if (Path.DirectorySeparatorChar == '\\') path = path.Replace('\\', '/');
            foreach (var f in report.RemainingFindings)
            {
                var d = f.Diagnostic;
                var range = new RdjsonRange(new RdjsonPosition(f.Line, f.Utf8Column), new RdjsonPosition(f.EndLine, f.Utf8EndColumn));
                // A notebook's range counts inside a cell: reviewdog would apply a suggestion to the wrong bytes.
                diagnostics.Add(new RdjsonDiagnostic(f.CellPrefix + d.Message, new RdjsonLocation(path, range), Level(d.Severity),
                    new RdjsonCode(d.Code, Rules.DocsUrl(d.Code)), f.Cell > 0 || d.Replacement is null ? null : [new RdjsonSuggestion(range, d.Replacement)]));
            }
        }
        foreach (var error in run.AllErrors)
        {
            diagnostics.Add(new RdjsonDiagnostic(error.Message, new RdjsonLocation(error.DisplayPath), "ERROR", new RdjsonCode("lsp-glossary.error")));
        }
        var result = new RdjsonResult(new RdjsonSource("lsp-glossary", ProjectUrl), "WARNING", diagnostics);
        output.WriteLine(JsonSerializer.Serialize(result, CliJsonContext.Readable.RdjsonResult));
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "ERROR",
        Severity.Warning => "WARNING",
        _ => "INFO",
    };
}
