using System.Collections.Concurrent;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Workspace;

namespace LspGlossary.Core.Config;

/// <summary>
/// The project configs of a workspace, found as a file needs them: the nearest <c>.lsp-glossary.yaml</c> from the
/// file's folder up to the root that holds it (never above: nothing outside the workspace is read because a file sits
/// in it). Each folder is looked at once and remembered until told otherwise (<see cref="Forget"/>, <see cref="SetOpenText"/>);
/// a config that stops parsing keeps its last good version in use, and its problems are kept for the client.
/// </summary>
public sealed class ProjectConfigs(IWorkspace workspace)
{
    private readonly ConcurrentDictionary<string, ProjectConfig?> _byFolder = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ProjectConfig> _lastGood = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _openTexts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<GlossaryProblem>> _problems = new(StringComparer.Ordinal);

    /// <summary>Configs are read up to this many folders above a file.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The config that applies to <paramref name="path"/>: the nearest one between its folder and the first of
    /// <paramref name="roots"/> that contains it; null when there is none, or the path is under no root.
    /// </summary>
    public ProjectConfig? For(string path, IReadOnlyList<string> roots)
    {
        string? root = roots.Where(r => FolderPaths.IsUnder(path, r)).OrderByDescending(r => r.Length).FirstOrDefault();
        if (root is null) return null;
        string? folder = Path.GetDirectoryName(path);
        for (int depth = 0; folder is not null && depth < MaxDepth; depth++)
        {
            if (InFolder(folder) is { } config) return config;
            if (string.Equals(folder.TrimEnd(Path.DirectorySeparatorChar), root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)) break;
            folder = Path.GetDirectoryName(folder);
        }
        return null;
    }

    /// <summary>The config of one folder (read once), or null.</summary>
    public ProjectConfig? InFolder(string folder) => _byFolder.GetOrAdd(folder, Load);

    /// <summary>The problems of a config file at its last reading (empty when it read cleanly or was never read).</summary>
    public IReadOnlyList<GlossaryProblem> ProblemsOf(string configPath) => _problems.GetValueOrDefault(configPath) ?? [];

    /// <summary>The config files read so far that have problems.</summary>
    public IEnumerable<string> FilesWithProblems => _problems.Where(p => p.Value.Count > 0).Select(p => p.Key);

    /// <summary>A config file changed on disk (or was created or deleted): read it again when next needed.</summary>
    public void Forget(string configPath) => _byFolder.TryRemove(Path.GetDirectoryName(configPath) ?? "", out _);

    /// <summary>An open config document's text replaces the file (null: back to the disk).</summary>
    public void SetOpenText(string configPath, string? text)
    {
        if (text is null) _openTexts.TryRemove(configPath, out _);
        else _openTexts[configPath] = text;
        Forget(configPath);
    }

    public static bool IsConfigFile(string path) => Path.GetFileName(path) == ProjectConfig.FileName;

    private ProjectConfig? Load(string folder)
    {
        string file = Path.Combine(folder, ProjectConfig.FileName);
        string? text = _openTexts.GetValueOrDefault(file);
        if (text is null)
        {
            var read = workspace.Read(file, ProjectConfigParser.MaxFileChars * 4L);
            if (read.Error == WorkspaceReadError.NotFound)
            {
                _problems.TryRemove(file, out _);
                _lastGood.TryRemove(file, out _);
                return null;
            }
            if (!read.IsOk)
            {
                _problems[file] = [new GlossaryProblem(new SourceLocation(file, 1, 1), $"The config was not read: it {read.Message}.")];
                return _lastGood.GetValueOrDefault(file);
            }
            text = read.Text!;
        }
        var (config, problems) = ProjectConfigParser.Parse(text, file);
        _problems[file] = problems;
        if (config is null) return _lastGood.GetValueOrDefault(file);
        _lastGood[file] = config;
        return config;
    }

}
