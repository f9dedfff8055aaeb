using System.Text.Json;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>workspace/didChangeWatchedFiles: a glossary file was created, changed or deleted on disk.</summary>
public sealed class WatchedFilesEndpoint(Session session)
{
    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWatchedFiles(JsonElement parameters) => Endpoint.Handle(session, "didChangeWatchedFiles", session.ReloadGlossary);
}
