using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>Hover: Markdown when the client lists it in <c>hover.contentFormat</c>, plain text otherwise.</summary>
public sealed class HoverEndpoint(ServerState state, Client client)
{
    [JsonRpcMethod(Methods.Hover, UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> HoverAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.TextDocumentPositionParams, Methods.Hover);
        bool chineseFirst = state.ChineseFirstFor(p.TextDocument.Uri);
        var format = client.Features.HoverMarkdown ? DocumentationFormat.Markdown : DocumentationFormat.PlainText;
        return await Endpoint.RunOnAnalysis(state, client, Methods.Hover, p.TextDocument.Uri, (analysis, matcher) =>
        {
            var lines = analysis.Document.Lines;
            if (Protocol.Convert.ToOffset(lines, p.Position) is not { } offset) return Json.Null;
            var hover = Core.Features.Hover.Compute(analysis, offset, matcher.Glossary, chineseFirst, format);
            if (hover is null) return Json.Null;
            var result = new Protocol.Hover(Protocol.Convert.ToMarkup(format, hover.Text), Protocol.Convert.ToRange(lines, hover.Span));
            return Json.Write(result, LspJsonContext.Default.Hover);
        }, cancellationToken);
    }
}
