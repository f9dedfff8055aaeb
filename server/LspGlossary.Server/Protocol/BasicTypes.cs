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

public sealed record WorkspaceEdit(Dictionary<string, List<TextEdit>> Changes);

public sealed record ConfigurationItem(string? ScopeUri, string Section);

public sealed record ConfigurationParams(List<ConfigurationItem> Items);

public sealed record DidChangeConfigurationParams(JsonElement? Settings = null);
