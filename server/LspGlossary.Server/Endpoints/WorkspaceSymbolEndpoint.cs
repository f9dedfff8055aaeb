using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// Workspace symbols: the glossary entries matching the query, each at its entry in its glossary file. Entries of
/// the glossary embedded in the binary have no file: they are there, at virtual URIs (<see cref="BundledUri"/>), only
/// for a client that asked for virtual documents, and left out for the others (<see cref="WorkspaceSymbols.Search"/>);
/// those of a --glossary-dir folder and of workspace glossaries are always there. Answered as
/// <c>SymbolInformation</c>s, which every client reads: each has a full location, so nothing is left for
/// <c>workspaceSymbol/resolve</c>.
/// </summary>
public sealed class WorkspaceSymbolEndpoint(ServerState state, Client client)
{
    [JsonRpcMethod(Methods.WorkspaceSymbol, UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> WorkspaceSymbolAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.WorkspaceSymbolParams, Methods.WorkspaceSymbol);
        bool virtualDocuments = client.Features.VirtualDocuments;
        return await Endpoint.Run(client, Methods.WorkspaceSymbol, async () =>
        {
            await state.WaitForGlossaryAsync(cancellationToken).ConfigureAwait(false);
            var symbols = new List<SymbolInformation>();
            foreach (var match in WorkspaceSymbols.Search(state.Glossary.Glossary, p.Query, includeEmbedded: virtualDocuments))
            {
                var location = Protocol.Convert.ToLocation(match.Entry.Source);
                string? container = match.Entry.Category.Length > 0 ? match.Entry.Category : null;
                symbols.Add(new SymbolInformation(match.Name, SymbolKinds.String, location, container));
            }
            return Json.Write(symbols, LspJsonContext.Default.ListSymbolInformation);
        }, cancellationToken);
    }
}
