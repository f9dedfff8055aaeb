
namespace LspGlossary.Server.Files;

/// <summary>
/// The rules of one <c>.gitignore</c> file (or <c>.git/info/exclude</c>), for paths below its folder.
/// Supported: comments, blank lines, trailing-space trimming (<c>\ </c> keeps one), <c>\#</c> and <c>\!</c>,
/// <c>!</c> negation, a trailing <c>/</c> for folders only, patterns anchored by a <c>/</c> at the start or
/// in the middle, patterns without a <c>/</c> matching a name at any depth, and the wildcards of
/// <see cref="GlobPattern"/> including <c>**</c>. Not supported: POSIX classes such as <c>[[:alpha:]]</c>,
/// <c>core.excludesFile</c> and <c>core.ignoreCase</c>.
/// </summary>
public sealed class Gitignore
{
    private readonly record struct Rule(string Pattern, bool Negated, bool DirectoryOnly, bool Anchored);

    private readonly List<Rule> _rules;

    private Gitignore(string directory, List<Rule> rules)
    {
        Directory = directory;
        _rules = rules;
    }

    /// <summary>The folder whose paths the rules apply to.</summary>
    public string Directory { get; }

    public int RuleCount => _rules.Count;

    public static Gitignore Parse(string directory, string text)
    {
        var rules = new List<Rule>();
        foreach (var rawLine in text.Split('\n'))
        {
            string line = TrimTrailingSpaces(rawLine.TrimEnd('\r'));
            if (line.Length == 0 || line[0] == '#') continue;
            bool negated = false;
            if (line[0] == '!') { negated = true; line = line[1..]; }
            else if (line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal)) line = line[1..];
            bool directoryOnly = line.EndsWith('/');
            if (directoryOnly) line = line.TrimEnd('/');
            if (line.Length == 0) continue;
            bool anchored = line.Contains('/');
            if (line[0] == '/') line = line[1..];
            if (line.Length == 0) continue;
            rules.Add(new Rule(line, negated, directoryOnly, anchored));
        }
        return new Gitignore(directory, rules);
    }

    /// <summary>A larger ignore file is not used.</summary>
    public const long MaxFileSize = 1 << 20;

    /// <summary>
    /// Reads the rules for a folder from <paramref name="path"/> (by default the folder's <c>.gitignore</c>);
    /// null when there is no such file, or it cannot be read, is not a regular file (a FIFO, a link to
    /// <c>/dev/zero</c>) or is larger than <see cref="MaxFileSize"/>.
    /// </summary>
    public static Gitignore? Load(string directory, string? path = null)
    {
        var read = RegularFile.Read(path ?? Path.Combine(directory, ".gitignore"), MaxFileSize);
        return read.IsOk ? Parse(directory, System.Text.Encoding.UTF8.GetString(read.Bytes).TrimStart('\uFEFF')) : null;
    }

    /// <summary>
    /// What the last rule matching the path says: true (ignored), false (re-included by <c>!</c>), or null
    /// (no rule matches). <paramref name="relativePath"/> is '/'-separated and relative to <see cref="Directory"/>.
    /// </summary>
    public bool? Decide(string relativePath, bool isDirectory)
    {
        int slash = relativePath.LastIndexOf('/');
        string name = slash < 0 ? relativePath : relativePath[(slash + 1)..];
        for (int i = _rules.Count - 1; i >= 0; i--)
        {
            var rule = _rules[i];
            if (rule.DirectoryOnly && !isDirectory) continue;
            bool match = rule.Anchored ? GlobPattern.IsMatch(rule.Pattern, relativePath) : GlobPattern.IsMatch(rule.Pattern, name);
            if (match) return !rule.Negated;
        }
        return null;
    }

    private static string TrimTrailingSpaces(string line)
    {
        int end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end > 1 && line[end - 2] == '\\')) end--;
        line = line[..end];
        return line.EndsWith("\\ ", StringComparison.Ordinal) ? line[..^2] + " " : line;
    }
}

/// <summary>
/// The <c>.gitignore</c> files in force in one folder: its own and its ancestors' (deepest last). Immutable;
/// a walk makes a child stack for each folder that has a <c>.gitignore</c>.
/// </summary>
public sealed class IgnoreStack
{
    public static readonly IgnoreStack Empty = new(null, null);

    private readonly IgnoreStack? _parent;
    private readonly Gitignore? _file;

    private IgnoreStack(IgnoreStack? parent, Gitignore? file)
    {
        _parent = parent;
        _file = file;
    }

    public IgnoreStack Push(Gitignore? file) => file is null || file.RuleCount == 0 ? this : new IgnoreStack(this, file);

    /// <summary>True when the deepest rule that matches the absolute path ignores it.</summary>
    public bool IsIgnored(string absolutePath, bool isDirectory)
    {
        for (var stack = this; stack is not null; stack = stack._parent)
        {
            if (stack._file is null) continue;
            string relative = Path.GetRelativePath(stack._file.Directory, absolutePath);
            if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)) continue;
            if (stack._file.Decide(relative, isDirectory) is { } decision) return decision;
        }
        return false;
    }

    /// <summary>
    /// The stack in force at a folder that a walk starts from: <c>.git/info/exclude</c> and the
    /// <c>.gitignore</c> of every folder from the repository root down to the folder's parent (the walk
    /// reads the folder's own). Outside a git repository, nothing above the folder counts.
    /// </summary>
    public static IgnoreStack ForWalkRoot(string directory)
    {
        var ancestors = new List<string>();
        string? repositoryRoot = null;
        for (var current = Path.GetDirectoryName(directory); current is not null; current = Path.GetDirectoryName(current))
        {
            ancestors.Add(current);
            if (System.IO.Directory.Exists(Path.Combine(current, ".git")) || File.Exists(Path.Combine(current, ".git")))
            {
                repositoryRoot = current;
                break;
            }
        }
        if (System.IO.Directory.Exists(Path.Combine(directory, ".git"))) repositoryRoot = directory;
        if (repositoryRoot is null) return Empty;

        var stack = Empty.Push(Gitignore.Load(repositoryRoot, Path.Combine(repositoryRoot, ".git", "info", "exclude")));
        if (repositoryRoot == directory) return stack;
        ancestors.Reverse();
        foreach (var folder in ancestors) stack = stack.Push(Gitignore.Load(folder));
        return stack;
    }
}
