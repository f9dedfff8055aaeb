namespace LspGlossary.Server.Files;

/// <summary>What the walk reports: a file it keeps, or a file or folder whose name is not UTF-8 (not opened, not descended).</summary>
public readonly record struct WalkedEntry(string FullPath, bool IsDirectory, bool NameNotUtf8);

/// <summary>Bounds and choices of one walk.</summary>
/// <param name="MaxDirectories">Folders visited at most; the walk ends quietly there.</param>
/// <param name="SkipDependencyFolders">Leave out <see cref="WorkspaceWalk.DependencyFolders"/> even where no .gitignore does (the server's walks).</param>
public sealed record WalkOptions(int MaxDirectories = int.MaxValue, bool SkipDependencyFolders = false);

/// <summary>
/// The one walk of a folder tree, shared by <c>check</c> (<see cref="Cli.FileWalker"/>) and the server
/// (<see cref="DiskWorkspace"/>: workspace glossaries and the term index): depth first, lazily, honouring
/// <c>.gitignore</c> files (<see cref="IgnoreStack"/>, deepest wins), never following a symbolic link, skipping
/// <c>.git</c> and Jupyter's <c>.ipynb_checkpoints</c>, within <see cref="WalkOptions"/>. An unreadable folder goes
/// to the caller's <c>unreadable</c> callback and the walk goes on.
/// </summary>
public static class WorkspaceWalk
{
    /// <summary>Dependency and build folders, which the server's walks leave out even when no .gitignore names them.</summary>
    public static readonly IReadOnlySet<string> DependencyFolders = new HashSet<string>(StringComparer.Ordinal)
    {
        "node_modules", "bin", "obj", "dist", "target", ".venv", "venv", "__pycache__", ".tox", ".idea", ".vs",
    };

    public static IEnumerable<WalkedEntry> Walk(string root, IgnoreStack rootIgnores, WalkOptions options,
        Action<string, Exception>? unreadable = null, CancellationToken cancellationToken = default)
    {
        var pending = new Stack<(string Directory, IgnoreStack Ignores)>();
        pending.Push((root, rootIgnores));
        var enumeration = new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0, RecurseSubdirectories = false };
        int visited = 0;
        while (pending.Count > 0 && visited < options.MaxDirectories)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (directory, parentIgnores) = pending.Pop();
            visited++;
            var ignores = parentIgnores.Push(Gitignore.Load(directory));
            List<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", enumeration).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                unreadable?.Invoke(directory, e);
                continue;
            }
            foreach (var entry in entries)
            {
                bool isDirectory = entry is DirectoryInfo;
                // Joined to the folder as the caller wrote it (FullName would add a drive letter on Windows to a
                // rooted path without one, and the paths would no longer match the client's URIs).
                string full = Path.Combine(directory, entry.Name);
                if (IsUndecodable(full))
                {
                    if (!ignores.IsIgnored(full, isDirectory)) yield return new WalkedEntry(full, isDirectory, NameNotUtf8: true);
                    continue;
                }
                // Symbolic links are not followed (the attribute comes with the listing; no extra system call).
                if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint)) continue;
                if (isDirectory && (entry.Name is ".git" or ".ipynb_checkpoints" || options.SkipDependencyFolders && DependencyFolders.Contains(entry.Name))) continue;
                if (ignores.IsIgnored(full, isDirectory)) continue;
                if (isDirectory) pending.Push((full, ignores));
                else yield return new WalkedEntry(full, IsDirectory: false, NameNotUtf8: false);
            }
        }
    }

    /// <summary>
    /// .NET decodes a file name that is not UTF-8 with U+FFFD; the decoded path then names no file. (A name that
    /// really holds U+FFFD exists, and is kept.)
    /// </summary>
    public static bool IsUndecodable(string path) => path.Contains('\uFFFD') && !Path.Exists(path) && !IsLink(path);

    public static bool IsLink(string path)
    {
        try { return new FileInfo(path).LinkTarget is not null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }
}
