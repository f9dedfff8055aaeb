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
    public bool ClientSupportsConfiguration { get; set; }
    public bool ClientSupportsWatcherRegistration { get; set; }
    public bool Initialized { get; set; }
    public bool ShutdownRequested { get; set; }

    /// <summary>
    /// Completes when the glossary of this workspace has loaded. initialize starts the load and answers at
    /// once; every feature awaits this before it reads the glossary.
    /// </summary>
    public Task GlossaryReady { get; private set; } = Task.CompletedTask;

    public void StartGlossaryLoad()
    {
        GlossaryReady = Task.Run(() =>
        {
            var loaded = Glossary.Reload();
            Log($"Glossary: {loaded.Glossary.Entries.Count} terms from {loaded.Files.Count} files ({string.Join(", ", Glossary.WorkspaceFolders)}).");
            foreach (var problem in loaded.Problems) Log($"glossary: {problem}");
        });
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
        Notify("window/logMessage", Json.Write(new LogMessageParams(type, message), LspJsonContext.Default.LogMessageParams));
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The argument is a JsonElement, which the formatter writes as is.")]
    public void Notify(string method, JsonElement parameters)
    {
        if (Rpc is not { } rpc) return;
        _ = rpc.NotifyWithParameterObjectAsync(method, parameters).ContinueWith(
            t => Log($"Could not send {method}: {t.Exception?.InnerException?.Message}"),
            TaskContinuationOptions.OnlyOnFaulted);
    }

    /// <summary>Asks the client for the lspGlossary settings (workspace/configuration) and applies them.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The argument is a JsonElement, which the formatter writes as is.")]
    public async Task RefreshSettingsAsync()
    {
        if (!ClientSupportsConfiguration || Rpc is not { } rpc) return;
        try
        {
            var request = Json.Write(new ConfigurationParams([new ConfigurationItem(null, SettingsReader.Section)]), LspJsonContext.Default.ConfigurationParams);
            var result = await rpc.InvokeWithParameterObjectAsync<JsonElement>("workspace/configuration", request).ConfigureAwait(false);
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
    /// Reads every glossary file again, then tells the client: problems as diagnostics on the glossary files,
    /// the term count as <c>lspGlossary/status</c>, and fresh diagnostics for every open document.
    /// </summary>
    public void ReloadGlossary()
    {
        if (Glossary.ReloadIfChanged() is not { } result) return;
        Log($"Glossary: {result.Glossary.Entries.Count} terms from {result.Files.Count} files, {result.ErrorCount} errors, {result.WarningCount} warnings.");
        foreach (var problem in result.Problems) Log($"glossary: {problem}");
        Diagnostics.PublishGlossaryProblems(result);
        SendStatus();
        Diagnostics.ScheduleAll();
    }

    public void SendStatus()
    {
        var result = Glossary.Result;
        var status = new GlossaryStatus(result.Glossary.Entries.Count, result.ErrorCount, result.WarningCount, result.Files.ToList());
        Notify("lspGlossary/status", Json.Write(status, LspJsonContext.Default.GlossaryStatus));
    }

    /// <summary>Asks the client to report changes to workspace glossary files (workspace/didChangeWatchedFiles).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The argument is a JsonElement, which the formatter writes as is.")]
    public async Task RegisterGlossaryWatcherAsync()
    {
        if (!ClientSupportsWatcherRegistration || Rpc is not { } rpc) return;
        try
        {
            var registration = new RegistrationParams([new Registration("lsp-glossary-files", "workspace/didChangeWatchedFiles",
                new DidChangeWatchedFilesRegistrationOptions([new Protocol.FileSystemWatcher("**/*" + GlossaryStore.WorkspaceGlossarySuffix)]))]);
            await rpc.InvokeWithParameterObjectAsync<JsonElement>("client/registerCapability",
                Json.Write(registration, LspJsonContext.Default.RegistrationParams)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log($"client/registerCapability failed: {e.Message}");
        }
    }
}
