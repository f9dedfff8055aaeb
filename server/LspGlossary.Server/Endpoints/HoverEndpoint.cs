using System.Text.Json;
using LspGlossary.Server.Protocol;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

public sealed class HoverEndpoint(Session session)
{
    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Task<JsonElement> HoverAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.TextDocumentPositionParams, "textDocument/hover");
        bool chineseFirst = session.ChineseFirst;
        return Endpoint.RunOnAnalysis(session, "hover", p.TextDocument.Uri, (analysis, matcher) =>
        {
            var lines = analysis.Document.Lines;
            if (Protocol.Convert.ToOffset(lines, p.Position) is not { } offset) return Json.Null;
            var hover = Core.Features.Hover.Compute(analysis, offset, matcher.Glossary, chineseFirst);
            if (hover is null) return Json.Null;
            var result = new Hover(new MarkupContent("markdown", hover.Markdown), Protocol.Convert.ToRange(lines, hover.Span));
            return Json.Write(result, LspJsonContext.Default.Hover);
        }, cancellationToken);
    }
}
