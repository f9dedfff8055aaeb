namespace LspGlossary.Core.Workspace;

/// <summary>
/// Whether a path lies below a folder, judged on the paths as written (no link resolved, nothing read): the one
/// string test the configs, the team glossary, the index and per-folder settings share. Where a link out of the
/// folder matters (what may be read), <see cref="IWorkspace.IsInside"/> resolves links instead.
/// </summary>
public static class FolderPaths
{
    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> itself or lies below it.</summary>
    public static bool IsUnder(string path, string folder)
    {
        string relative = Path.GetRelativePath(folder, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
