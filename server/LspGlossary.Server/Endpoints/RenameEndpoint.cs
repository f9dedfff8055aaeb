using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Core.Text;
using LspGlossary.Core.Workspace;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// prepareRename and rename of a term defined in a workspace glossary: one <c>WorkspaceEdit</c> that writes the new
/// term in the glossary file and in every use written exactly as the old term (open documents as the editor has
/// them, other files as they are on disk now). A bundled term is refused with a message that says how to override it.
/// The server writes nothing itself: the client applies the edit, and can undo it.
/// </summary>
public sealed class RenameEndpoint(ServerState state, Client client)
{
    private const int RequestFailed = -32803;

    [JsonRpcMethod(Methods.PrepareRename, UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> PrepareRenameAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.TextDocumentPositionParams, Methods.PrepareRename);
        if (state.Documents.Get(p.TextDocument.Uri) is not { } document) return Json.Null;
        return await Endpoint.Run(client, Methods.PrepareRename, async () =>
        {
            if (await RenamableAtAsync(document, p.Position, cancellationToken).ConfigureAwait(false) is not { } found) return Json.Null;
            var result = new PrepareRenameResult(Protocol.Convert.ToRange(found.Lines, found.Span), found.Entry.Term);
            return Json.Write(result, LspJsonContext.Default.PrepareRenameResult);
        }, cancellationToken);
    }

    [JsonRpcMethod(Methods.Rename, UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> RenameAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.RenameParams, Methods.Rename);
        if (state.Documents.Get(p.TextDocument.Uri) is not { } document) return Json.Null;
        var openDocuments = state.Documents.All();
        var openUris = EntryLookup.OpenUris(state);
        return await Endpoint.Run(client, Methods.Rename, async () =>
        {
            if (await RenamableAtAsync(document, p.Position, cancellationToken).ConfigureAwait(false) is not { } found) return Json.Null;
            var entry = found.Entry;
            var matcher = state.Glossary.Matcher;
            if (Rename.CheckNewName(p.NewName, entry, matcher.Glossary) is { } invalid) throw Failed(invalid);
            string newName = p.NewName.Trim();

            // The glossary file, as the editor has it when it is open.
            string glossaryPath = entry.Source.File;
            var glossaryDocument = openDocuments.FirstOrDefault(d => Protocol.Convert.ToPath(d.Uri) == glossaryPath);
            string? glossaryText = glossaryDocument?.Text ?? state.Workspace.Read(glossaryPath, GlossaryStore.MaxFileBytes).Text;
            if (glossaryText is null || Rename.GlossaryFileEdit(glossaryText, glossaryPath, entry.Id, newName) is not { } termEdit)
            {
                throw Failed($"The entry '{entry.Id}' in {glossaryPath} has no 'term:' to rename.");
            }
            var changes = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal)
            {
                [glossaryDocument?.Uri ?? Protocol.Convert.ToUri(glossaryPath)] = [Protocol.Convert.ToTextEdit(LineMap.Create(glossaryText), termEdit)],
            };

            // Every use written exactly as the term: open documents from their analyses, other files read again now,
            // so that no edit lands on a range of an older version of the file.
            await state.WaitForIndexAsync(cancellationToken).ConfigureAwait(false);
            var open = await state.OpenDocumentTermsAsync(matcher, cancellationToken).ConfigureAwait(false);
            var onDisk = References.Merge(state.Index.Current, open).Except(open)
                .Where(f => f.Uses.Any(u => u.IsExactTerm && u.EntryId == entry.Id))
                .Select(f => TermIndexBuilder.Analyse(state.Workspace, f.Key, matcher, cancellationToken)?.Terms)
                .OfType<FileTerms>();
            foreach (var reference in References.Find(entry.Id, open.Concat(onDisk), includeWrongSpellings: false))
            {
                if (!reference.Use.IsExactTerm) continue;
                string uri = EntryLookup.UriOf(reference.Key, openUris);
                if (!changes.TryGetValue(uri, out var edits)) changes[uri] = edits = [];
                edits.Add(new TextEdit(Protocol.Convert.ToRange(reference.Use), newName));
            }
            return Json.Write(new WorkspaceEdit(changes), LspJsonContext.Default.WorkspaceEdit);
        }, cancellationToken);
    }

    /// <summary>The entry under the cursor when it may be renamed; throws with the reason when it may not; null on no term.</summary>
    private async Task<EntryLookup.Found?> RenamableAtAsync(TextDocument document, Position position, CancellationToken cancellationToken)
    {
        await state.WaitForGlossaryAsync(cancellationToken).ConfigureAwait(false);
        var found = await EntryLookup.AtAsync(state, document, position, state.Glossary.Matcher, cancellationToken).ConfigureAwait(false);
        if (found is null) return null;
        if (Rename.RefusalFor(found.Entry) is { } refusal) throw Failed(refusal);
        return found;
    }

    private static LocalRpcException Failed(string message) => new(message) { ErrorCode = RequestFailed };
}
