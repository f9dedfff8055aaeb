using System.Text.Json;

namespace LspGlossary.Server.Protocol;

/// <summary>Contents is Markdown or plain text, as the client's <c>hover.contentFormat</c> asks.</summary>
public sealed record Hover(MarkupContent Contents, Range Range);

/// <summary>A use of the term under the cursor; <see cref="Kind"/> is always <see cref="Text"/>: prose has no reads or writes.</summary>
public sealed record DocumentHighlight(Range Range, int Kind)
{
    public const int Text = 1;
}

public sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);

/// <summary>A plain label after a term (its expansion); <see cref="PaddingLeft"/> puts a space before it.</summary>
public sealed record InlayHint(Position Position, string Label, bool? PaddingLeft = null);

public sealed record InsertReplaceEdit(string NewText, Range Insert, Range Replace);

/// <param name="Documentation">A string (plain text) or a Markdown <see cref="MarkupContent"/>.</param>
/// <param name="TextEdit">A <see cref="Protocol.TextEdit"/>, or an <see cref="InsertReplaceEdit"/> for clients with insertReplaceSupport.</param>
public sealed record CompletionItem(
    string Label,
    int Kind,
    string? Detail,
    JsonElement? Documentation,
    string? FilterText,
    string? SortText,
    JsonElement TextEdit);

public sealed record CompletionList(bool IsIncomplete, List<CompletionItem> Items);

/// <param name="Data">What a rule keeps for its code actions: <see cref="DiagnosticData"/> (the token of an unknown acronym) as the
/// server writes it; read from requests as any JSON, since a client echoes it back as it pleases.</param>
public sealed record Diagnostic(Range Range, string Message, int? Severity = null, string? Code = null, string? Source = null,
    CodeDescription? CodeDescription = null, JsonElement? Data = null);

/// <summary>The page that documents a diagnostic's code (sent to clients with <c>codeDescriptionSupport</c>).</summary>
public sealed record CodeDescription(string Href);

/// <summary>A diagnostic's <c>data</c>: the token of an unknown acronym, for the fix that adds it to the team glossary.</summary>
public sealed record DiagnosticData(string? Acronym = null);

public sealed record PublishDiagnosticsParams(string Uri, int? Version, List<Diagnostic> Diagnostics);

public sealed record CodeActionContext(List<Diagnostic>? Diagnostics = null, List<string>? Only = null);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext? Context = null);

/// <summary>
/// A code action literal. A fix-all offered without being asked for has no <see cref="Edit"/> but <see cref="Data"/>:
/// its edit is computed by <c>codeAction/resolve</c>.
/// </summary>
/// <see cref="Command"/>, when set, runs after the edit (or instead of one: an action the server applies itself, then shows).
public sealed record CodeAction(string Title, string Kind, List<Diagnostic>? Diagnostics = null, bool? IsPreferred = null,
    WorkspaceEdit? Edit = null, CodeActionData? Data = null, Command? Command = null);

/// <summary>What <c>codeAction/resolve</c> needs to compute a deferred fix-all: the document.</summary>
public sealed record CodeActionData(string Uri);

/// <summary>A command for clients without code action literals; the client sends it back with workspace/executeCommand.</summary>
public sealed record Command(string Title, [property: System.Text.Json.Serialization.JsonPropertyName("command")] string Name, List<JsonElement>? Arguments = null);

public sealed record ExecuteCommandParams(string Command, List<JsonElement>? Arguments = null);

/// <summary>The argument of the fix commands: the document, the version the edits were computed for, and the edits.</summary>
public sealed record FixCommandArguments(string Uri, int? Version = null, List<TextEdit>? Edits = null);

/// <summary>
/// The argument of the team glossary command: the document it was offered in, what to change (<c>TeamGlossaryChange</c>
/// by name), the entry's id or the new term, and the spelling to accept. The edit is made when the command runs.
/// </summary>
public sealed record TeamGlossaryCommandArguments(string Uri, string Change, string Subject, string? Spelling = null);

/// <summary>window/showDocument: opens a document, with a selection.</summary>
public sealed record ShowDocumentParams(string Uri, bool? External = null, bool? TakeFocus = null, Range? Selection = null);

public sealed record ApplyWorkspaceEditParams(WorkspaceEdit Edit, string? Label = null);

public sealed record ApplyWorkspaceEditResult(bool Applied, string? FailureReason = null);

public sealed record WorkspaceSymbolParams(string Query);

/// <summary>
/// A symbol with its location (a workspace symbol, or a document symbol for clients without
/// <c>hierarchicalDocumentSymbolSupport</c>). <see cref="Kind"/> is <see cref="SymbolKinds.String"/>.
/// </summary>
public sealed record SymbolInformation(string Name, int Kind, Location Location, string? ContainerName = null);

/// <summary>An entry of a document's outline (clients with <c>hierarchicalDocumentSymbolSupport</c>).</summary>
public sealed record DocumentSymbol(string Name, string? Detail, int Kind, Range Range, Range SelectionRange);

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

public static class SymbolKinds
{
    /// <summary>
    /// A glossary entry is a word of prose, not a code identifier: String (15), the kind VS Code's own Markdown outline
    /// gives its headings, and one that code servers seldom use, so terms stay apart from a project's constants in a
    /// mixed workspace symbol list (Constant, 14, would mix them).
    /// </summary>
    public const int String = 15;
}
