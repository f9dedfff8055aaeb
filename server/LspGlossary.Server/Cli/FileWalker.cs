using LspGlossary.Core.Analysis;
using LspGlossary.Server.Files;

namespace LspGlossary.Server.Cli;

/// <summary>A file to check: where it is, how it is shown, its language, and the settings its project config gives it.</summary>
public sealed record CheckTarget(string FullPath, string DisplayPath, string LanguageId)
{
    public Core.Features.Settings Settings { get; init; } = Core.Features.Settings.Default;
}

/// <summary>A path that could not be read or matched nothing; reported, and the run goes on.</summary>
public sealed record PathError(string DisplayPath, string Message);

/// <summary>
/// Turns the command line's paths into the files to check. A file named on the command line is checked
/// whatever ignore rules say (a symbolic link only when its final target is inside the current folder); folders are walked, skipping <c>.git</c>, git-ignored paths (see
/// <see cref="Gitignore"/>), symbolic links and files of languages we do not check; an argument that is not
/// an existing path but has wildcards is a glob, walked from its literal leading folders. Files come back
/// sorted by their shown path, once each. A file named on the command line whose type is not checked is not
/// checked either, but said so in <see cref="Warnings"/>; with a forced language id (<c>--language-id</c>) every
/// named file, and every file a glob matches, is checked as that language (walked folders still go by file type).
/// </summary>
public sealed class FileWalker
{
    private readonly string _currentDirectory;
    private readonly string? _forcedLanguageId;
    private readonly Dictionary<string, CheckTarget> _files = new(StringComparer.Ordinal);
    private readonly List<PathError> _errors = [];

    public FileWalker(string currentDirectory, string? forcedLanguageId = null)
    {
        _currentDirectory = currentDirectory;
        _forcedLanguageId = forcedLanguageId;
    }

    /// <summary>Files named on the command line that are not checked, and why (printed as warnings; not errors).</summary>
    public List<PathError> Warnings { get; } = [];

    public (List<CheckTarget> Files, List<PathError> Errors) Walk(IReadOnlyList<string> arguments)
    {
        foreach (var argument in arguments.Count == 0 ? ["."] : arguments)
        {
            string full = Path.GetFullPath(argument, _currentDirectory);
            if (LinkTargetOutside(full) is { } target)
            {
                // `check $(git ls-files)` names the links a repository holds: none may lead outside the folder.
                _errors.Add(new PathError(Display(full), $"is a symbolic link to {target}, outside the current folder: not followed"));
            }
            else if (Directory.Exists(full))
            {
                WalkDirectory(full, IgnoreStack.ForWalkRoot(full), glob: null, globRoot: null);
            }
            else if (File.Exists(full) || WorkspaceWalk.IsLink(full))
            {
                AddFile(full, named: true);
            }
            else if (GlobPattern.HasWildcard(argument))
            {
                int before = _files.Count;
                ExpandGlob(argument);
                if (_files.Count == before) _errors.Add(new PathError(argument, "no file matches this pattern"));
            }
            else
            {
                _errors.Add(new PathError(Display(full), WorkspaceWalk.IsUndecodable(full) ? NotUtf8 : "no such file or directory"));
            }
        }
        var files = _files.Values.OrderBy(f => f.DisplayPath, StringComparer.Ordinal).ToList();
        return (files, _errors);
    }

    /// <summary>How a path is shown: relative to the current folder.</summary>
    public string Display(string fullPath) => Path.GetRelativePath(_currentDirectory, fullPath);

    private void ExpandGlob(string argument)
    {
        // The literal leading segments are the folder to walk; the rest is matched against paths below it.
        var segments = argument.Split('/');
        int literal = 0;
        while (literal < segments.Length - 1 && !GlobPattern.HasWildcard(segments[literal])) literal++;
        string baseText = string.Join('/', segments.Take(literal));
        string baseDirectory = Path.GetFullPath(baseText.Length == 0 && argument.StartsWith('/') ? "/" : baseText.Length == 0 ? "." : baseText, _currentDirectory);
        string pattern = string.Join('/', segments.Skip(literal));
        if (Directory.Exists(baseDirectory)) WalkDirectory(baseDirectory, IgnoreStack.ForWalkRoot(baseDirectory), pattern, baseDirectory);
    }

    private void WalkDirectory(string root, IgnoreStack rootStack, string? glob, string? globRoot)
    {
        foreach (var entry in WorkspaceWalk.Walk(root, rootStack, new WalkOptions(), (directory, e) => _errors.Add(new PathError(Display(directory), Reason(e)))))
        {
            if (entry.NameNotUtf8)
            {
                // Reported when it would have been checked: a folder, or a file of a known language.
                if (entry.IsDirectory || Languages.ForPath(entry.FullPath) is not null) _errors.Add(new PathError(Display(entry.FullPath), NotUtf8));
            }
            else if (glob is null)
            {
                AddFile(entry.FullPath, named: false);
            }
            else if (GlobPattern.IsMatch(glob, Path.GetRelativePath(globRoot!, entry.FullPath)))
            {
                AddFile(entry.FullPath, named: false, forced: _forcedLanguageId);
            }
        }
    }

    private void AddFile(string fullPath, bool named, string? forced = null)
    {
        string? languageId = named ? _forcedLanguageId ?? Languages.ForPath(fullPath) : forced ?? Languages.ForPath(fullPath);
        if (languageId is null)
        {
            // Found in a folder or by a glob: passed over quietly. Named (`check notes.txt`, `check $(git ls-files)`): said so.
            if (named) Warnings.Add(new PathError(Display(fullPath), $"not checked: '{Path.GetFileName(fullPath)}' is not a file type that is checked (Markdown, or code comments by extension); --language-id ID checks it as language ID"));
            return;
        }
        _files.TryAdd(fullPath, new CheckTarget(fullPath, Display(fullPath), languageId));
    }

    private const string NotUtf8 = "the name is not valid UTF-8, so it cannot be opened: skipped";

    /// <summary>The final target of a symbolic link <paramref name="path"/> when it is outside the current folder; else null.</summary>
    private string? LinkTargetOutside(string path)
    {
        if (!WorkspaceWalk.IsLink(path)) return null;
        try
        {
            string target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
            string relative = Path.GetRelativePath(_currentDirectory, target);
            bool inside = relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
            return inside ? null : target;
        }
        catch (IOException) { return null; } // a loop of links: reading it reports the loop
    }

    public static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        _ => e.Message,
    };
}
