namespace LspGlossary.Server.Protocol;

/// <summary>
/// The name of every LSP and JSON-RPC method the server handles or sends, in one place: the endpoints'
/// <c>[JsonRpcMethod]</c> attributes, their params errors, the message gates and every message to the client use these.
/// </summary>
public static class Methods
{
    // Lifecycle (client → server).
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";

    // Text synchronisation (client → server).
    public const string DidOpen = "textDocument/didOpen";
    public const string DidChange = "textDocument/didChange";
    public const string DidSave = "textDocument/didSave";
    public const string DidClose = "textDocument/didClose";

    // Language features (client → server).
    public const string Hover = "textDocument/hover";
    public const string Completion = "textDocument/completion";
    public const string Definition = "textDocument/definition";
    public const string DocumentHighlight = "textDocument/documentHighlight";
    public const string InlayHint = "textDocument/inlayHint";
    public const string CodeAction = "textDocument/codeAction";
    public const string CodeActionResolve = "codeAction/resolve";
    public const string ExecuteCommand = "workspace/executeCommand";
    public const string DocumentSymbol = "textDocument/documentSymbol";
    public const string WorkspaceSymbol = "workspace/symbol";
    public const string References = "textDocument/references";
    public const string PrepareRename = "textDocument/prepareRename";
    public const string Rename = "textDocument/rename";
    public const string CodeLens = "textDocument/codeLens";

    // Workspace (client → server).
    public const string DidChangeConfiguration = "workspace/didChangeConfiguration";
    public const string DidChangeWatchedFiles = "workspace/didChangeWatchedFiles";
    public const string DidChangeWorkspaceFolders = "workspace/didChangeWorkspaceFolders";

    // Server → client.
    public const string PublishDiagnostics = "textDocument/publishDiagnostics";
    public const string Configuration = "workspace/configuration";
    public const string RegisterCapability = "client/registerCapability";
    public const string ApplyEdit = "workspace/applyEdit";
    public const string ShowDocument = "window/showDocument";
    public const string InlayHintRefresh = "workspace/inlayHint/refresh";
    public const string CodeLensRefresh = "workspace/codeLens/refresh";
    public const string WorkDoneProgressCreate = "window/workDoneProgress/create";
    public const string Progress = "$/progress";

    /// <summary>The server's own notification: the glossary's term and problem counts (<see cref="GlossaryStatus"/>).</summary>
    public const string Status = "lspGlossary/status";

    /// <summary>
    /// The server's own request (client → server): the text of a file of the glossary embedded in the binary, by its
    /// virtual URI (<see cref="BundledUri"/>), for clients that open bundled entries as virtual documents.
    /// </summary>
    public const string BundledFile = "lspGlossary/bundledFile";

    /// <summary>The URI scheme of the embedded glossary's files (<see cref="BundledUri"/>): not a method, but ours too.</summary>
    public const string BundledScheme = "lsp-glossary-bundled";
}
