namespace LspGlossary.Server.Cli.Formats;

/// <summary>Everything a run of <c>check</c> found, in path order: what every output format reads.</summary>
public sealed record CheckRun(IReadOnlyList<FileReport> Reports, IReadOnlyList<PathError> Errors, FixMode FixMode)
{
    public int FilesChecked => Reports.Count(r => r.Error is null && !r.Skipped);
    public int FindingCount => Reports.Sum(r => r.Findings.Count);
    public int RemainingCount => Reports.Sum(r => r.RemainingCount);
    public int FixedCount => Reports.Sum(r => r.FixedCount);

    /// <summary>Remaining errors and warnings: what makes <c>check</c> exit with 1.</summary>
    public int FailingCount => Reports.Sum(r => r.FailingCount);

    /// <summary>Unreadable paths first named on the command line, then those met while checking.</summary>
    public IEnumerable<PathError> AllErrors => Errors.Concat(Reports.Where(r => r.Error is not null).Select(r => new PathError(r.Target.DisplayPath, r.Error!)));
}

/// <summary>One output format: writes the run's report to standard output.</summary>
public interface IReportFormat
{
    void Write(CheckRun run, TextWriter output);
}
