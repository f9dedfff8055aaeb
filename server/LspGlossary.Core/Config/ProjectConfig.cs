using LspGlossary.Core.Features;
using LspGlossary.Core.Glossary;
using YamlDotNet.RepresentationModel;

namespace LspGlossary.Core.Config;

/// <summary>
/// A project config, <c>.lsp-glossary.yaml</c>: what a repository says about how it is checked, read by the editor
/// and by <c>check</c> alike (the nearest one to a file wins). Paths and globs are relative to its folder
/// (<see cref="Folder"/>). Each field is null (or empty) when the file does not set it; <see cref="ApplyTo"/> lays what it
/// sets over settings. Editor settings the user set, and <c>check --config FILE</c>, override it.
/// </summary>
public sealed record ProjectConfig
{
    public const string FileName = ".lsp-glossary.yaml";

    /// <summary>The config file's path, and its folder (what relative paths and globs start from).</summary>
    public required string File { get; init; }
    public string Folder => Path.GetDirectoryName(File) ?? "";

    /// <summary>Extra glossary files (as written: relative to <see cref="Folder"/>, or absolute).</summary>
    public IReadOnlyList<string> GlossaryFiles { get; init; } = [];

    /// <summary>The file quick fixes write team terms to (relative to <see cref="Folder"/>); null: <c>team.glossary.yaml</c>.</summary>
    public string? TeamGlossary { get; init; }

    /// <summary>Globs of the files that are checked (none: every file); relative to <see cref="Folder"/>, '/'-separated.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Globs of files that are not checked, even when included.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public IReadOnlySet<string>? Languages { get; init; }
    public string? Locale { get; init; }
    public bool? DiagnosticsEnabled { get; init; }
    public Severity? DiagnosticsSeverity { get; init; }

    /// <summary>Per rule code (<c>glossary.wrong-variant</c>, …): its level.</summary>
    public IReadOnlyDictionary<string, RuleLevel> Rules { get; init; } = new Dictionary<string, RuleLevel>();

    /// <summary>Per glossary entry id: the level of its findings.</summary>
    public IReadOnlyDictionary<string, RuleLevel> Terms { get; init; } = new Dictionary<string, RuleLevel>();

    /// <summary>These settings with what this config sets laid over them.</summary>
    public Settings ApplyTo(Settings settings) => settings with
    {
        Languages = Languages ?? settings.Languages,
        Locale = Locale ?? settings.Locale,
        DiagnosticsEnabled = DiagnosticsEnabled ?? settings.DiagnosticsEnabled,
        DiagnosticsSeverity = DiagnosticsSeverity ?? settings.DiagnosticsSeverity,
        GlossaryFiles = GlossaryFiles.Count > 0 ? GlossaryFiles.Select(f => Path.IsPathRooted(f) ? f : Path.GetFullPath(Path.Combine(Folder, f))).ToList() : settings.GlossaryFiles,
        Rules = Rules.Count > 0 ? Merge(settings.Rules, Rules) : settings.Rules,
        TermLevels = Terms.Count > 0 ? Merge(settings.TermLevels, Terms) : settings.TermLevels,
    };

    private static IReadOnlyDictionary<string, RuleLevel> Merge(IReadOnlyDictionary<string, RuleLevel>? under, IReadOnlyDictionary<string, RuleLevel> over)
    {
        var merged = new Dictionary<string, RuleLevel>(under ?? new Dictionary<string, RuleLevel>(), StringComparer.Ordinal);
        foreach (var (key, level) in over) merged[key] = level;
        return merged;
    }

    /// <summary>
    /// True when a file (a path under <see cref="Folder"/>) is checked: it matches an <see cref="Include"/> glob (or
    /// there is none) and no <see cref="Exclude"/> glob. <paramref name="isMatch"/> matches a glob against a
    /// '/'-separated relative path (the caller's glob matcher, the one .gitignore uses).
    /// </summary>
    public bool IsIncluded(string path, Func<string, string, bool> isMatch)
    {
        if (!Workspace.FolderPaths.IsUnder(path, Folder)) return true; // not below this config
        string relative = Path.GetRelativePath(Folder, path).Replace(Path.DirectorySeparatorChar, '/');
        if (Include.Count > 0 && !Include.Any(glob => isMatch(glob, relative))) return false;
        return !Exclude.Any(glob => isMatch(glob, relative));
    }
}

/// <summary>
/// Reads <c>.lsp-glossary.yaml</c>. Never throws: YAML errors, unknown keys and wrong types are positioned problems
/// (an unknown key is a warning, so a newer config still loads); a config with errors is not used, and the last good
/// one stays in use where there was one. Loaded as plain data with <see cref="SafeYaml"/>, at most
/// <see cref="MaxFileChars"/> characters, lists of at most <see cref="MaxListItems"/> items.
/// </summary>
public static class ProjectConfigParser
{
    public const int MaxFileChars = 256 * 1024;
    public const int MaxListItems = 1_000;

    private static readonly string[] Keys = ["glossaryFiles", "teamGlossary", "include", "exclude", "languages", "locale", "diagnostics", "rules", "terms"];

