using System.Text.Json;

namespace LspGlossary.Server.Protocol;

public sealed record WorkspaceFolder(string Uri, string? Name = null);

/// <summary>
/// The initialize params this server reads. <see cref="Capabilities"/> is read by <see cref="ClientCapabilitiesReader"/>,
/// which tolerates values of unexpected types (a client's capabilities never make initialize fail).
/// </summary>
public sealed record InitializeParams(
    int? ProcessId = null,
    string? Locale = null,
    JsonElement? Capabilities = null,
    JsonElement? InitializationOptions = null,
    List<WorkspaceFolder>? WorkspaceFolders = null,
    string? RootUri = null,
    string? RootPath = null);

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change, bool? Save);

public sealed record CompletionOptions(List<string>? TriggerCharacters, bool ResolveProvider);

public sealed record CodeActionOptions(List<string> CodeActionKinds, bool ResolveProvider);

public sealed record ExecuteCommandOptions(List<string> Commands);

/// <param name="CodeActionProvider"><see cref="CodeActionOptions"/> for clients with code action literals, else <c>true</c>.</param>
/// <param name="RenameProvider"><see cref="RenameOptions"/> for clients with <c>rename.prepareSupport</c>, else <c>true</c>.</param>
public sealed record ServerCapabilities(
    string PositionEncoding,
    TextDocumentSyncOptions TextDocumentSync,
    bool HoverProvider,
    bool DefinitionProvider,
    CompletionOptions CompletionProvider,
    JsonElement CodeActionProvider,
    ExecuteCommandOptions ExecuteCommandProvider,
    bool DocumentHighlightProvider,
    bool InlayHintProvider,
    bool WorkspaceSymbolProvider,
    bool DocumentSymbolProvider,
    bool ReferencesProvider,
    JsonElement RenameProvider,
    CodeLensOptions CodeLensProvider,
    WorkspaceServerCapabilities Workspace);

/// <param name="PrepareProvider">True: the server answers textDocument/prepareRename (only for clients with prepareSupport).</param>
public sealed record RenameOptions(bool PrepareProvider);

public sealed record CodeLensOptions(bool ResolveProvider);

public sealed record WorkspaceFoldersServerCapabilities(bool Supported, bool ChangeNotifications);

public sealed record WorkspaceServerCapabilities(WorkspaceFoldersServerCapabilities WorkspaceFolders);

public sealed record ServerInfo(string Name, string Version);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);
