using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;
using LspGlossary.Server.Cli.Formats;

namespace LspGlossary.Server.Cli;

/// <summary>
/// <c>lsp-glossary check [PATH|GLOB ...]</c>: checks files with the editor's engine, in parallel, and
/// reports in path order. Exit codes: 0 clean (or only information and hints), 1 errors or warnings left, 2 usage
/// error, glossary error or a path that could not be read.
/// </summary>
public static class CheckCommand
{
    public const string Usage = """
        Usage: lsp-glossary check [options] [PATH|GLOB ...]
               lsp-glossary check [options] [--stdin-filename PATH] -
          Checks Markdown prose, code comments and Jupyter notebooks (.ipynb, reported as FILE:cell N:LINE:COL)
          for spellings the glossary marks wrong, and with the other rules (--rule). PATHs are files or folders (walked; .gitignore'd, binary and
          other files skipped); a GLOB such as 'docs/**/*.md' is expanded here. Default: the current folder. '-' reads standard input instead (Markdown unless
          --stdin-filename or --language-id says otherwise).
        Options:
          --format FORMAT            text (default: file:line:col: code: message), json, sarif,
                                     github (workflow commands: annotations in GitHub Actions), rdjson (reviewdog)
          --fix                      rewrite each flagged spelling in place; with '-', write the fixed text to
                                     standard output
          --dry-run                  with or without --fix: show the fixes as a unified diff, write nothing
          --stdin-filename PATH      with '-': the path reported, whose file type chooses the language
          --language-id ID           check every named file (and standard input) as language ID, such as
                                     markdown or python, whatever its file type
          --config FILE              use this project config for every file, instead of the nearest
                                     .lsp-glossary.yaml (from each file's folder up to the current folder)
          --rule CODE=LEVEL          a rule's level: off, error, warning, information or hint (repeatable).
                                     Rules and defaults: glossary.wrong-variant=warning,
                                     glossary.inconsistent-form=information, glossary.unknown-acronym=hint,
                                     glossary.first-use-expansion=off. Hints are not reported. Over the
                                     project config's levels.
          --glossary FILE            add a glossary file (repeatable)
          --glossary-dir DIR         use another bundled glossary folder
          --jobs N                   files checked at once (default: the number of cores)
          --max-file-size SIZE       larger files (and standard input) are not read and are reported as errors;
                                     bytes, or with K or M (KiB, MiB); at most 512M. Default 16M
          --no-progress              no progress line on a terminal
        Exit codes: 0 clean (information and hints do not count), 1 errors or warnings found, 2 usage or
        glossary error, or a path that could not be read.
        """;

    /// <summary>What standard input is called in reports when no --stdin-filename is given.</summary>
    public const string StdinDisplayName = "<stdin>";

    public static int Run(string[] args, CliContext context)
    {
        var glossary = new GlossaryOptions();
        var paths = new List<string>();
        string format = "text";
        string? stdinFilename = null, languageId = null, configFile = null;
        bool fix = false, dryRun = false, progress = true, stdin = false;
        int jobs = Environment.ProcessorCount;
        long maxFileSize = DefaultMaxFileSize;
        var rules = new Dictionary<string, RuleLevel>(StringComparer.Ordinal);
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
                case "--config" when i + 1 < args.Length && args[i + 1].Length > 0:
                    configFile = args[++i];
                    break;
                case "--stdin-filename" when i + 1 < args.Length && args[i + 1].Length > 0:
                    stdinFilename = args[++i];
                    break;
                case "--language-id" when i + 1 < args.Length:
                    languageId = args[++i];
                    if (!Languages.CheckedIds.Contains(languageId)) return UsageError(context, $"unknown language id '{languageId}' (one of: {string.Join(", ", Languages.CheckedIds)})");
                    break;
                case "--rule" when i + 1 < args.Length:
                    if (ParseRule(args[++i]) is not { } rule) return UsageError(context, $"--rule '{args[i]}' is not CODE=LEVEL with a code of {string.Join(", ", Rules.Codes)} and a level of off, error, warning, information or hint");
                    rules[rule.Code] = rule.Level;
                    break;
                case "--no-progress":
                    progress = false;
                    break;
                case "--help" or "-h":
                    context.Out.WriteLine(Usage);
                    return CliContext.Clean;
                case "-":
                    stdin = true;
                    break;
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
            "github" => new GitHubFormat(),
            "rdjson" => new RdjsonFormat(),
            _ => null,
        };
        if (reportFormat is null) return UsageError(context, $"unknown format '{format}' (text, json, sarif, github or rdjson)");
        if (stdin && paths.Count > 0) return UsageError(context, "'-' (standard input) cannot be combined with other paths");
        if (stdinFilename is not null && !stdin) return UsageError(context, "--stdin-filename goes with '-' (standard input)");
        var mode = dryRun ? FixMode.DryRun : fix ? FixMode.Fix : FixMode.None;
        // `check --fix -` is a filter: standard output carries the fixed text and nothing else.
        if (stdin && mode == FixMode.Fix && format != "text") return UsageError(context, $"--fix with '-' writes the fixed text to standard output: no --format {format}");

