using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server;

/// <summary>
/// The state of one client connection: documents, glossary, settings and lifecycle flags, plus the means to
/// notify the client. Endpoints read it; only the text sync, configuration and lifecycle endpoints change it.
/// </summary>
public sealed class Session
{
    private readonly TextWriter _log;
    private volatile Settings _settings = Settings.Default;

    public Session(TextWriter log, string? bundledGlossaryDirectory)
    {
        _log = log;
        Glossary = new GlossaryStore(bundledGlossaryDirectory);
        Diagnostics = new DiagnosticsPublisher(this);
    }

    public DocumentStore Documents { get; } = new();
    public AnalysisCache Analyses { get; } = new();
    public GlossaryStore Glossary { get; }
    public DiagnosticsPublisher Diagnostics { get; }

    public JsonRpc? Rpc { get; set; }
    public Settings Settings => _settings;
    public string? ClientLocale { get; set; }

    /// <summary>What the client supports (from initialize): every answer and every message to the client follows it.</summary>
    public ClientFeatures Client { get; set; } = ClientFeatures.None;

    public bool Initialized { get; set; }

    /// <summary>Set when shutdown is answered: from then on the server sends no request and no notification.</summary>
    /// <remarks>Read by background work (diagnostics, glossary reloads) on other threads, hence volatile.</remarks>
    public bool ShutdownRequested { get => _shutdownRequested; set => _shutdownRequested = value; }

    private volatile bool _shutdownRequested;

    /// <summary>
    /// Completes when the glossary of this workspace has loaded, and again after each reload. initialize starts
    /// the load and answers at once; features wait for it (<see cref="WaitForGlossaryAsync"/>). It never faults:
    /// a load that fails is logged and the last good glossary stays in use.
    /// </summary>
    public Task GlossaryReady { get; private set; } = Task.CompletedTask;

    /// <summary>How long a feature waits for a glossary (re)load before it answers from the glossary in use.</summary>
    public static readonly TimeSpan GlossaryWait = TimeSpan.FromSeconds(3);

    private readonly object _reloadGate = new();
    private bool _reloadQueued;

