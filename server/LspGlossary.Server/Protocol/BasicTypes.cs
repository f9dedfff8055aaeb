using System.Text.Json;

namespace LspGlossary.Server.Protocol;

// The LSP structures this server reads and writes, and only those. Property names are camelCased by
// LspJsonContext; nulls are omitted when writing.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record TextEdit(Range Range, string NewText);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int? Version = null);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record MarkupContent(string Kind, string Value);

/// <summary>
/// Edits by URI (<see cref="Changes"/>), or for clients with <c>workspaceEdit.documentChanges</c> a list of
/// <see cref="TextDocumentEdit"/>s and resource operations (<see cref="CreateFile"/>), each as JSON.
/// </summary>
public sealed record WorkspaceEdit(Dictionary<string, List<TextEdit>>? Changes, List<JsonElement>? DocumentChanges = null);

/// <summary>A document and the version the edits were made for; <see cref="Version"/> null (written) means the file on disk.</summary>
public sealed record OptionalVersionedTextDocumentIdentifier(string Uri,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] int? Version);

/// <summary>The edits of one document; each is a <see cref="TextEdit"/> or, for clients with snippet edits, a <see cref="SnippetTextEdit"/>.</summary>
public sealed record TextDocumentEdit(OptionalVersionedTextDocumentIdentifier TextDocument, List<JsonElement> Edits);

/// <summary>A resource operation that creates a file (<see cref="Kind"/> is "create"); it fails rather than overwrite.</summary>
public sealed record CreateFile(string Kind, string Uri, CreateFileOptions? Options = null);

public sealed record CreateFileOptions(bool? Overwrite = null, bool? IgnoreIfExists = null);

/// <summary>LSP 3.18: an edit whose text is a snippet (tab stops, placeholders), for clients with <c>workspaceEdit.snippetEditSupport</c>.</summary>
public sealed record SnippetTextEdit(Range Range, StringValue Snippet);

/// <summary>A string of a kind; for snippets <see cref="Kind"/> is "snippet".</summary>
public sealed record StringValue(string Kind, string Value);

public sealed record ConfigurationItem(string? ScopeUri, string Section);

public sealed record ConfigurationParams(List<ConfigurationItem> Items);

public sealed record DidChangeConfigurationParams(JsonElement? Settings = null);
