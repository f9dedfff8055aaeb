using System.Text;
using LspGlossary.Core.Config;
using LspGlossary.Core.Features;
using LspGlossary.Server.Files;

namespace LspGlossary.Server.Cli;

/// <summary>
/// The project configs of a <c>check</c> run: <c>--config FILE</c> for every file, else each file's nearest
/// <c>.lsp-glossary.yaml</c> between its folder and the current folder (<see cref="ProjectConfigs"/>, as the editor
/// finds them). A config with errors stops the run (exit 2) after its problems are printed, with file, line and column.
/// </summary>
public sealed class ProjectConfigSource
{
    private readonly CliContext _context;
    private readonly ProjectConfigs _found = new(DiskWorkspace.Instance);
    private readonly ProjectConfig? _forced;
    private readonly IReadOnlyDictionary<string, RuleLevel> _commandLineRules;
    private bool _forcedFailed;

    /// <param name="commandLineRules">The <c>--rule CODE=LEVEL</c> levels, which win over every config's.</param>
    public ProjectConfigSource(CliContext context, string? configFile, IReadOnlyDictionary<string, RuleLevel> commandLineRules)
    {
        _context = context;
        _commandLineRules = commandLineRules;
        if (configFile is null) return;
        string path = Path.GetFullPath(configFile, context.CurrentDirectory);
        var read = RegularFile.Read(path, ProjectConfigParser.MaxFileChars * 4L);
        if (!read.IsOk)
        {
            context.Error.WriteLine($"{PrintablePath.Escape(configFile)}: error: the config was not read: it {read.Message}");
            _forcedFailed = true;
            return;
        }
        var (config, problems) = ProjectConfigParser.Parse(new UTF8Encoding(false).GetString(read.Bytes).TrimStart('\uFEFF'), path);
        foreach (var problem in problems) context.Error.WriteLine(PrintablePath.Escape(problem.ToString()));
        _forced = config;
        _forcedFailed = config is null;
    }

    /// <summary>False when <c>--config FILE</c> could not be used (its problems are printed).</summary>
    public bool Ready => !_forcedFailed;

    /// <summary>
    /// The glossary files of the config in force at the current folder, as full paths. A config found in the tree
    /// names files inside the current folder only (links resolved; others are skipped with a warning): a checked-out
    /// repository cannot make `check` read a file elsewhere. `--config FILE` is the user's choice and may name any.
    /// </summary>
    public IEnumerable<string> GlossaryFiles
    {
        get
        {
            if (_forced is { } forced) return forced.ApplyTo(Settings.Default).GlossaryFiles ?? [];
            if (_found.InFolder(_context.CurrentDirectory) is not { } config) return [];
            var files = new List<string>();
            foreach (var file in config.ApplyTo(Settings.Default).GlossaryFiles ?? [])
            {
                if (DiskWorkspace.Instance.IsInside(file, _context.CurrentDirectory)) files.Add(file);
                else _context.Error.WriteLine($"{PrintablePath.Escape(config.File)}: warning: the glossary file {PrintablePath.Escape(file)} is not a file inside this folder; it is not read.");
            }
            return files;
        }
    }

    public ProjectConfig? For(string path) => _forced ?? _found.For(path, [_context.CurrentDirectory]);

    /// <summary>The target with the settings its config gives it, under the command line's rule levels.</summary>
    public CheckTarget Configure(CheckTarget target)
    {
        var settings = For(target.FullPath)?.ApplyTo(Settings.Default) ?? Settings.Default;
        if (_commandLineRules.Count == 0) return target with { Settings = settings };
        var rules = new Dictionary<string, RuleLevel>(settings.Rules ?? new Dictionary<string, RuleLevel>(), StringComparer.Ordinal);
        foreach (var (code, level) in _commandLineRules) rules[code] = level;
        return target with { Settings = settings with { Rules = rules } };
    }

    /// <summary>False for a file its config leaves out: a language it turns off, or not included, or excluded.</summary>
    public bool IsChecked(CheckTarget target) =>
        target.Settings.IsLanguageEnabled(target.LanguageId)
        && (For(target.FullPath) is not { } config || config.IsIncluded(target.FullPath, GlobPattern.IsMatch));

    /// <summary>Prints the problems of every config read; false when one had errors (the run then exits 2).</summary>
    public bool ReportProblems()
    {
        bool ok = true;
        foreach (var file in _found.FilesWithProblems.Order(StringComparer.Ordinal))
        {
            foreach (var problem in _found.ProblemsOf(file))
            {
                _context.Error.WriteLine(PrintablePath.Escape(problem.ToString()));
                if (problem.Severity == Core.Glossary.ProblemSeverity.Error) ok = false;
            }
        }
        if (!ok) _context.Error.WriteLine("lsp-glossary: a project config has errors; fix it, or name another with --config FILE.");
        return ok;
    }
}
