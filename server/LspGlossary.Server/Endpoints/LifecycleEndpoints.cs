using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;
using LspGlossary.Server.Protocol;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace LspGlossary.Server.Endpoints;

/// <summary>initialize, initialized, shutdown, exit — and watching the client process.</summary>
public sealed class LifecycleEndpoints(Session session)
{
    public static string Version =>
        typeof(LifecycleEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    [JsonRpcMethod(Methods.Initialize, UseSingleObjectParameterDeserialization = true)]
    public JsonElement Initialize(JsonElement parameters)
    {
        // initialize may be sent once: a second one is refused and the first one's session goes on.
        if (session.Client.Initialized)
        {
            throw new LocalRpcException("Invalid request: the server is already initialized.") { ErrorCode = (int)JsonRpcErrorCode.InvalidRequest };
        }
        var p = Json.Read(parameters, LspJsonContext.Default.InitializeParams, Methods.Initialize);
        session.State.ClientLocale = p.Locale;
        session.Client.Features = ClientCapabilitiesReader.Read(p.Capabilities, p.InitializationOptions);
        // The folders first: the project configs at their roots may name glossary files.
        session.State.Glossary.WorkspaceFolders = WorkspaceFolders(p);
        session.ApplySettings(p.InitializationOptions);
        session.Client.Initialized = true;

        // Answer at once; the features wait for the load (it reuses the parse started when the process began).
        session.State.StartGlossaryLoad();
        if (p.ProcessId is { } pid) WatchClientProcess(pid);

        var result = new InitializeResult(
            new ServerCapabilities(
                PositionEncoding: "utf-16",
                TextDocumentSync: new TextDocumentSyncOptions(OpenClose: true, Change: 2, Save: true),
                HoverProvider: true,
                DefinitionProvider: true,
                CompletionProvider: new CompletionOptions(TriggerCharacters: null, ResolveProvider: false),
                // Clients without code action literals get Commands, and a plain true (LSP 3.17).
                CodeActionProvider: session.Client.Features.CodeActionLiterals
                    ? Json.Write(new CodeActionOptions([CodeActions.QuickFix, CodeActions.FixAllKind], ResolveProvider: true), LspJsonContext.Default.CodeActionOptions)
                    : Json.True,
                ExecuteCommandProvider: new ExecuteCommandOptions([.. Commands.All]),
                DocumentHighlightProvider: true,
                // Static and always announced: a client without inlayHint support never asks. The hints themselves
                // come only with the setting lspGlossary.inlayHints.expansion.
                InlayHintProvider: true,
                WorkspaceSymbolProvider: true,
                DocumentSymbolProvider: true,
                ReferencesProvider: true,
                // prepareRename only for clients that send it; the others get the same refusals from rename itself.
                RenameProvider: session.Client.Features.PrepareRename
                    ? Json.Write(new RenameOptions(PrepareProvider: true), LspJsonContext.Default.RenameOptions)
                    : Json.True,
                CodeLensProvider: new CodeLensOptions(ResolveProvider: false),
                Workspace: new WorkspaceServerCapabilities(new WorkspaceFoldersServerCapabilities(Supported: true, ChangeNotifications: true))),
            new ServerInfo("lsp-glossary", Version));
        return Json.Write(result, LspJsonContext.Default.InitializeResult);
    }

    [JsonRpcMethod(Methods.Initialized, UseSingleObjectParameterDeserialization = true)]
    public void Initialized(JsonElement parameters)
    {
        _ = AfterInitializedAsync();
    }

    /// <summary>
    /// Pulls the settings and registers the file watcher, independently: a client that never answers one
    /// request does not hold up the other. Then reports the glossary's problems and status, and builds the term index.
    /// </summary>
    private async Task AfterInitializedAsync()
    {
        var settings = session.RefreshSettingsAsync();
        _ = session.Client.RegisterFileWatcherAsync();
        await session.State.WaitForGlossaryAsync(CancellationToken.None).ConfigureAwait(false);
        session.Diagnostics.PublishGlossaryProblems(session.State.Glossary.Result);
        session.Diagnostics.PublishConfigProblems();
        session.Client.SendStatus(session.State.Glossary.Result);
        session.RebuildIndex();
        await settings.ConfigureAwait(false);
    }

    private static List<string> WorkspaceFolders(InitializeParams p)
    {
        var folders = new List<string>();
        foreach (var folder in p.WorkspaceFolders ?? [])
        {
            if (Protocol.Convert.ToPath(folder.Uri) is { } path) folders.Add(path);
        }
        if (folders.Count == 0 && p.RootUri is { } rootUri && Protocol.Convert.ToPath(rootUri) is { } root) folders.Add(root);
        if (folders.Count == 0 && !string.IsNullOrEmpty(p.RootPath)) folders.Add(p.RootPath);
        return folders;
    }

    [JsonRpcMethod(Methods.Shutdown)]
    public JsonElement Shutdown()
    {
        session.Client.ShutdownRequested = true;
        return Json.Null;
    }

    [JsonRpcMethod(Methods.Exit)]
    public void Exit()
    {
        session.Exit.TrySetResult(session.Client.ShutdownRequested ? 0 : 1);
    }

    /// <summary>Ends the server when the editor that started it is gone (LSP initialize.processId).</summary>
    private void WatchClientProcess(int pid)
    {
        _ = Task.Run(async () =>
        {
            while (!session.Exit.Task.IsCompleted)
            {
                if (!IsAlive(pid))
                {
                    session.Client.Log($"The client process {pid} is gone; exiting.");
                    session.Exit.TrySetResult(session.Client.ShutdownRequested ? 0 : 1);
                    return;
                }
                await Task.Delay(1000).ConfigureAwait(false);
            }
        });
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
