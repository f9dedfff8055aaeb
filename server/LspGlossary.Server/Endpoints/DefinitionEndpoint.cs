using System.Text.Json;
using LspGlossary.Server.Protocol;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// Go to definition: from a term in a document to its entry in the glossary file that defines it (a workspace
/// glossary, or a bundled glossary folder given with --glossary-dir).
/// </summary>
public sealed class DefinitionEndpoint(Session session)
{
    [JsonRpcMethod("textDocument/definition", UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> DefinitionAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.TextDocumentPositionParams, "textDocument/definition");
        return await Endpoint.RunOnAnalysis(session, "definition", p.TextDocument.Uri, (analysis, _) =>
        {
            if (Protocol.Convert.ToOffset(analysis.Document.Lines, p.Position) is not { } offset) return Json.Null;
            if (Core.Features.Definition.Compute(analysis, offset) is not { } source) return Json.Null;
            var start = new Position(Math.Max(0, source.Line - 1), Math.Max(0, source.Column - 1));
            var location = new Location(Protocol.Convert.ToUri(source.File), new Protocol.Range(start, start));
            return Json.Write(location, LspJsonContext.Default.Location);
        }, cancellationToken);
    }
}
