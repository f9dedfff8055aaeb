using LspGlossary.Core.Workspace;

namespace LspGlossary.Tests;

/// <summary>
/// A workspace held in memory: files by absolute path (with '/' separators under a made-up root), listed in path
/// order. Reads count, so a test can see which files were read. Changing <see cref="Files"/> is what "editing on
/// disk" means here; the test then tells the server with a watched-file event.
/// </summary>
public sealed class MemoryWorkspace : IWorkspace
{
    public MemoryWorkspace(string root) => Root = root;

    /// <summary>The folder every fixture path is under (a rooted path on this host).</summary>
    public string Root { get; }

    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public int Reads { get; private set; }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public IEnumerable<string> ListFiles(string folder, WalkLimits limits, CancellationToken cancellationToken = default)
    {
        string prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        lock (Files) return Files.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(limits.MaxFiles).ToList();
    }

    public WorkspaceRead Read(string path, long maxBytes)
    {
        lock (Files)
        {
            Reads++;
            if (!Files.TryGetValue(path, out var text)) return WorkspaceRead.Failed(WorkspaceReadError.NotFound, "does not exist");
            if (text.Length > maxBytes) return WorkspaceRead.Failed(WorkspaceReadError.TooLarge, "is too large");
            return WorkspaceRead.Ok(text);
        }
    }

    public bool IsInside(string path, string folder) =>
        path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

/// <summary>
/// A workspace written as one text: each file starts with a line <c>--- relative/path</c>; <c>$0</c> (once in all)
/// marks the cursor, which is removed from the text and recorded as <see cref="CursorFile"/> and 0-based line and character.
/// </summary>
public sealed class WorkspaceFixture
{
    public required MemoryWorkspace Workspace { get; init; }
    public string? CursorFile { get; private init; }
    public int CursorLine { get; private init; }
    public int CursorCharacter { get; private init; }

    public string Uri(string relative) => new System.Uri(Workspace.PathOf(relative)).AbsoluteUri;

    public string CursorUri => new System.Uri(CursorFile!).AbsoluteUri;

    public static WorkspaceFixture Parse(string text, string? root = null)
    {
        var workspace = new MemoryWorkspace(root ?? Path.Combine(Path.GetTempPath(), "lspg-memory-" + Guid.NewGuid().ToString("N")[..8]));
        string? cursorFile = null;
        int cursorLine = 0, cursorCharacter = 0;
        string? current = null;
        var lines = new List<string>();
        void Flush()
        {
            if (current is null) return;
            string body = string.Join("\n", lines);
            int at = body.IndexOf("$0", StringComparison.Ordinal);
            string path = workspace.PathOf(current);
            if (at >= 0)
            {
                body = body.Remove(at, 2);
                cursorFile = path;
                cursorLine = body[..at].Count(c => c == '\n');
                cursorCharacter = at - (body[..at].LastIndexOf('\n') + 1);
            }
            workspace.Files[path] = body + "\n";
            lines.Clear();
        }
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                Flush();
                current = line[4..].Trim();
            }
            else if (current is not null) lines.Add(line);
        }
        Flush();
        return new WorkspaceFixture { Workspace = workspace, CursorFile = cursorFile, CursorLine = cursorLine, CursorCharacter = cursorCharacter };
    }
}
