using System.Text.Json;
using LspGlossary.Server.Protocol;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>workspace/didChangeWorkspaceFolders: folders added or removed (multi-root workspaces).</summary>
public sealed class WorkspaceFoldersEndpoint(Session session)
{
    [JsonRpcMethod(Methods.DidChangeWorkspaceFolders, UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWorkspaceFolders(JsonElement parameters) => Endpoint.Handle(session.Client, Methods.DidChangeWorkspaceFolders, () =>
    {
        var change = Json.Read(parameters, LspJsonContext.Default.DidChangeWorkspaceFoldersParams, Methods.DidChangeWorkspaceFolders).Event;
        session.ChangeWorkspaceFolders(Paths(change.Added), Paths(change.Removed));
    });

    private static List<string> Paths(List<WorkspaceFolder>? folders) =>
        (folders ?? []).Select(f => Protocol.Convert.ToPath(f.Uri)).OfType<string>().ToList();
}
