using LspGlossary.Core.Features;
using LspGlossary.Server.Cli.Formats;

namespace LspGlossary.Server.Cli;

/// <summary>
/// <c>lsp-glossary check [PATH|GLOB ...]</c>: checks files with the editor's engine, in parallel, and
/// reports in path order. Exit codes: 0 clean, 1 findings left, 2 usage error, glossary error or a path
/// that could not be read.
/// </summary>
public static class CheckCommand
{
    public const string Usage = """
        Usage: lsp-glossary check [options] [PATH|GLOB ...]
          Checks Markdown prose and code comments for spellings the glossary marks wrong. PATHs are files or
          folders (walked; .gitignore'd, binary and other files skipped); a GLOB such as 'docs/**/*.md' is
          expanded here. Default: the current folder.
        Options:
          --format text|json|sarif   output format (default text: file:line:col: code: message)
          --fix                      rewrite each flagged spelling in place
          --dry-run                  with or without --fix: show the fixes as a unified diff, write nothing
          --glossary FILE            add a glossary file (repeatable)
          --glossary-dir DIR         use another bundled glossary folder
          --jobs N                   files checked at once (default: the number of cores)
          --max-file-size SIZE       larger files are not read and are reported as errors; bytes, or with
                                     K or M (KiB, MiB); at most 512M. Default 16M
          --no-progress              no progress line on a terminal
        Exit codes: 0 clean, 1 findings, 2 usage or glossary error, or a path that could not be read.
        """;

    public static int Run(string[] args, CliContext context)
    {
        var glossary = new GlossaryOptions();
        var paths = new List<string>();
        string format = "text";
        bool fix = false, dryRun = false, progress = true;
        int jobs = Environment.ProcessorCount;
        long maxFileSize = DefaultMaxFileSize;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (glossary.TryRead(args, ref i, out var glossaryError))
            {
                if (glossaryError is not null) return UsageError(context, glossaryError);
                continue;
            }
            switch (arg)
            {
                case "--format" when i + 1 < args.Length:
                    format = args[++i];
                    break;
                case "--fix":
                    fix = true;
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--jobs" when i + 1 < args.Length && int.TryParse(args[i + 1], out jobs) && jobs > 0:
                    i++;
                    break;
                case "--max-file-size" when i + 1 < args.Length:
                    if (ParseSize(args[++i]) is not { } size) return UsageError(context, $"--max-file-size '{args[i]}' is not a size from 1 to 512M, such as 16M, 512K or 1048576");
                    maxFileSize = size;
                    break;
                case "--no-progress":
                    progress = false;
                    break;
                case "--help" or "-h":
                    context.Out.WriteLine(Usage);
                    return CliContext.Clean;
                case "--":
                    paths.AddRange(args[(i + 1)..]);
                    i = args.Length;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1) return UsageError(context, $"unknown or incomplete option '{arg}'");
                    paths.Add(arg);
                    break;
            }
        }
        IReportFormat? reportFormat = format switch
        {
            "text" => new TextFormat(context.UseColour),
            "json" => new JsonFormat(),
            "sarif" => new SarifFormat(context.CurrentDirectory),
            _ => null,
        };
        if (reportFormat is null) return UsageError(context, $"unknown format '{format}' (text, json or sarif)");

        var matcher = glossary.Load(context);
        if (matcher is null) return CliContext.Failure;

        var (files, errors) = new FileWalker(context.CurrentDirectory).Walk(paths);
        var mode = dryRun ? FixMode.DryRun : fix ? FixMode.Fix : FixMode.None;
        var checker = new FileChecker(matcher, Severity.Warning, mode, maxFileSize);
        var reports = new FileReport[files.Count];
        using (var line = progress && context.ErrorIsTerminal ? new ProgressLine(context.Error, files.Count) : null)
        {
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i =>
            {
                reports[i] = checker.Check(files[i]);
                line?.Advance();
            });
        }
        var run = new CheckRun(reports, errors, mode);

        foreach (var error in run.AllErrors) context.Error.WriteLine($"{PrintablePath.Escape(error.DisplayPath)}: error: {error.Message}");
        if (mode == FixMode.DryRun)
        {
            foreach (var report in reports) if (report.Diff is { Length: > 0 } diff) context.Out.Write(diff);
        }
        else
        {
            reportFormat.Write(run, context.Out);
        }
        context.Out.Flush(); // The report before the summary, on a terminal where both streams show.
        if (format == "text" || mode != FixMode.None) context.Error.WriteLine(TextFormat.Summary(run));

        if (run.AllErrors.Any()) return CliContext.Failure;
        return run.RemainingCount > 0 ? CliContext.Findings : CliContext.Clean;
    }

    /// <summary>Files larger than this are not read (the size is taken before reading).</summary>
    public const long DefaultMaxFileSize = 16L << 20;

    /// <summary>The largest --max-file-size: the text of a larger file may not fit in one .NET string.</summary>
    public const long LargestMaxFileSize = 512L << 20;

    /// <summary>"1048576", "512K", "16M" (binary multiples); null unless it is between 1 byte and 512M.</summary>
    public static long? ParseSize(string text)
    {
        long multiplier = char.ToUpperInvariant(text.Length > 0 ? text[^1] : ' ') switch { 'K' => 1L << 10, 'M' => 1L << 20, _ => 1 };
        string digits = multiplier == 1 ? text : text[..^1];
        if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long value) || value <= 0) return null;
        return value <= LargestMaxFileSize / multiplier ? value * multiplier : null;
    }

    private static int UsageError(CliContext context, string message) => context.UsageError("check", message, Usage);
}
