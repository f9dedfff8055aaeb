namespace LspGlossary.Server.Protocol;

/// <summary>
/// <c>lspGlossary/status</c>, sent after every glossary (re)load: the number of terms and of problems,
/// for a status display (the VS Code extension's language status item).
/// </summary>
public sealed record GlossaryStatus(int Terms, int Errors, int Warnings, List<string> Files);

public sealed record FileSystemWatcher(string GlobPattern);

public sealed record DidChangeWatchedFilesRegistrationOptions(List<FileSystemWatcher> Watchers);

public sealed record Registration(string Id, string Method, DidChangeWatchedFilesRegistrationOptions RegisterOptions);

public sealed record RegistrationParams(List<Registration> Registrations);

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument);
