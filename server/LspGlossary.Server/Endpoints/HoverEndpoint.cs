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
        var document = session.Documents.Get(p.TextDocument.Uri);
        var settings = session.Settings;
        bool chineseFirst = session.ChineseFirst;
        if (document is null || !settings.IsLanguageEnabled(document.LanguageId)) return Task.FromResult(Json.Null);

        return Endpoint.Run(session, "hover", async () =>
        {
            await session.GlossaryReady.ConfigureAwait(false);
            var matcher = session.Glossary.Matcher;
            if (Protocol.Convert.ToOffset(document.Lines, p.Position) is not { } offset) return Json.Null;
            var analysis = await session.Analyses.GetAsync(document, matcher, cancellationToken).ConfigureAwait(false);
            var hover = Core.Features.Hover.Compute(analysis, offset, matcher.Glossary, chineseFirst);
            if (hover is null) return Json.Null;
            var result = new Hover(new MarkupContent("markdown", hover.Markdown), Protocol.Convert.ToRange(document.Lines, hover.Span));
            return Json.Write(result, LspJsonContext.Default.Hover);
        }, cancellationToken);
    }
}
