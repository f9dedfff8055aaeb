using System.Text.Json;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// workspace/executeCommand: the code actions of clients without code action literals. The server makes the edit
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
