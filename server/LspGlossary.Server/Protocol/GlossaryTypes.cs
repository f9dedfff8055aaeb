namespace LspGlossary.Server.Protocol;

/// <summary>
/// <c>lspGlossary/status</c>, sent after every glossary (re)load: the number of terms and of problems,
/// for a status display (the VS Code extension's language status item).
/// </summary>
public sealed record GlossaryStatus(int Terms, int Errors, int Warnings, List<string> Files);

/// <summary><c>lspGlossary/bundledFile</c>'s params: the virtual URI of an embedded glossary file (<see cref="BundledUri"/>).</summary>
public sealed record BundledFileParams(string Uri);

/// <summary><c>lspGlossary/bundledFile</c>'s answer: the file's whole text.</summary>
public sealed record BundledFileResult(string Text);

public sealed record FileSystemWatcher(string GlobPattern);

public sealed record DidChangeWatchedFilesRegistrationOptions(List<FileSystemWatcher> Watchers);

public sealed record Registration(string Id, string Method, DidChangeWatchedFilesRegistrationOptions RegisterOptions);

public sealed record RegistrationParams(List<Registration> Registrations);

public sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument);
