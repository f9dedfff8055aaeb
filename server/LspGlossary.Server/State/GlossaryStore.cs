using LspGlossary.Core.Analysis;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Workspace;
using LspGlossary.Server.Files;

namespace LspGlossary.Server.State;

/// <summary>
/// The glossary in use: the bundled files (embedded in the binary, or the folder given by <c>--glossary-dir</c>),
/// then workspace glossaries (<c>**/*.glossary.yaml</c> in the
/// workspace folders), then the files named in the <c>glossaryFiles</c> setting. An open glossary document's
/// text wins over the file on disk. Reloads replace the whole result; readers take the current one once.
/// Files are data from elsewhere: only regular files are read, never more than <see cref="MaxFileBytes"/>,
/// and the problems of a file outside every workspace folder quote nothing of it.
/// </summary>
public sealed class GlossaryStore
{
    public const string WorkspaceGlossarySuffix = ".glossary.yaml";

    /// <summary>Bounds: a workspace glossary is someone else's file (the walk has <see cref="WalkLimits.Workspace"/>).</summary>
    public const int MaxWorkspaceFiles = 100;
    public const long MaxFileBytes = 4 * 1024 * 1024;

    private readonly IWorkspace _workspace;

    private readonly object _reloadLock = new(); // one reload at a time; never taken by the message loop
    private readonly object _openLock = new();   // the open documents; held only to read or write the dictionary
    private readonly GlossaryLoader _loader = new();
    private readonly Dictionary<string, string> _openDocuments = new(StringComparer.Ordinal);
    private volatile GlossaryLoadResult _result = new(Glossary.Empty, [], []);
    private volatile TermMatcher _matcher = new(Glossary.Empty);

    /// <summary>The prefix of an embedded resource that is a bundled glossary file (set in the server's project file).</summary>
    public const string EmbeddedPrefix = "glossary/";

    /// <param name="bundledDirectory">The folder of the bundled glossary; null: the files embedded in the binary.</param>
    /// <param name="workspace">Where workspace glossaries are found and every glossary file is read.</param>
    public GlossaryStore(string? bundledDirectory, IWorkspace workspace)
    {
        BundledDirectory = bundledDirectory;
        _workspace = workspace;
    }

    /// <summary>The folder the bundled glossary is read from, or null when it is the one embedded in the binary.</summary>
    public string? BundledDirectory { get; }

    /// <summary>Where the bundled glossary comes from, for messages.</summary>
    public string BundledDescription => BundledDirectory ?? "the glossary embedded in lsp-glossary";
    public IReadOnlyList<string> WorkspaceFolders { get; set; } = [];
    public IReadOnlyList<string> ExtraFiles { get; set; } = [];

    public TermMatcher Matcher => _matcher;
    public Glossary Glossary => _matcher.Glossary;
    public GlossaryLoadResult Result => _result;

    /// <summary>True for a file of the bundled glossary (whose problems are logged, not shown as diagnostics).</summary>
    public bool IsBundledFile(string path) => _lastSources.Any(s => s.IsBundled && s.Path == path);

    /// <summary>True for a path that is, or could become, one of the glossary's files.</summary>
    public bool IsGlossaryFile(string path) =>
        path.EndsWith(WorkspaceGlossarySuffix, StringComparison.Ordinal) || _result.Files.Contains(path, StringComparer.Ordinal);

    /// <summary>Uses an open document's text instead of the file on disk (null: back to the disk).</summary>
    public void SetOpenDocument(string path, string? text)
    {
        lock (_openLock)
        {
            if (text is null) _openDocuments.Remove(path);
            else _openDocuments[path] = text;
        }
    }

    /// <summary>
    /// Finds and reads every glossary file again; rebuilds the glossary only when a file was added, removed or
    /// changed (one change often arrives twice: as didSave of the open glossary file and as a watched-file event).
    /// Returns null when nothing changed.
    /// </summary>
    public GlossaryLoadResult? ReloadIfChanged() => Reload(force: false);

    /// <summary>Finds and reads every glossary file again and rebuilds the glossary.</summary>
    public GlossaryLoadResult Reload() => Reload(force: true)!;

    private List<GlossarySource> _lastSources = [];
    private List<string> _lastProblems = [];

