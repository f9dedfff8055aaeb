using System.Text.Json;
using LspGlossary.Server.Protocol;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>workspace/didChangeWatchedFiles: a glossary file was created, changed or deleted on disk.</summary>
public sealed class WatchedFilesEndpoint(Session session)
{
    [JsonRpcMethod(Methods.DidChangeWatchedFiles, UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWatchedFiles(JsonElement parameters) => Endpoint.Handle(session.Client, Methods.DidChangeWatchedFiles, session.ReloadGlossary);
}
