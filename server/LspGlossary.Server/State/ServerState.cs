using LspGlossary.Core.Analysis;
using LspGlossary.Core.Config;
using LspGlossary.Core.Features;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Workspace;

namespace LspGlossary.Server.State;

/// <summary>
/// What the server knows of the client's workspace: open documents, their analyses, the glossary and the settings.
/// Request endpoints and diagnostics only read it (each takes its snapshot once, at its start); it is changed only
/// by the text sync endpoints (documents), by <see cref="Session"/> for the configuration and lifecycle endpoints
/// (settings, workspace folders) and by glossary reloads, which run off the message loop one at a time.
/// </summary>
public sealed class ServerState(string? bundledGlossaryDirectory, IWorkspace workspace, Action<string> log)
{
    private volatile Settings _settings = Settings.Default;
    private readonly object _reloadGate = new();
    private bool _reloadQueued;

    public DocumentStore Documents { get; } = new();
    public AnalysisCache Analyses { get; } = new();
    public GlossaryStore Glossary { get; } = new(bundledGlossaryDirectory, workspace);

    /// <summary>The files of the workspace folders (listed, read).</summary>
    public IWorkspace Workspace { get; } = workspace;

    /// <summary>Every use of every glossary term in the workspace folders' files.</summary>
    public WorkspaceIndex Index { get; } = new(workspace, log);

    /// <summary>How long references and code lenses wait for an index build before answering from the index as it is.</summary>
    public static readonly TimeSpan IndexWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The uses in every open document of an enabled language, from its own analysis (keyed by its path, or its URI
    /// when it has none): what the editor shows wins over the file on disk.
    /// </summary>
    public async Task<IReadOnlyList<FileTerms>> OpenDocumentTermsAsync(TermMatcher matcher, CancellationToken cancellationToken)
    {
        var open = new List<FileTerms>();
        foreach (var document in Documents.All())
        {
            if (!SettingsFor(document.Uri).IsLanguageEnabled(document.LanguageId)) continue;
            var analysis = await Analyses.GetAsync(document, matcher, cancellationToken).ConfigureAwait(false);
            open.Add(FileTerms.Of(Protocol.Convert.ToPath(document.Uri) ?? document.Uri, analysis));
        }
        return open;
    }

    /// <summary>Waits for the index's jobs in progress, at most <see cref="IndexWait"/>.</summary>
    public async Task WaitForIndexAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Index.Idle.WaitAsync(IndexWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            log($"The term index is still being built after {IndexWait.TotalSeconds:0} s; answering from the index as it is.");
        }
    }

    /// <summary>The editor's settings alone (no project config): for what is not about one document.</summary>
    public Settings Settings => _settings;

    /// <summary>The settings object the editor sent last, as sent (only what the user set, from VS Code).</summary>
    private System.Text.Json.JsonElement? _editorSettings;

    /// <summary>The project configs of the workspace folders (<c>.lsp-glossary.yaml</c>, the nearest to a file wins).</summary>
    public ProjectConfigs Configs { get; } = new(workspace);

    /// <summary>
    /// The settings for one document: the defaults, then the nearest project config between the document's folder and
    /// its workspace folder, then what the editor's settings set (editor settings win).
    /// </summary>
    public Settings SettingsFor(string uri)
    {
        var config = ConfigFor(uri);
        var folderSettings = FolderSettingsFor(uri);
        if (config is null && folderSettings is null) return _settings;
        var under = config?.ApplyTo(Settings.Default) ?? Settings.Default;
        // The folder's own answer (multi-root), else what the editor sent without a scope.
        return Protocol.SettingsReader.Read(folderSettings ?? _editorSettings, under);
    }

    /// <summary>What the client answered for each workspace folder (workspace/configuration with its scopeUri).</summary>
    public IReadOnlyDictionary<string, System.Text.Json.JsonElement> FolderSettings { get; set; } = new Dictionary<string, System.Text.Json.JsonElement>();

    private System.Text.Json.JsonElement? FolderSettingsFor(string uri)
    {
        if (FolderSettings.Count == 0 || Protocol.Convert.ToPath(uri) is not { } path) return null;
        string? folder = FolderSettings.Keys.Where(f => FolderPaths.IsUnder(path, f))
            .OrderByDescending(f => f.Length).FirstOrDefault();
        return folder is null ? null : FolderSettings[folder];
    }

    /// <summary>The project config that applies to a document, or null (no path, or none found).</summary>
    public ProjectConfig? ConfigFor(string uri) =>
        Protocol.Convert.ToPath(uri) is { } path ? Configs.For(path, Glossary.WorkspaceFolders) : null;

