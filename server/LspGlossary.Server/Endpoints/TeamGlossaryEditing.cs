using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Core.Text;
using LspGlossary.Core.Workspace;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// What the code actions and the command that write the team glossary share: where the file is (<see cref="PathFor"/>,
/// the one place that decides it), its text (the open document's, else the disk's, read through the server state's
/// <see cref="IWorkspace"/>: the server writes no file), and the <c>WorkspaceEdit</c> in the form the client takes.
/// </summary>
internal static class TeamGlossaryEditing
{
    /// <summary>The last file read and what became of it: code actions are asked for at every cursor move.</summary>
    private sealed record Cached(string Path, string? Text, TeamGlossaryFile? File, string? Refusal);

    private static volatile Cached? s_last;
    private static volatile string? s_lastLogged;

    /// <summary>
    /// The team glossary of the workspace folder that holds the document (the innermost one), or null for a document
    /// without a path or outside every folder. It may resolve links: call it off the message loop.
    /// </summary>
    public static string? PathFor(ServerState state, string documentUri)
    {
        if (Protocol.Convert.ToPath(documentUri) is not { } path) return null;
        var folder = state.Glossary.WorkspaceFolders.Where(f => state.Workspace.IsInside(path, f)).MaxBy(f => f.Length);
        if (folder is null) return null;
        // A project config may name another file, inside the folder (a repository cannot point quick fixes elsewhere).
        var config = state.ConfigFor(documentUri);
        return TeamGlossaryFile.TeamGlossaryPath(folder, config?.TeamGlossary, config?.Folder);
    }

    /// <summary>The open document of the file, if the editor has it open (<paramref name="openDocuments"/> taken in message order).</summary>
    public static TextDocument? OpenDocument(IReadOnlyList<TextDocument> openDocuments, string path) =>
        openDocuments.FirstOrDefault(d => Protocol.Convert.ToPath(d.Uri) == path);

    /// <summary>
    /// The file as quick fixes may edit it, or null (the reason logged once) when it is unreadable, larger than
    /// <see cref="GlossaryStore.MaxFileBytes"/>, or does not load.
    /// </summary>
    public static TeamGlossaryFile? Read(ServerState state, Client client, string path, TextDocument? open)
    {
        string? text = open?.Text;
        if (open is null)
        {
            var read = state.Workspace.Read(path, GlossaryStore.MaxFileBytes);
            if (!read.IsOk && read.Error != WorkspaceReadError.NotFound)
            {
                LogOnce(client, $"{path} {read.Message}; quick fixes do not edit it.");
                return null;
            }
            text = read.Text;
        }
        var last = s_last;
        if (last is not null && last.Path == path && string.Equals(last.Text, text, StringComparison.Ordinal))
        {
            if (last.Refusal is not null) LogOnce(client, last.Refusal);
            return last.File;
        }
        var file = TeamGlossaryFile.Read(path, text, out string? refusal);
        s_last = new Cached(path, text, file, refusal);
        if (refusal is not null) LogOnce(client, refusal);
        return file;
    }

    private static void LogOnce(Client client, string message)
    {
        if (s_lastLogged == message) return;
        s_lastLogged = message;
        client.Log(message);
    }

    /// <summary>
    /// The edit in the client's form: <c>documentChanges</c> (the open document's version, a <c>CreateFile</c> first when the
    /// file is absent, a snippet edit that puts the cursor on a new entry's definition when <paramref name="snippet"/> and
    /// the client takes snippets), else <c>changes</c>. Null when the client cannot take it: a file to create needs
    /// <c>documentChanges</c> and the <c>create</c> resource operation.
    /// </summary>
    public static WorkspaceEdit? EditOf(ClientFeatures features, TeamGlossaryFile file, TeamGlossaryEdit edit, TextDocument? open, bool snippet)
    {
        string uri = UriOf(file, open);
        var range = Protocol.Convert.ToRange(open?.Lines ?? LineMap.Create(file.Text ?? ""), edit.Replacement.Span);
        string newText = edit.Replacement.NewText;
        if (!features.DocumentChanges)
        {
            return file.Exists ? new WorkspaceEdit(new Dictionary<string, List<TextEdit>> { [uri] = [new TextEdit(range, newText)] }) : null;
        }
        var changes = new List<JsonElement>();
        if (!file.Exists)
        {
            if (!features.CreateFiles) return null;
            // Without options a create fails on a file that appeared meanwhile, rather than write over it.
            changes.Add(Json.Write(new CreateFile("create", uri), LspJsonContext.Default.CreateFile));
        }
        var textEdit = snippet && features.SnippetEdits && edit.Placeholder is { } placeholder
            ? Json.Write(new SnippetTextEdit(range, new StringValue("snippet", TeamGlossaryEdits.Snippet(newText, placeholder))), LspJsonContext.Default.SnippetTextEdit)
            : Json.Write(new TextEdit(range, newText), LspJsonContext.Default.TextEdit);
        changes.Add(Json.Write(new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier(uri, open?.Version), [textEdit]), LspJsonContext.Default.TextDocumentEdit));
        return new WorkspaceEdit(null, changes);
    }

    /// <summary>Where a new entry's definition placeholder is in the file once the edit is applied.</summary>
    public static Protocol.Range? PlaceholderRange(TeamGlossaryEdit edit)
    {
        if (edit.Placeholder is not { } placeholder) return null;
        var span = new TextSpan(edit.Replacement.Span.Start + placeholder.Start, placeholder.Length);
        return Protocol.Convert.ToRange(LineMap.Create(edit.NewFileText), span);
    }

    /// <summary>The URI the edit of the file is made on: the open document's, else the file's.</summary>
    public static string UriOf(TeamGlossaryFile file, TextDocument? open) => open?.Uri ?? Protocol.Convert.ToUri(file.Path);
}
