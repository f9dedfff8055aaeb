using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// Document symbols: the outline of an open glossary file (a workspace <c>*.glossary.yaml</c>, a file of
/// <c>glossaryFiles</c>, or a bundled file opened from the --glossary-dir folder), from its current text.
/// <c>DocumentSymbol</c>s for clients with <c>hierarchicalDocumentSymbolSupport</c>, <c>SymbolInformation</c>s for
/// the others; any other document answers an empty list.
/// </summary>
public sealed class DocumentSymbolEndpoint(ServerState state, Client client)
{
    private static JsonElement None => Json.Write(new List<DocumentSymbol>(), LspJsonContext.Default.ListDocumentSymbol);

    [JsonRpcMethod(Methods.DocumentSymbol, UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> DocumentSymbolAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.DocumentSymbolParams, Methods.DocumentSymbol);
        bool hierarchical = client.Features.HierarchicalDocumentSymbols;
        var document = state.Documents.Get(p.TextDocument.Uri);
        string? path = Protocol.Convert.ToPath(p.TextDocument.Uri);
        if (document is null || path is null) return None;
        return await Endpoint.Run(client, Methods.DocumentSymbol, async () =>
        {
            // The bundled files are known once the glossary has loaded; *.glossary.yaml at once.
            await state.WaitForGlossaryAsync(cancellationToken).ConfigureAwait(false);
            if (!state.Glossary.IsGlossaryFile(path)) return None;
            var items = GlossaryOutline.Compute(document.Text, path);
            var lines = document.Lines;
            if (hierarchical)
            {
                var symbols = items.Select(i => new DocumentSymbol(i.Name, i.Detail, SymbolKinds.String,
                    Protocol.Convert.ToRange(lines, i.Range), Protocol.Convert.ToRange(lines, i.Selection))).ToList();
                return Json.Write(symbols, LspJsonContext.Default.ListDocumentSymbol);
            }
            var flat = items.Select(i => new SymbolInformation(i.Name, SymbolKinds.String,
                new Location(p.TextDocument.Uri, Protocol.Convert.ToRange(lines, i.Range)), i.Category)).ToList();
            return Json.Write(flat, LspJsonContext.Default.ListSymbolInformation);
        }, cancellationToken);
    }
}
