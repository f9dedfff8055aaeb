using System.Text.Json;
using LspGlossary.Server.Protocol;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// workspace/didChangeWatchedFiles: files created, changed or deleted on disk. A glossary file reloads the glossary;
/// another file is indexed again. Params that cannot be read still reload the glossary (a client's own watcher may
/// send anything).
/// </summary>
public sealed class WatchedFilesEndpoint(Session session)
{
    [JsonRpcMethod(Methods.DidChangeWatchedFiles, UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWatchedFiles(JsonElement parameters) => Endpoint.Handle(session.Client, Methods.DidChangeWatchedFiles, () =>
    {
        List<FileEvent> events;
        try
        {
            events = Json.Read(parameters, LspJsonContext.Default.DidChangeWatchedFilesParams, Methods.DidChangeWatchedFiles).Changes ?? [];
        }
        catch (LocalRpcException e)
        {
            session.Client.Log(e.Message);
            events = []; // no change listed: the glossary is read again, as for any event
        }
        var changes = events.Select(e => (Path: Protocol.Convert.ToPath(e.Uri), Deleted: e.Type == FileEvent.Deleted))
            .Where(c => c.Path is not null).Select(c => (c.Path!, c.Deleted)).ToList();
        session.FilesChanged(changes);
    });
}
