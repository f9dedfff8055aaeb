using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// Document highlight: the uses of the term under the cursor in the same document, all of kind Text (prose has no
/// reads or writes); null when the cursor is on no term.
/// </summary>
public sealed class DocumentHighlightEndpoint(ServerState state, Client client)
{
    [JsonRpcMethod(Methods.DocumentHighlight, UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> DocumentHighlightAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.TextDocumentPositionParams, Methods.DocumentHighlight);
        return await Endpoint.RunOnAnalysis(state, client, Methods.DocumentHighlight, p.TextDocument.Uri, (analysis, _) =>
        {
            var lines = analysis.Document.Lines;
            if (Protocol.Convert.ToOffset(lines, p.Position) is not { } offset) return Json.Null;
            var spans = DocumentHighlights.Compute(analysis, offset);
            if (spans.Count == 0) return Json.Null;
            var highlights = spans.Select(span => new DocumentHighlight(Protocol.Convert.ToRange(lines, span), DocumentHighlight.Text)).ToList();
            return Json.Write(highlights, LspJsonContext.Default.ListDocumentHighlight);
        }, cancellationToken);
    }
}