        CheckTarget? stdinTarget = null;
        if (stdin)
        {
            var walker = new FileWalker(context.CurrentDirectory);
            string full = Path.GetFullPath(stdinFilename ?? StdinDisplayName, context.CurrentDirectory);
            string? stdinLanguage = languageId ?? (stdinFilename is null ? Core.Analysis.DocumentAnalysis.MarkdownLanguageId : Languages.ForPath(stdinFilename));
            if (stdinLanguage is null) return UsageError(context, $"--stdin-filename '{stdinFilename}' is not a file type that is checked; add --language-id ID (such as markdown)");
            stdinTarget = new CheckTarget(full, stdinFilename is null ? StdinDisplayName : walker.Display(full), stdinLanguage);
        }

        var configs = new ProjectConfigSource(context, configFile, rules);
        if (!configs.Ready) return CliContext.Failure;
        glossary.ExtraFiles.AddRange(configs.GlossaryFiles);
        if (stdinTarget is not null) stdinTarget = configs.Configure(stdinTarget);

        var matcher = glossary.Load(context);
        if (matcher is null) return CliContext.Failure;

        var checker = new FileChecker(matcher, mode, maxFileSize);
        FileReport[] reports;
        List<PathError> errors, warnings;
        byte[]? stdinBytes = null;
        if (stdinTarget is not null)
        {
            reports = [CheckInput(context, checker, stdinTarget, maxFileSize, out stdinBytes)];
            errors = [];
            warnings = reports[0].Skipped ? [new PathError(stdinTarget.DisplayPath, "binary input (a NUL byte in its first 8 KB): not checked")] : [];
        }
        else
        {
            var walker = new FileWalker(context.CurrentDirectory, languageId);
            (var walked, errors) = walker.Walk(paths);
            warnings = walker.Warnings;
            // Each file with the settings of its project config; those the config leaves out are not checked.
            var files = walked.Select(configs.Configure).Where(configs.IsChecked).ToList();
            reports = new FileReport[files.Count];
            using var line = progress && context.ErrorIsTerminal ? new ProgressLine(context.Error, files.Count) : null;
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i =>
            {
                reports[i] = checker.Check(files[i]);
                line?.Advance();
            });
        }
        var run = new CheckRun(reports, errors, mode);

        if (!configs.ReportProblems()) return CliContext.Failure;
        foreach (var warning in warnings) context.Error.WriteLine($"{PrintablePath.Escape(warning.DisplayPath)}: warning: {warning.Message}");
        foreach (var error in run.AllErrors) context.Error.WriteLine($"{PrintablePath.Escape(error.DisplayPath)}: error: {error.Message}");
        if (mode == FixMode.DryRun)
        {
            foreach (var report in reports) if (report.Diff is { Length: > 0 } diff) context.Out.Write(diff);
        }
        else if (stdinTarget is not null && mode == FixMode.Fix)
        {
            WriteFixedInput(context, reports[0].FixedBytes ?? stdinBytes);
        }
        else
        {
            reportFormat.Write(run, context.Out);
        }
        context.Out.Flush(); // The report before the summary, on a terminal where both streams show.
        if (format == "text" || mode != FixMode.None) context.Error.WriteLine(TextFormat.Summary(run));

        if (run.AllErrors.Any()) return CliContext.Failure;
        return run.FailingCount > 0 ? CliContext.Findings : CliContext.Clean;
    }

    /// <summary><c>CODE=LEVEL</c> of <c>--rule</c>: a known rule code and level; null for anything else.</summary>
    public static (string Code, RuleLevel Level)? ParseRule(string text)
    {
        int equals = text.IndexOf('=');
        if (equals <= 0) return null;
        string code = text[..equals].Trim();
        if (!Rules.Codes.Contains(code) || Rules.ParseLevel(text[(equals + 1)..].Trim()) is not { } level) return null;
        return (code, level);
    }

    /// <summary>
    /// Reads standard input (at most <paramref name="maxFileSize"/> + 1 bytes: larger input is an error, not read
    /// further) and checks it. A terminal is read until end of file, as other tools do.
    /// </summary>
    private static FileReport CheckInput(CliContext context, FileChecker checker, CheckTarget target, long maxFileSize, out byte[]? bytes)
    {
        bytes = null;
        if (context.OpenInput is null) return new FileReport(target, [], Error: "there is no standard input");
        try
        {
            using var input = context.OpenInput();
            bytes = ReadAtMost(input, maxFileSize);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new FileReport(target, [], Error: "could not read standard input: " + e.Message);
        }
        if (bytes is null) return new FileReport(target, [], Error: $"standard input is larger than --max-file-size ({maxFileSize} bytes): not checked");
        return checker.CheckInput(target, bytes);
    }

    /// <summary>The stream's bytes to its end, or null when there are more than <paramref name="limit"/> (then no more than limit + 1 are read).</summary>
    public static byte[]? ReadAtMost(Stream input, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        while (true)
        {
            int want = (int)Math.Min(chunk.Length, limit + 1 - buffer.Length);
            int read = input.Read(chunk, 0, want);
            if (read == 0) return buffer.ToArray();
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) return null;
        }
    }

    /// <summary>
    /// <c>check --fix -</c>: the fixed text to standard output, in the encoding and with the BOM it came in; the input
    /// unchanged when there was nothing to fix or it could not be fixed (a filter must not swallow the text); nothing
    /// when it could not be read whole (too large).
    /// </summary>
    private static void WriteFixedInput(CliContext context, byte[]? bytes)
    {
        if (bytes is null) return;
        if (context.Out is StreamWriter { BaseStream: var stream })
        {
            context.Out.Flush();
            stream.Write(bytes);
            stream.Flush();
        }
        else
        {
            context.Out.Write(SourceFile.Decode(bytes).Text); // in-process callers (tests) take text
        }
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
