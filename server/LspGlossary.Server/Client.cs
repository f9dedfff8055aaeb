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
    /// Asks the client for the lspGlossary settings (workspace/configuration). Null when the client does not
    /// support the request, answers with nothing usable, or fails (logged).
    /// </summary>
    public async Task<Core.Features.Settings?> PullSettingsAsync()
    {
        if (!Features.Configuration) return null;
        try
        {
            var request = Json.Write(new ConfigurationParams([new ConfigurationItem(null, SettingsReader.Section)]), LspJsonContext.Default.ConfigurationParams);
            var result = await RequestAsync(Methods.Configuration, request).ConfigureAwait(false);
            return result.ValueKind == JsonValueKind.Array && result.GetArrayLength() > 0
                ? SettingsReader.Read(result[0], Core.Features.Settings.Default)
                : null;
        }
        catch (Exception e)
        {
            Log($"{Methods.Configuration} failed: {e.Message}");
            return null;
        }
    }

    /// <summary>Asks the client to report changes to workspace glossary files (workspace/didChangeWatchedFiles).</summary>
    /// <remarks>Only for clients that allow it (<c>workspace.didChangeWatchedFiles.dynamicRegistration</c>).</remarks>
    public async Task RegisterGlossaryWatcherAsync()
    {
        if (!Features.WatchedFilesRegistration) return;
        try
        {
            var registration = new RegistrationParams([new Registration("lsp-glossary-files", Methods.DidChangeWatchedFiles,
                new DidChangeWatchedFilesRegistrationOptions([new Protocol.FileSystemWatcher("**/*" + GlossaryStore.WorkspaceGlossarySuffix)]))]);
            await RequestAsync(Methods.RegisterCapability, Json.Write(registration, LspJsonContext.Default.RegistrationParams)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log($"{Methods.RegisterCapability} failed: {e.Message}");
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
}
