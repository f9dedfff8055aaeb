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

    public Session(TextWriter log, string bundledGlossaryDirectory)
    {
        _log = log;
        BundledGlossaryDirectory = bundledGlossaryDirectory;
        Diagnostics = new DiagnosticsPublisher(this);
    }

    public string BundledGlossaryDirectory { get; }
    public DocumentStore Documents { get; } = new();
    public AnalysisCache Analyses { get; } = new();
    public GlossaryStore Glossary { get; } = new();
    public DiagnosticsPublisher Diagnostics { get; }

    public JsonRpc? Rpc { get; set; }
    public Settings Settings { get => _settings; set => _settings = value; }
    public string? ClientLocale { get; set; }
    public bool ClientSupportsConfiguration { get; set; }
    public bool Initialized { get; set; }
    public bool ShutdownRequested { get; set; }

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
                Settings = SettingsReader.Read(result[0], Settings.Default);
            }
        }
        catch (Exception e)
        {
            Log($"workspace/configuration failed: {e.Message}");
        }
        Diagnostics.ScheduleAll();
    }
}
