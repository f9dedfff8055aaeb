using System.Text;
using LspGlossary.Core.Workspace;

namespace LspGlossary.Server.Files;

/// <summary>
/// The workspace on disk: listed by <see cref="WorkspaceWalk"/> (with dependency and build folders left out), read
/// with <see cref="RegularFile"/> (regular files only, within a size limit; invalid UTF-8 becomes U+FFFD).
/// </summary>
public sealed class DiskWorkspace : IWorkspace
{
    public static readonly DiskWorkspace Instance = new();

    public IEnumerable<string> ListFiles(string folder, WalkLimits limits, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder)) return [];
        var options = new WalkOptions(limits.MaxDirectories, SkipDependencyFolders: true);
        return WorkspaceWalk.Walk(folder, IgnoreStack.ForWalkRoot(folder), options, cancellationToken: cancellationToken)
            .Where(entry => !entry.NameNotUtf8)
            .Select(entry => entry.FullPath)
            .Take(limits.MaxFiles);
    }

    public WorkspaceRead Read(string path, long maxBytes)
    {
        var read = RegularFile.Read(path, maxBytes);
        if (!read.IsOk)
        {
            var error = read.Error switch
            {
                RegularFileError.NotFound => WorkspaceReadError.NotFound,
                RegularFileError.NotRegular => WorkspaceReadError.NotRegular,
                RegularFileError.TooLarge => WorkspaceReadError.TooLarge,
                _ => WorkspaceReadError.Unreadable,
            };
            return WorkspaceRead.Failed(error, read.Message);
        }
        return WorkspaceRead.Ok(new UTF8Encoding(false).GetString(read.Bytes).TrimStart('\uFEFF'));
    }

    public bool IsInside(string path, string folder)
    {
        if (RegularFile.CanonicalPath(folder) is not { } root || RegularFile.CanonicalPath(path) is not { } file) return false;
        if (!root.EndsWith(Path.DirectorySeparatorChar)) root += Path.DirectorySeparatorChar;
        return file.StartsWith(root, StringComparison.Ordinal);
    }
}
