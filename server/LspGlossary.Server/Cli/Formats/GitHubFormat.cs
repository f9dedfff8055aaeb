using System.Text;
using LspGlossary.Core.Features;

namespace LspGlossary.Server.Cli.Formats;

/// <summary>
/// <c>--format github</c>: one GitHub Actions workflow command a finding, which the runner turns into an annotation
/// on the file and line (also in a pull request's diff):
/// <c>::warning file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=glossary.wrong-variant::MESSAGE</c>.
/// Lines and columns from 1 (UTF-16 code units, as the other formats; the end column is exclusive). A path that could
/// not be read becomes <c>::error file=PATH,title=lsp-glossary::MESSAGE</c>. Escaping follows GitHub's runner:
/// in the message '%', CR and LF become %25, %0D, %0A; in a property also ':' and ',' (%3A, %2C).
/// </summary>
public sealed class GitHubFormat : IReportFormat
{
    public void Write(CheckRun run, TextWriter output)
    {
        foreach (var report in run.Reports)
        {
            if (report.RemainingCount == 0) continue;
            string file = Property(ToSlashes(report.Target.DisplayPath));
            foreach (var f in report.RemainingFindings)
            {
                var d = f.Diagnostic;
                output.WriteLine($"::{Command(d.Severity)} file={file},line={f.Line},col={f.Column},endLine={f.EndLine},endColumn={f.EndColumn},title={Property(d.Code)}::{Data(f.CellPrefix + d.Message)}");
            }
        }
        foreach (var error in run.AllErrors)
        {
            output.WriteLine($"::error file={Property(ToSlashes(error.DisplayPath))},title=lsp-glossary::{Data(error.Message)}");
        }
    }

    private static string Command(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    /// <summary>The repository-relative path GitHub expects, with '/' also on Windows.</summary>
    private static string ToSlashes(string path) => Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;

    /// <summary>A command's message (after the second "::"): %, CR and LF escaped.</summary>
    public static string Data(string text) => Escape(text, property: false);

    /// <summary>A property's value (file=…, title=…): %, CR, LF, ':' and ',' escaped.</summary>
    public static string Property(string text) => Escape(text, property: true);

    private static string Escape(string text, bool property)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '%' => "%25",
                '\r' => "%0D",
                '\n' => "%0A",
                ':' when property => "%3A",
                ',' when property => "%2C",
                _ => null,
            } ?? c.ToString());
        }
        return escaped.ToString();
    }
}