    private GlossaryLoadResult? Reload(bool force)
    {
        lock (_reloadLock)
        {
            Dictionary<string, string> open;
            lock (_openLock) open = new(_openDocuments, StringComparer.Ordinal);
            var problems = new List<GlossaryProblem>();
            var sources = new List<GlossarySource>();
            if (BundledDirectory is null) sources.AddRange(EmbeddedFiles());
            else foreach (var path in BundledFiles(BundledDirectory)) AddSource(path, isBundled: true, open, sources, problems);
            var seen = new HashSet<string>(sources.Select(s => s.Path), StringComparer.Ordinal);
            foreach (var path in FindWorkspaceFiles(problems).Concat(ExtraFilePaths()).Concat(open.Keys.Where(k => k.EndsWith(WorkspaceGlossarySuffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)))
            {
                if (seen.Add(path)) AddSource(path, isBundled: false, open, sources, problems);
            }
            var problemTexts = problems.Select(p => p.ToString()).ToList();
            if (!force && sources.SequenceEqual(_lastSources) && problemTexts.SequenceEqual(_lastProblems))
            {
                return null;
            }
            _lastSources = sources;
            _lastProblems = problemTexts;
            var loaded = _loader.Load(sources);
            var quotable = QuotableFiles(sources);
            var result = loaded with { Problems = problems.Concat(loaded.Problems.Select(p => quotable.Contains(p.Location.File) ? p : Redacted(p))).ToList() };
            _result = result;
            _matcher = new TermMatcher(result.Glossary);
            return result;
        }
    }

    private static IEnumerable<string> BundledFiles(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal)
            : [];

    /// <summary>
    /// The bundled glossary files embedded at build time, in name order. Their paths are the resource names
    /// (<c>glossary/training.yaml</c>): not files on disk, so hovers name them without a link.
    /// </summary>
    public static List<GlossarySource> EmbeddedFiles() =>
        EmbeddedNames().Order(StringComparer.Ordinal).Select(name => new GlossarySource(name, ReadEmbedded(name), IsBundled: true)).ToList();

    /// <summary>
    /// The text of one embedded glossary file by its resource name (<c>glossary/training.yaml</c>), read as
    /// <see cref="EmbeddedFiles"/> reads it (so its entries' lines and columns are right in it); null when no embedded
    /// glossary file has that name. Only the binary's glossary resources are looked up: the name is never a path.
    /// </summary>
    public static string? EmbeddedText(string name) => EmbeddedNames().Contains(name, StringComparer.Ordinal) ? ReadEmbedded(name) : null;

    private static IEnumerable<string> EmbeddedNames() =>
        typeof(GlossaryStore).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(EmbeddedPrefix, StringComparison.Ordinal));

    private static string ReadEmbedded(string name)
    {
        using var stream = typeof(GlossaryStore).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private IEnumerable<string> ExtraFilePaths()
    {
        string root = WorkspaceFolders.Count > 0 ? WorkspaceFolders[0] : Directory.GetCurrentDirectory();
        return ExtraFiles.Select(f => Path.GetFullPath(Path.IsPathRooted(f) ? f : Path.Combine(root, f)));
    }

    private void AddSource(string path, bool isBundled, Dictionary<string, string> open, List<GlossarySource> sources, List<GlossaryProblem> problems)
    {
        if (open.TryGetValue(path, out var text))
        {
            sources.Add(new GlossarySource(path, text, isBundled));
            return;
        }
        // The bundled folder belongs to the installation, not to the workspace: it is always read from disk.
        var read = (isBundled ? DiskWorkspace.Instance : _workspace).Read(path, MaxFileBytes);
        if (!read.IsOk)
        {
            string message = read.Error == WorkspaceReadError.NotFound ? "The glossary file does not exist." : $"The glossary file was not read: it {read.Message}.";
            problems.Add(new GlossaryProblem(new SourceLocation(path, 1, 1), message));
            return;
        }
        // Invalid UTF-8 becomes U+FFFD; the YAML parser then reports what is wrong, positioned.
        sources.Add(new GlossarySource(path, read.Text!, isBundled));
    }

    /// <summary>
    /// The sources whose problems may quote them: the bundled files and those inside a workspace folder, judged
    /// on paths with their links resolved (a link in the workspace to a file elsewhere is elsewhere). A glossary
    /// file elsewhere (named in the settings) may be anything, a secrets file among them. Each path is resolved
    /// once per reload.
    /// </summary>
    private HashSet<string> QuotableFiles(List<GlossarySource> sources) =>
        sources.Where(source => source.IsBundled || WorkspaceFolders.Any(folder => _workspace.IsInside(source.Path, folder)))
            .Select(source => source.Path).ToHashSet(StringComparer.Ordinal);

    private static GlossaryProblem Redacted(GlossaryProblem problem) =>
        problem with { Message = "A problem in this glossary file. Details are shown only for glossary files inside a workspace folder." };

    /// <summary>
    /// The <c>*.glossary.yaml</c> files of the workspace folders, found by the workspace's one bounded walk (no
    /// symbolic link, no ignored, dependency or build folder, so nothing outside the workspace is read).
    /// </summary>
    private List<string> FindWorkspaceFiles(List<GlossaryProblem> problems)
    {
        var found = WorkspaceFolders
            .SelectMany(folder => _workspace.ListFiles(folder, WalkLimits.Workspace))
            .Where(path => path.EndsWith(WorkspaceGlossarySuffix, StringComparison.Ordinal))
            .Take(MaxWorkspaceFiles)
            .ToList();
        if (found.Count >= MaxWorkspaceFiles)
        {
            problems.Add(new GlossaryProblem(new SourceLocation(found[^1], 1, 1), $"Only the first {MaxWorkspaceFiles} workspace glossary files are read."));
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
