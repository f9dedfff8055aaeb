using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// workspace/executeCommand: the code actions of clients without code action literals, and the team glossary's
/// command (also the action of a new entry for clients that show it with window/showDocument instead of a snippet). The server makes the edit
/// and asks the client to apply it (workspace/applyEdit); the command answers null when the client applied it,
/// and an error saying why not otherwise.
/// </summary>
public sealed class ExecuteCommandEndpoint(ServerState state, Client client)
{
    private const int RequestFailed = -32803;

    [JsonRpcMethod(Methods.ExecuteCommand, UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> ExecuteCommandAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        const string method = Methods.ExecuteCommand;
        var p = Json.Read(parameters, LspJsonContext.Default.ExecuteCommandParams, method);
        if (!Commands.All.Contains(p.Command)) throw Json.InvalidParams(method, $"unknown command '{p.Command}'");
        if (p.Arguments is not [{ ValueKind: JsonValueKind.Object } argument]) throw Json.InvalidParams(method, "one argument object expected");
        if (p.Command == Commands.TeamGlossary) return await TeamGlossaryAsync(Json.Read(argument, LspJsonContext.Default.TeamGlossaryCommandArguments, method), cancellationToken);
        var arguments = Json.Read(argument, LspJsonContext.Default.FixCommandArguments, method);

        if (p.Command == Commands.Fix)
        {
            // The edits were computed for one version: on any other text they could land in the wrong place.
            if (state.Documents.Get(arguments.Uri) is not { } document || document.Version != arguments.Version || arguments.Edits is null)
            {
                throw Failed("the document changed since the fix was offered; ask for code actions again");
            }
            var edit = new WorkspaceEdit(new Dictionary<string, List<TextEdit>> { [arguments.Uri] = arguments.Edits });
            return await ApplyAsync(edit, "Fix glossary spelling", cancellationToken);
        }

        var settings = state.SettingsFor(arguments.Uri);
        var analysis = Endpoint.AnalysisOf(state, arguments.Uri, cancellationToken) ?? throw Failed("the document is not open");
        return await Endpoint.Run(client, method, async () =>
        {
            var (result, matcher) = await analysis().ConfigureAwait(false);
            return await ApplyAsync(CodeActionEndpoint.FixAllEdit(result, settings, matcher.Glossary, cancellationToken), "Fix all glossary findings", cancellationToken)
                .ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>
    /// Writes the team glossary: the edit is made now, on the file as it is (the open document's text, else the disk's),
    /// applied by the client, and a new entry's definition is then shown selected (window/showDocument, where supported).
    /// </summary>
    private async Task<JsonElement> TeamGlossaryAsync(TeamGlossaryCommandArguments arguments, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<TeamGlossaryChange>(arguments.Change, out var change)) throw Json.InvalidParams(Methods.ExecuteCommand, $"unknown change '{arguments.Change}'");
        var openDocuments = state.Documents.All();
        return await Endpoint.Run(client, Methods.ExecuteCommand, async () =>
        {
            string path = TeamGlossaryEditing.PathFor(state, arguments.Uri) ?? throw Failed("the document is in no workspace folder, so it has no team glossary");
            var open = TeamGlossaryEditing.OpenDocument(openDocuments, path);
            await state.WaitForGlossaryAsync(cancellationToken).ConfigureAwait(false);
            var file = TeamGlossaryEditing.Read(state, client, path, open) ?? throw Failed($"{path} cannot be edited now (see the server's log)");
            var action = TeamGlossaryActions.Build(change, arguments.Subject, arguments.Spelling, file, state.Glossary.Glossary)
                ?? throw Failed($"'{arguments.Subject}' cannot be written to {path} now; ask for code actions again");
            var edit = TeamGlossaryEditing.EditOf(client.Features, file, action.Edit, open, snippet: false)
                ?? throw Failed($"{path} does not exist, and the client cannot create files");
            await ApplyAsync(edit, action.Title, cancellationToken).ConfigureAwait(false);
            if (TeamGlossaryEditing.PlaceholderRange(action.Edit) is { } selection)
            {
                await client.ShowDocumentAsync(TeamGlossaryEditing.UriOf(file, open), selection, cancellationToken).ConfigureAwait(false);
            }
            return Json.Null;
        }, cancellationToken);
    }

    private async Task<JsonElement> ApplyAsync(WorkspaceEdit edit, string label, CancellationToken cancellationToken)
    {
        if (await client.ApplyEditAsync(edit, label, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            client.Log($"{Methods.ExecuteCommand}: {failure}");
            throw Failed(failure);
        }
        return Json.Null;
    }

    private static LocalRpcException Failed(string message) => new(message) { ErrorCode = RequestFailed };
}
