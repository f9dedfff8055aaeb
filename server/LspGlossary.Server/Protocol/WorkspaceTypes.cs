using System.Text.Json;

namespace LspGlossary.Server.Protocol;

public sealed record ReferenceContext(bool IncludeDeclaration);

public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context = null);

public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);

/// <summary>The answer to prepareRename: the range the client edits, with the canonical term as its text.</summary>
public sealed record PrepareRenameResult(Range Range, string Placeholder);

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

/// <summary>"N uses in M files" over a glossary entry; its command shows the references (the client's own command).</summary>
public sealed record CodeLens(Range Range, Command Command);

/// <param name="Type">1 created, 2 changed, 3 deleted.</param>
public sealed record FileEvent(string Uri, int Type)
{
    public const int Deleted = 3;
}

public sealed record DidChangeWatchedFilesParams(List<FileEvent>? Changes = null);

public sealed record WorkspaceFoldersChangeEvent(List<WorkspaceFolder> Added, List<WorkspaceFolder> Removed);

public sealed record DidChangeWorkspaceFoldersParams(WorkspaceFoldersChangeEvent Event);

public sealed record WorkDoneProgressCreateParams(string Token);

/// <summary>A begin, report or end value of work-done progress (<see cref="Kind"/>).</summary>
public sealed record WorkDoneProgressValue(string Kind, string? Title = null, string? Message = null, int? Percentage = null);

public sealed record ProgressParams(string Token, WorkDoneProgressValue Value);

/// <summary>The arguments of the code lens command <c>lspGlossary.showReferences</c>: the glossary file and the entry's position.</summary>
public sealed record ShowReferencesArguments(string Uri, Position Position);