    public void StartGlossaryLoad()
    {
        lock (_reloadGate) GlossaryReady = Task.Run(() => Guarded("Loading the glossary", () =>
        {
            var loaded = Glossary.Reload();
            Log($"Glossary: {loaded.Glossary.Entries.Count} terms from {loaded.Files.Count} files ({string.Join(", ", Glossary.WorkspaceFolders)}).");
            foreach (var problem in loaded.Problems) Log($"glossary: {problem}");
        }));
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
            Log($"The glossary is still loading after {GlossaryWait.TotalSeconds:0} s; answering from the glossary in use.");
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
            Log($"{what} failed; the last good glossary stays in use: {e.Message}");
        }
    }

    /// <summary>Set when the exit notification arrives: the exit code the process ends with.</summary>
    public TaskCompletionSource<int> Exit { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool ChineseFirst => Settings.ChineseFirst(ClientLocale);

    public void Log(string message)
    {
        lock (_log) _log.WriteLine($"[lsp-glossary] {message}");
    }

    /// <summary>Logs to stderr and shows the message in the client's output (window/logMessage).</summary>
    public void LogToClient(int type, string message)
    {
        Log(message);
        Notify(Methods.LogMessage, Json.Write(new LogMessageParams(type, message), LspJsonContext.Default.LogMessageParams));
    }

    /// <summary>Sends a notification; nothing is sent once shutdown was answered.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The argument is a JsonElement, which the formatter writes as is.")]
    public void Notify(string method, JsonElement parameters)
    {
        if (Rpc is not { } rpc || ShutdownRequested) return;
        _ = rpc.NotifyWithParameterObjectAsync(method, parameters).ContinueWith(
            t => Log($"Could not send {method}: {t.Exception?.InnerException?.Message}"),
            TaskContinuationOptions.OnlyOnFaulted);
    }

    /// <summary>
    /// Sends a request to the client and returns its result. Throws when the client answers with an error or the
    /// connection ends, and when shutdown was answered (no request is sent then).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The argument is a JsonElement, which the formatter writes as is.")]
    public Task<JsonElement> RequestAsync(string method, JsonElement parameters, CancellationToken cancellationToken = default)
    {
        if (Rpc is not { } rpc) throw new InvalidOperationException("Not connected.");
        if (ShutdownRequested) throw new InvalidOperationException($"Not sending {method}: the server is shutting down.");
        return rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters, cancellationToken);
    }

    /// <summary>Asks the client for the lspGlossary settings (workspace/configuration) and applies them.</summary>
    public async Task RefreshSettingsAsync()
    {
        if (!Client.Configuration) return;
        try
        {
            var request = Json.Write(new ConfigurationParams([new ConfigurationItem(null, SettingsReader.Section)]), LspJsonContext.Default.ConfigurationParams);
            var result = await RequestAsync(Methods.Configuration, request).ConfigureAwait(false);
            if (result.ValueKind == JsonValueKind.Array && result.GetArrayLength() > 0)
            {
                ApplySettings(SettingsReader.Read(result[0], Settings.Default));
            }
        }
        catch (Exception e)
        {
            Log($"workspace/configuration failed: {e.Message}");
        }
    }

    /// <summary>Uses new settings: reloads the glossary when its files changed, and refreshes diagnostics.</summary>
    public void ApplySettings(Settings settings)
    {
        var previous = _settings;
        _settings = settings;
        var before = previous.GlossaryFiles ?? [];
        var after = settings.GlossaryFiles ?? [];
        if (Initialized && !before.SequenceEqual(after))
        {
            Glossary.ExtraFiles = after;
            ReloadGlossary();
        }
        else
        {
            Glossary.ExtraFiles = after;
            Diagnostics.ScheduleAll();
        }
    }

    /// <summary>
    /// Reads every glossary file again off the message loop (reloads run one at a time; requests made while
    /// one waits share it), then tells the client: problems as diagnostics on the glossary files, the term
    /// count as <c>lspGlossary/status</c>, and fresh diagnostics for every open document.
    /// </summary>
    public void ReloadGlossary()
    {
        lock (_reloadGate)
        {
            if (_reloadQueued) return;
            _reloadQueued = true;
            GlossaryReady = GlossaryReady.ContinueWith(_ =>
            {
                lock (_reloadGate) _reloadQueued = false;
                Guarded("Reloading the glossary", ReloadNow);
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private void ReloadNow()
    {
        if (Glossary.ReloadIfChanged() is not { } result) return;
        Log($"Glossary: {result.Glossary.Entries.Count} terms from {result.Files.Count} files, {result.ErrorCount} errors, {result.WarningCount} warnings.");
        foreach (var problem in result.Problems) Log($"glossary: {problem}");
        Diagnostics.PublishGlossaryProblems(result);
        SendStatus();
        Diagnostics.ScheduleAll();
    }

    /// <summary>Sends <c>lspGlossary/status</c>, to clients that asked for it (initialization option <c>statusNotification</c>).</summary>
    public void SendStatus()
    {
        if (!Client.StatusNotification) return;
        var result = Glossary.Result;
        var status = new GlossaryStatus(result.Glossary.Entries.Count, result.ErrorCount, result.WarningCount, result.Files.ToList());
        Notify(Methods.Status, Json.Write(status, LspJsonContext.Default.GlossaryStatus));
    }

    /// <summary>Asks the client to report changes to workspace glossary files (workspace/didChangeWatchedFiles).</summary>
    /// <remarks>Only for clients that allow it (<c>workspace.didChangeWatchedFiles.dynamicRegistration</c>).</remarks>
    public async Task RegisterGlossaryWatcherAsync()
    {
        if (!Client.WatchedFilesRegistration) return;
        try
        {
            var registration = new RegistrationParams([new Registration("lsp-glossary-files", Methods.DidChangeWatchedFiles,
                new DidChangeWatchedFilesRegistrationOptions([new Protocol.FileSystemWatcher("**/*" + GlossaryStore.WorkspaceGlossarySuffix)]))]);
            await RequestAsync(Methods.RegisterCapability, Json.Write(registration, LspJsonContext.Default.RegistrationParams)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log($"client/registerCapability failed: {e.Message}");
        }
    }

    /// <summary>
    /// Asks the client to apply an edit (workspace/applyEdit). Returns null when it did, else why not: the client
    /// refused (its failureReason), answered with an error, or cannot apply edits at all.
    /// </summary>
    public async Task<string?> ApplyEditAsync(WorkspaceEdit edit, string label, CancellationToken cancellationToken)
    {
        if (!Client.ApplyEdit) return "the client does not support workspace/applyEdit";
        try
        {
            var answer = await RequestAsync(Methods.ApplyEdit,
                Json.Write(new ApplyWorkspaceEditParams(edit, label), LspJsonContext.Default.ApplyWorkspaceEditParams), cancellationToken).ConfigureAwait(false);
            var result = answer.ValueKind == JsonValueKind.Object ? answer.Deserialize(LspJsonContext.Default.ApplyWorkspaceEditResult) : null;
            if (result is { Applied: true }) return null;
            return result?.FailureReason is { Length: > 0 } reason ? $"the client did not apply the edit: {reason}" : "the client did not apply the edit";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"workspace/applyEdit failed: {e.Message}";
        }
    }
}
