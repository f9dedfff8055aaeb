namespace LspGlossary.Server.Protocol;

public sealed record Hover(MarkupContent Contents, Range Range);

public sealed record CompletionItem(
    string Label,
    int Kind,
    string? Detail,
    MarkupContent? Documentation,
    string? FilterText,
    string? SortText,
    TextEdit TextEdit);

public sealed record CompletionList(bool IsIncomplete, List<CompletionItem> Items);

public sealed record Diagnostic(Range Range, string Message, int? Severity = null, string? Code = null, string? Source = null);

public sealed record PublishDiagnosticsParams(string Uri, int? Version, List<Diagnostic> Diagnostics);

public sealed record CodeActionContext(List<Diagnostic>? Diagnostics = null, List<string>? Only = null);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext? Context = null);

public sealed record CodeAction(string Title, string Kind, List<Diagnostic>? Diagnostics, bool? IsPreferred, WorkspaceEdit Edit);
