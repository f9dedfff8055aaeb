namespace LspGlossary.Core.Workspace;

/// <summary>
/// The files of a workspace as the server sees them: listed by one bounded walk, read as text. On disk for the
/// server (<c>DiskWorkspace</c>), in memory for tests. A workspace does not watch: changes come from outside (the
/// client's watched-file events and <c>didChangeWorkspaceFolders</c>), and whoever receives them tells the index.
/// </summary>
public interface IWorkspace
{
    /// <summary>
    /// The files below <paramref name="folder"/> that the walk keeps (not ignored by <c>.gitignore</c>, not in a
    /// dependency or build folder, no symbolic link), at most <paramref name="limits"/>; enumerated lazily, so a
    /// caller may stop early. Unreadable folders are skipped.
    /// </summary>
    IEnumerable<string> ListFiles(string folder, WalkLimits limits, CancellationToken cancellationToken = default);

    /// <summary>The text of a file (UTF-8, a BOM dropped), or why it cannot be read.</summary>
    WorkspaceRead Read(string path, long maxBytes);

    /// <summary>True when <paramref name="path"/>, links resolved, lies inside <paramref name="folder"/>.</summary>
    bool IsInside(string path, string folder);
}

/// <summary>Bounds on one walk: folders visited and files listed.</summary>
public sealed record WalkLimits(int MaxDirectories, int MaxFiles)
{
    /// <summary>The server's walks of a workspace (glossary files, the term index).</summary>
    public static readonly WalkLimits Workspace = new(MaxDirectories: 50_000, MaxFiles: 50_000);
}

/// <summary>A file's text, or the reason it was not read (<see cref="Text"/> is null then).</summary>
public readonly record struct WorkspaceRead(string? Text, WorkspaceReadError Error, string Message)
{
    public bool IsOk => Text is not null;
    public static WorkspaceRead Ok(string text) => new(text, WorkspaceReadError.None, "");
    public static WorkspaceRead Failed(WorkspaceReadError error, string message) => new(null, error, message);
}

public enum WorkspaceReadError { None, NotFound, NotRegular, TooLarge, Unreadable }