    public static (ProjectConfig? Config, IReadOnlyList<GlossaryProblem> Problems) Parse(string text, string file)
    {
        var problems = new List<GlossaryProblem>();
        if (text.Length > MaxFileChars)
        {
            problems.Add(new(new(file, 1, 1), $"The config is larger than {MaxFileChars} characters and was not read."));
            return (null, problems);
        }
        if (SafeYaml.Load(text, file, maxNesting: 8, maxAliases: 10, problems) is not { } stream) return (null, problems);
        var config = new ProjectConfig { File = file };
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return (config, problems);
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(Problem(file, stream.Documents[0].RootNode, "The config must be a mapping (glossaryFiles, include, exclude, languages, locale, diagnostics, rules, terms, teamGlossary)."));
            return (null, problems);
        }
        foreach (var (keyNode, value) in root.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "glossaryFiles": config = config with { GlossaryFiles = List(file, value, key, problems) }; break;
                case "include": config = config with { Include = List(file, value, key, problems) }; break;
                case "exclude": config = config with { Exclude = List(file, value, key, problems) }; break;
                case "languages":
                    var languages = List(file, value, key, problems);
                    foreach (var unknown in languages.Where(l => l != "markdown" && !Analysis.Languages.CheckedIds.Contains(l)))
                    {
                        problems.Add(new(Location(file, value), $"Unknown language id '{Cut(unknown)}'.", ProblemSeverity.Warning));
                    }
                    config = config with { Languages = languages.Count > 0 ? languages.ToHashSet(StringComparer.Ordinal) : null };
                    break;
                case "teamGlossary": config = config with { TeamGlossary = Scalar(file, value, key, problems) }; break;
                case "locale":
                    string? locale = Scalar(file, value, key, problems);
                    if (locale is "auto" or "zh" or "en") config = config with { Locale = locale };
                    else if (locale is not null) problems.Add(Problem(file, value, "'locale' must be auto, zh or en."));
                    break;
                case "diagnostics": config = ReadDiagnostics(config, file, value, problems); break;
                case "rules": config = config with { Rules = Levels(file, value, key, problems) }; break;
                case "terms": config = config with { Terms = Levels(file, value, key, problems) }; break;
                default:
                    problems.Add(new(Location(file, keyNode), $"Unknown key '{Cut(key)}' (known: {string.Join(", ", Keys)}).", ProblemSeverity.Warning));
                    break;
            }
        }
        return (problems.Any(p => p.Severity == ProblemSeverity.Error) ? null : config, problems);
    }

    private static ProjectConfig ReadDiagnostics(ProjectConfig config, string file, YamlNode node, List<GlossaryProblem> problems)
    {
        if (node is not YamlMappingNode map)
        {
            problems.Add(Problem(file, node, "'diagnostics' must be a mapping with 'enable' and 'severity'."));
            return config;
        }
        foreach (var (keyNode, value) in map.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            string? text = Scalar(file, value, $"diagnostics.{key}", problems);
            if (key == "enable" && bool.TryParse(text, out bool enable)) config = config with { DiagnosticsEnabled = enable };
            else if (key == "severity" && ParseLevel(text) is { } level && level != RuleLevel.Off) config = config with { DiagnosticsSeverity = (Severity)(int)level };
            else if (key is "enable" or "severity") problems.Add(Problem(file, value, key == "enable" ? "'diagnostics.enable' must be true or false." : "'diagnostics.severity' must be error, warning, information or hint."));
            else problems.Add(new(Location(file, keyNode), $"Unknown key 'diagnostics.{Cut(key)}' (known: enable, severity).", ProblemSeverity.Warning));
        }
        return config;
    }

    private static Dictionary<string, RuleLevel> Levels(string file, YamlNode node, string key, List<GlossaryProblem> problems)
    {
        var levels = new Dictionary<string, RuleLevel>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            if (!(node is YamlScalarNode { Value: null or "" })) problems.Add(Problem(file, node, $"'{key}' must be a mapping of names to off, error, warning, information or hint."));
            return levels;
        }
        foreach (var (nameNode, value) in map.Children.Take(MaxListItems))
        {
            string name = (nameNode as YamlScalarNode)?.Value ?? "";
            if (ParseLevel(Scalar(file, value, $"{key}.{name}", problems)) is { } level && name.Length > 0) levels[name] = level;
            else problems.Add(Problem(file, value, $"'{key}.{Cut(name)}' must be off, error, warning, information or hint."));
        }
        return levels;
    }

    /// <summary>A level as <see cref="Rules.ParseLevel"/> reads it; in a config also "info", and false (YAML's off).</summary>
    public static RuleLevel? ParseLevel(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "false" => RuleLevel.Off,
        "info" => RuleLevel.Information,
        var other => Rules.ParseLevel(other),
    };

    private static List<string> List(string file, YamlNode node, string key, List<GlossaryProblem> problems)
    {
        switch (node)
        {
            case YamlScalarNode { Value: null or "" }:
                return [];
            case YamlScalarNode scalar:
                return [scalar.Value!];
            case YamlSequenceNode list:
                if (list.Children.Count > MaxListItems) problems.Add(Problem(file, list, $"'{key}' holds more than {MaxListItems} items; the rest are ignored."));
                var items = new List<string>();
                foreach (var item in list.Children.Take(MaxListItems))
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } text }) items.Add(text);
                    else problems.Add(Problem(file, item, $"Each item of '{key}' must be a string."));
                }
                return items;
            default:
                problems.Add(Problem(file, node, $"'{key}' must be a list of strings."));
                return [];
        }
    }

    private static string? Scalar(string file, YamlNode node, string key, List<GlossaryProblem> problems)
    {
        if (node is YamlScalarNode scalar) return scalar.Value;
        problems.Add(Problem(file, node, $"'{Cut(key)}' must be a single value."));
        return null;
    }

    /// <summary>At most 40 characters of a token from the file are quoted in a problem.</summary>
    private static string Cut(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static SourceLocation Location(string file, YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private static GlossaryProblem Problem(string file, YamlNode node, string message) => new(Location(file, node), message);
}
