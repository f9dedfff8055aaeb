using System.Text.Json;

namespace LspGlossary.Server.Protocol;

public sealed record GeneralClientCapabilities(List<string>? PositionEncodings = null);

public sealed record DynamicRegistrationCapability(bool? DynamicRegistration = null);

public sealed record WorkspaceClientCapabilities(bool? Configuration = null, DynamicRegistrationCapability? DidChangeWatchedFiles = null);

public sealed record WorkspaceFolder(string Uri, string? Name = null);

public sealed record ClientCapabilities(GeneralClientCapabilities? General = null, WorkspaceClientCapabilities? Workspace = null);

public sealed record InitializeParams(
    int? ProcessId = null,
    string? Locale = null,
    ClientCapabilities? Capabilities = null,
    JsonElement? InitializationOptions = null,
    List<WorkspaceFolder>? WorkspaceFolders = null,
    string? RootUri = null,
    string? RootPath = null);

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change, bool? Save);

public sealed record CompletionOptions(List<string>? TriggerCharacters, bool ResolveProvider);

public sealed record CodeActionOptions(List<string> CodeActionKinds, bool ResolveProvider);

public sealed record ServerCapabilities(
    string PositionEncoding,
    TextDocumentSyncOptions TextDocumentSync,
    bool HoverProvider,
    bool DefinitionProvider,
    CompletionOptions CompletionProvider,
    CodeActionOptions CodeActionProvider);

public sealed record ServerInfo(string Name, string Version);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);
