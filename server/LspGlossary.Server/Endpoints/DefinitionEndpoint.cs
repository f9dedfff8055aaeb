using System.Text.Json;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// Go to definition: from a term in a document to its entry in the glossary file that defines it (a workspace
/// glossary, or a bundled glossary folder given with --glossary-dir; for a client that asked for virtual documents,
/// also the glossary embedded in the binary, at a virtual URI: <see cref="BundledUri"/>).
/// </summary>
public sealed class DefinitionEndpoint(ServerState state, Client client)
{
    [JsonRpcMethod(Methods.Definition, UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> DefinitionAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.TextDocumentPositionParams, Methods.Definition);
        bool virtualDocuments = client.Features.VirtualDocuments;
        return await Endpoint.RunOnAnalysis(state, client, Methods.Definition, p.TextDocument.Uri, (analysis, _) =>
        {
            if (Protocol.Convert.ToOffset(analysis.Document.Lines, p.Position) is not { } offset) return Json.Null;
            if (Core.Features.Definition.Compute(analysis, offset, includeEmbedded: virtualDocuments) is not { } source) return Json.Null;
            return Json.Write(Protocol.Convert.ToLocation(source), LspJsonContext.Default.Location);
        }, cancellationToken);
    }
}
