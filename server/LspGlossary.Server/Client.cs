using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LspGlossary.Core.Glossary;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server;

/// <summary>
/// The connection to the client: what it supports, where it is in its lifecycle, and every message the server
/// sends it (<see cref="Notify"/> and <see cref="RequestAsync"/> are the only ways out). It holds no documents,
/// glossary or settings: what a message says comes from its caller.
/// </summary>
public sealed class Client(TextWriter log)
{
    private volatile bool _initialized;
    private volatile bool _shutdownRequested;

    public JsonRpc? Rpc { get; set; }

    /// <summary>What the client supports (from initialize): every answer and every message to the client follows it.</summary>
    public ClientFeatures Features { get; set; } = ClientFeatures.None;

    /// <summary>Set when initialize is answered. Read by the message reader's gates, on its own thread.</summary>
    public bool Initialized { get => _initialized; set => _initialized = value; }

    /// <summary>Set when shutdown is answered: from then on the server sends no request and no notification.</summary>
    /// <remarks>Read by background work (diagnostics, glossary reloads) and the reader's gates on other threads.</remarks>
    public bool ShutdownRequested { get => _shutdownRequested; set => _shutdownRequested = value; }

    /// <summary>Logs to stderr (clients show it in their output; the server sends no window/logMessage).</summary>
    public void Log(string message)
    {
        lock (log) log.WriteLine($"[lsp-glossary] {message}");
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

    /// <summary>
    /// Asks the client to request inlay hints again (<c>workspace/inlayHint/refresh</c>, no params): after the setting
    /// <c>inlayHints.expansion</c> changed. Only for clients with <c>workspace.inlayHint.refreshSupport</c>; a failure is logged.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "No argument is serialized.")]
    public async Task RefreshInlayHintsAsync()
    {
        if (!Features.InlayHintRefresh || Rpc is not { } rpc || ShutdownRequested) return;
        try
        {
            await rpc.InvokeWithParameterObjectAsync<JsonElement>(Methods.InlayHintRefresh, null).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log($"{Methods.InlayHintRefresh} failed: {e.Message}");
        }
    }

    /// <summary>
    /// Asks the client for the lspGlossary settings (workspace/configuration): one item without a scope, then one per
    /// workspace folder (<c>scopeUri</c>: a multi-root workspace's folders may each set their own). Returns the objects
    /// it answers, the unscoped one first, to be read by <see cref="SettingsReader"/>; null when the client does not
    /// support the request, answers with no item, or fails (logged).
    /// </summary>
    public async Task<List<JsonElement>?> PullSettingsAsync(IReadOnlyList<string> folderUris)
    {
        if (!Features.Configuration) return null;
        try
        {
            var items = new List<ConfigurationItem> { new(null, SettingsReader.Section) };
            items.AddRange(folderUris.Select(uri => new ConfigurationItem(uri, SettingsReader.Section)));
            var request = Json.Write(new ConfigurationParams(items), LspJsonContext.Default.ConfigurationParams);
            var result = await RequestAsync(Methods.Configuration, request).ConfigureAwait(false);
            return result.ValueKind == JsonValueKind.Array && result.GetArrayLength() > 0 ? result.EnumerateArray().Select(e => e.Clone()).ToList() : null;
        }
        catch (Exception e)
        {
            Log($"{Methods.Configuration} failed: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// Asks the client to report changes to the files the server reads (workspace/didChangeWatchedFiles): workspace
    /// glossary files, and the Markdown and code files of the term index (<see cref="WatchedFilePatterns"/>).
    /// </summary>
    /// <remarks>Only for clients that allow it (<c>workspace.didChangeWatchedFiles.dynamicRegistration</c>).</remarks>
    public async Task RegisterFileWatcherAsync()
    {
        if (!Features.WatchedFilesRegistration) return;
        try
        {
            var registration = new RegistrationParams([new Registration("lsp-glossary-files", Methods.DidChangeWatchedFiles,
                new DidChangeWatchedFilesRegistrationOptions(WatchedFilePatterns().Select(p => new Protocol.FileSystemWatcher(p)).ToList()))]);
            await RequestAsync(Methods.RegisterCapability, Json.Write(registration, LspJsonContext.Default.RegistrationParams)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log($"{Methods.RegisterCapability} failed: {e.Message}");
        }
    }

    /// <summary>
    /// The glob patterns of the watcher: glossary files, project configs, then every extension and file name of the language table
    /// (<c>**/*.{md,markdown,py,…}</c>, <c>**/{Dockerfile,…}</c>), the term index's files.
    /// </summary>
    public static List<string> WatchedFilePatterns()
    {
        var extensions = Core.Analysis.Languages.All.SelectMany(l => l.Extensions).Concat(Core.Analysis.Languages.MarkdownExtensions)
            .Select(e => e.TrimStart('.')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var names = Core.Analysis.Languages.All.SelectMany(l => l.FileNames).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var patterns = new List<string> { "**/*" + GlossaryStore.WorkspaceGlossarySuffix, "**/" + Core.Config.ProjectConfig.FileName, "**/*.{" + string.Join(',', extensions) + "}" };
        if (names.Count > 0) patterns.Add("**/{" + string.Join(',', names) + "}");
        return patterns;
    }

    /// <summary>
    /// Starts a work-done progress (<c>window/workDoneProgress/create</c>, then <c>$/progress</c> begin) for clients with
    /// <c>window.workDoneProgress</c>; null for others. The client's answer to create is not awaited: reports wait for it.
    /// </summary>
    public WorkDoneProgress? BeginProgress(string title)
    {
        if (!Features.WorkDoneProgress || Rpc is null || ShutdownRequested) return null;
        string token = $"lsp-glossary-{Interlocked.Increment(ref _progressTokens)}";
        Task<bool> created;
        try
        {
            created = RequestAsync(Methods.WorkDoneProgressCreate, Json.Write(new WorkDoneProgressCreateParams(token), LspJsonContext.Default.WorkDoneProgressCreateParams))
                .ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        var progress = new WorkDoneProgress(this, token, created);
        progress.Send(new WorkDoneProgressValue("begin", Title: title, Percentage: 0));
        return progress;
    }

    private int _progressTokens;

    /// <summary>
    /// Asks the client to request code lenses again (<c>workspace/codeLens/refresh</c>): after the index changed. Only
    /// for clients with <c>workspace.codeLens.refreshSupport</c>; a failure is logged.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "No argument is serialized.")]
    public async Task RefreshCodeLensesAsync()
    {
        if (!Features.CodeLensRefresh || Rpc is not { } rpc || ShutdownRequested) return;
        try
        {
            await rpc.InvokeWithParameterObjectAsync<JsonElement>(Methods.CodeLensRefresh, null).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log($"{Methods.CodeLensRefresh} failed: {e.Message}");
        }
    }

    /// <summary>Sends <c>lspGlossary/status</c>, to clients that asked for it (initialization option <c>statusNotification</c>).</summary>
    public void SendStatus(GlossaryLoadResult result)
    {
        if (!Features.StatusNotification) return;
        var status = new GlossaryStatus(result.Glossary.Entries.Count, result.ErrorCount, result.WarningCount, result.Files.ToList());
        Notify(Methods.Status, Json.Write(status, LspJsonContext.Default.GlossaryStatus));
    }

    /// <summary>
    /// Asks the client to apply an edit (workspace/applyEdit). Returns null when it did, else why not: the client
    /// refused (its failureReason), answered with an error, or cannot apply edits at all.
    /// </summary>
    public async Task<string?> ApplyEditAsync(WorkspaceEdit edit, string label, CancellationToken cancellationToken)
    {
        if (!Features.ApplyEdit) return $"the client does not support {Methods.ApplyEdit}";
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
            return $"{Methods.ApplyEdit} failed: {e.Message}";
        }
    }

    /// <summary>
    /// Opens a document with a selection (window/showDocument), only for a client with <c>window.showDocument.support</c>;
    /// a refusal or failure is logged, nothing more.
    /// </summary>
    public async Task ShowDocumentAsync(string uri, Protocol.Range selection, CancellationToken cancellationToken)
    {
        if (!Features.ShowDocument) return;
        try
        {
            await RequestAsync(Methods.ShowDocument, Json.Write(new ShowDocumentParams(uri, TakeFocus: true, Selection: selection), LspJsonContext.Default.ShowDocumentParams),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log($"{Methods.ShowDocument} failed: {e.Message}");
        }
    }
}

/// <summary>
/// One work-done progress the server reports (<c>$/progress</c> with its token): begin, reports at most every 200 ms,
/// end. Nothing is sent unless the client accepted the token's creation; messages wait for that answer in order.
/// </summary>
public sealed class WorkDoneProgress(Client client, string token, Task<bool> created)
{
    private readonly object _gate = new();
    private Task _sent = created;
    private long _lastReport;
    private bool _ended;

    public void Report(int done, int total)
    {
        long now = Environment.TickCount64;
        lock (_gate)
        {
            if (_ended || now - _lastReport < 200) return;
            _lastReport = now;
        }
        int percentage = total == 0 ? 100 : (int)(100L * done / total);
        Send(new WorkDoneProgressValue("report", Message: $"{done}/{total} files", Percentage: percentage));
    }

    public void End(string message)
    {
        lock (_gate)
        {
            if (_ended) return;
            _ended = true;
        }
        Send(new WorkDoneProgressValue("end", Message: message));
    }

    internal void Send(WorkDoneProgressValue value)
    {
        var parameters = Json.Write(new ProgressParams(token, value), LspJsonContext.Default.ProgressParams);
        lock (_gate)
        {
            _sent = _sent.ContinueWith(t =>
            {
                if (created.IsCompletedSuccessfully && created.Result) client.Notify(Methods.Progress, parameters);
            }, TaskScheduler.Default);
        }
    }
}