    /// <summary>
    /// The glossary files the configs at the workspace folders' roots name (full paths), those inside their folder only
    /// (links resolved): a repository's config cannot make the server read, and hover, a file elsewhere.
    /// </summary>
    public IReadOnlyList<string> ConfigGlossaryFiles()
    {
        var files = new List<string>();
        foreach (var folder in Glossary.WorkspaceFolders)
        {
            if (Configs.InFolder(folder) is not { } config) continue;
            foreach (var file in config.ApplyTo(Settings.Default).GlossaryFiles ?? [])
            {
                if (Workspace.IsInside(file, folder)) files.Add(file);
                else log($"{config.File} names the glossary file {file}, which is not a file inside the workspace folder; it is not read.");
            }
        }
        return files;
    }

    /// <summary>The client's locale (initialize); with the settings, it decides whether Chinese names come first.</summary>
    public string? ClientLocale { get; set; }

    public bool ChineseFirst => Settings.ChineseFirst(ClientLocale);

    /// <summary>Whether Chinese names come first for one document (its project config may set the locale).</summary>
    public bool ChineseFirstFor(string uri) => SettingsFor(uri).ChineseFirst(ClientLocale);

    /// <summary>
    /// Completes when the glossary of this workspace has loaded, and again after each reload. initialize starts
    /// the load and answers at once; features wait for it (<see cref="WaitForGlossaryAsync"/>). It never faults:
    /// a load that fails is logged and the last good glossary stays in use.
    /// </summary>
    public Task GlossaryReady { get; private set; } = Task.CompletedTask;

    /// <summary>How long a feature waits for a glossary (re)load before it answers from the glossary in use.</summary>
    public static readonly TimeSpan GlossaryWait = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Uses new editor settings (<paramref name="sent"/>: the object as the editor sent it, read again over each
    /// document's project config). Returns true when the glossary files to read changed.
    /// </summary>
    public bool ReplaceSettings(Settings settings, System.Text.Json.JsonElement? sent)
    {
        _settings = settings;
        _editorSettings = sent?.Clone();
        return UpdateExtraGlossaryFiles();
    }

    /// <summary>
    /// The extra glossary files: the editor's <c>glossaryFiles</c>, then those the root project configs name. Returns
    /// true when they changed.
    /// </summary>
    public bool UpdateExtraGlossaryFiles()
    {
        var before = Glossary.ExtraFiles;
        var after = (_settings.GlossaryFiles ?? []).Concat(ConfigGlossaryFiles()).Distinct(StringComparer.Ordinal).ToList();
        Glossary.ExtraFiles = after;
        return !before.SequenceEqual(after);
    }

    /// <summary>Loads the glossary of the workspace folders off the message loop (<see cref="GlossaryReady"/>).</summary>
    public void StartGlossaryLoad()
    {
        lock (_reloadGate) GlossaryReady = Task.Run(() => Guarded("Loading the glossary", () =>
        {
            var loaded = Glossary.Reload();
            log($"Glossary: {loaded.Glossary.Entries.Count} terms from {loaded.Files.Count} files ({string.Join(", ", Glossary.WorkspaceFolders)}).");
            foreach (var problem in loaded.Problems) log($"glossary: {problem}");
        }));
    }

    /// <summary>
    /// Reads every glossary file again off the message loop (reloads run one at a time; requests made while one
    /// waits share it) and hands a changed glossary to <paramref name="changed"/>, still off the message loop.
    /// </summary>
    public void ReloadGlossary(Action<GlossaryLoadResult> changed)
    {
        lock (_reloadGate)
        {
            if (_reloadQueued) return;
            _reloadQueued = true;
            GlossaryReady = GlossaryReady.ContinueWith(_ =>
            {
                lock (_reloadGate) _reloadQueued = false;
                Guarded("Reloading the glossary", () =>
                {
                    if (Glossary.ReloadIfChanged() is not { } result) return;
                    log($"Glossary: {result.Glossary.Entries.Count} terms from {result.Files.Count} files, {result.ErrorCount} errors, {result.WarningCount} warnings.");
                    foreach (var problem in result.Problems) log($"glossary: {problem}");
                    changed(result);
                });
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>Waits for a glossary load in progress, at most <see cref="GlossaryWait"/>.</summary>
    public async Task WaitForGlossaryAsync(CancellationToken cancellationToken)
    {
        try
        {
            await GlossaryReady.WaitAsync(GlossaryWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            log($"The glossary is still loading after {GlossaryWait.TotalSeconds:0} s; answering from the glossary in use.");
        }
    }

    private void Guarded(string what, Action work)
    {
        try
        {
            work();
        }
        catch (Exception e)
        {
            log($"{what} failed; the last good glossary stays in use: {e.Message}");
        }
    }
}
