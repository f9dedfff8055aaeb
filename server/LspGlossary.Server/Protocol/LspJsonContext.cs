using System.Text.Json;
using System.Text.Json.Serialization;

namespace LspGlossary.Server.Protocol;

/// <summary>
/// Source-generated JSON metadata for every protocol type (NativeAOT has no reflection-based JSON).
/// CamelCase is required: without it, params bind silently to defaults.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidChangeConfigurationParams))]
[JsonSerializable(typeof(TextDocumentPositionParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(CompletionList))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(List<CodeAction>))]
[JsonSerializable(typeof(CodeAction))]
[JsonSerializable(typeof(List<Command>))]
[JsonSerializable(typeof(ExecuteCommandParams))]
[JsonSerializable(typeof(FixCommandArguments))]
[JsonSerializable(typeof(ApplyWorkspaceEditParams))]
[JsonSerializable(typeof(ApplyWorkspaceEditResult))]
[JsonSerializable(typeof(MarkupContent))]
[JsonSerializable(typeof(TextEdit))]
[JsonSerializable(typeof(InsertReplaceEdit))]
[JsonSerializable(typeof(CodeActionOptions))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(ConfigurationParams))]
[JsonSerializable(typeof(GlossaryStatus))]
[JsonSerializable(typeof(RegistrationParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
[JsonSerializable(typeof(Location))]
[JsonSerializable(typeof(List<DocumentHighlight>))]
[JsonSerializable(typeof(InlayHintParams))]
[JsonSerializable(typeof(List<InlayHint>))]
[JsonSerializable(typeof(WorkspaceSymbolParams))]
[JsonSerializable(typeof(List<SymbolInformation>))]
[JsonSerializable(typeof(DocumentSymbolParams))]
[JsonSerializable(typeof(List<DocumentSymbol>))]
[JsonSerializable(typeof(ReferenceParams))]
[JsonSerializable(typeof(List<Location>))]
[JsonSerializable(typeof(RenameParams))]
[JsonSerializable(typeof(RenameOptions))]
[JsonSerializable(typeof(PrepareRenameResult))]
[JsonSerializable(typeof(WorkspaceEdit))]
[JsonSerializable(typeof(TextDocumentEdit))]
[JsonSerializable(typeof(CreateFile))]
[JsonSerializable(typeof(SnippetTextEdit))]
[JsonSerializable(typeof(TeamGlossaryCommandArguments))]
[JsonSerializable(typeof(ShowDocumentParams))]
[JsonSerializable(typeof(CodeLensParams))]
[JsonSerializable(typeof(List<CodeLens>))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(DidChangeWorkspaceFoldersParams))]
[JsonSerializable(typeof(WorkDoneProgressCreateParams))]
[JsonSerializable(typeof(ProgressParams))]
[JsonSerializable(typeof(ShowReferencesArguments))]
[JsonSerializable(typeof(BundledFileParams))]
[JsonSerializable(typeof(BundledFileResult))]
[JsonSerializable(typeof(DiagnosticData))]
[JsonSerializable(typeof(StreamJsonRpc.Protocol.CommonErrorData))]
[JsonSerializable(typeof(StreamJsonRpc.RequestId))]
internal sealed partial class LspJsonContext : JsonSerializerContext
{
}
