using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// Inlay hints: the expansion after the first use of an acronym-like term, only when the setting
/// <c>lspGlossary.inlayHints.expansion</c> is on (an empty list otherwise); only in the requested range.
/// </summary>
public sealed class InlayHintEndpoint(ServerState state, Client client)
{
    [JsonRpcMethod(Methods.InlayHint, UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> InlayHintAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.InlayHintParams, Methods.InlayHint);
        if (!state.Settings.InlayHintsExpansion) return Json.Write(new List<InlayHint>(), LspJsonContext.Default.ListInlayHint);
        return await Endpoint.RunOnAnalysis(state, client, Methods.InlayHint, p.TextDocument.Uri, (analysis, _) =>
        {
            var lines = analysis.Document.Lines;
            var hints = InlayHints.Compute(analysis, Protocol.Convert.ToSpanClamped(lines, p.Range))
                .Select(hint => new InlayHint(Protocol.Convert.ToPosition(lines, hint.Offset), hint.Label, PaddingLeft: true))
                .ToList();
            return Json.Write(hints, LspJsonContext.Default.ListInlayHint);
        }, cancellationToken);
    }
}
