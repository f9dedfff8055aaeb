using System.Diagnostics.CodeAnalysis;
using LspGlossary.Core.Workspace;
using LspGlossary.Server.Endpoints;
using LspGlossary.Server.Files;
using LspGlossary.Server.Protocol;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace LspGlossary.Server;

/// <summary>Connects a session to a client over a pair of streams and runs until exit or disconnection.</summary>
public static class LanguageServer
{
    // StreamJsonRpc's formatter and target metadata use reflection that the trimmer cannot prove safe. Every
    // type they touch here is either JsonElement or in LspJsonContext, and the published NativeAOT binary
    // is exercised end to end by tests/e2e, which is what these suppressions rely on.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Covered by the tests of the published binary.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Covered by the tests of the published binary.")]
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter log, string? glossaryDirectory, IWorkspace? workspace = null)
    {
        var session = new Session(log, glossaryDirectory, workspace ?? DiskWorkspace.Instance);
        // Parse the bundled glossary while the client is still starting; initialize reuses the parse.
        _ = Task.Run(session.State.Glossary.Reload);
        var formatter = new SystemTextJsonFormatter();
        formatter.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, LspJsonContext.Default);
        using var handler = new LspMessageHandler(input, output, formatter, session.Client.Log)
        {
            RequestGate = method =>
                session.Client.ShutdownRequested ? ((int)JsonRpcErrorCode.InvalidRequest, "Invalid request: the server is shutting down.")
                : !session.Client.Initialized && method != Methods.Initialize ? (-32002, "The server is not initialized.")
                : null,
            NotificationGate = method => method == Methods.Exit || (session.Client.Initialized && !session.Client.ShutdownRequested),
        };
        using var rpc = new JsonRpc(handler)
        {
            // Messages are dispatched one at a time, in order; endpoints move their work to the thread pool.
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
        };
        session.Client.Rpc = rpc;
        session.MessageLoop = rpc.SynchronizationContext;
        var options = new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true };
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(LifecycleEndpoints)), new LifecycleEndpoints(session), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(TextSyncEndpoints)), new TextSyncEndpoints(session), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(HoverEndpoint)), new HoverEndpoint(session.State, session.Client), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(CompletionEndpoint)), new CompletionEndpoint(session.State, session.Client), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(CodeActionEndpoint)), new CodeActionEndpoint(session.State, session.Client), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(ExecuteCommandEndpoint)), new ExecuteCommandEndpoint(session.State, session.Client), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(ConfigurationEndpoint)), new ConfigurationEndpoint(session), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(WatchedFilesEndpoint)), new WatchedFilesEndpoint(session), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(DefinitionEndpoint)), new DefinitionEndpoint(session.State, session.Client), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(DocumentHighlightEndpoint)), new DocumentHighlightEndpoint(session.State, session.Client), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(InlayHintEndpoint)), new InlayHintEndpoint(session.State, session.Client), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(WorkspaceSymbolEndpoint)), new WorkspaceSymbolEndpoint(session.State, session.Client), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(DocumentSymbolEndpoint)), new DocumentSymbolEndpoint(session.State, session.Client), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(ReferencesEndpoint)), new ReferencesEndpoint(session.State, session.Client), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(RenameEndpoint)), new RenameEndpoint(session.State, session.Client), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(CodeLensEndpoint)), new CodeLensEndpoint(session.State, session.Client), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(WorkspaceFoldersEndpoint)), new WorkspaceFoldersEndpoint(session), options);
        rpc.AddLocalRpcTarget(RpcTargetMetadata.FromClass(typeof(BundledFileEndpoint)), new BundledFileEndpoint(session.Client), options);
        rpc.StartListening();

        var ended = await Task.WhenAny(session.Exit.Task, rpc.Completion).ConfigureAwait(false);
        if (ended == session.Exit.Task) return session.Exit.Task.Result;
        session.Client.Log("The client closed the connection.");
        return session.Client.ShutdownRequested ? 0 : 1;
    }
}
