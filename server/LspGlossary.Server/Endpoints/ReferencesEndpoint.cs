using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// Find references: every use of the term under the cursor (or of the glossary entry under it in a glossary file)
/// in the workspace's Markdown and code comments, in every spelling; wrong spellings too unless the setting
/// <c>references.includeWrongSpellings</c> is off; with the entry's place in its glossary file when
/// <c>includeDeclaration</c> asks and it has one on disk.
/// </summary>
public sealed class ReferencesEndpoint(ServerState state, Client client)
{
    [JsonRpcMethod(Methods.References, UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> ReferencesAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.ReferenceParams, Methods.References);
        if (state.Documents.Get(p.TextDocument.Uri) is not { } document) return Json.Null;
        var openUris = EntryLookup.OpenUris(state);
        return await Endpoint.Run(client, Methods.References, async () =>
        {
            await state.WaitForGlossaryAsync(cancellationToken).ConfigureAwait(false);
            var matcher = state.Glossary.Matcher;
            if (await EntryLookup.AtAsync(state, document, p.Position, matcher, cancellationToken).ConfigureAwait(false) is not { } found) return Json.Null;
            await state.WaitForIndexAsync(cancellationToken).ConfigureAwait(false);
            var open = await state.OpenDocumentTermsAsync(matcher, cancellationToken).ConfigureAwait(false);
            var references = References.Find(found.Entry.Id, References.Merge(state.Index.Current, open), state.Settings.ReferencesIncludeWrongSpellings);
            var locations = new List<Location>(references.Count + 1);
            if (p.Context?.IncludeDeclaration == true && found.Entry.Source.IsOnDisk) locations.Add(Protocol.Convert.ToLocation(found.Entry.Source));
            locations.AddRange(references.Select(r => new Location(EntryLookup.UriOf(r.Key, openUris), Protocol.Convert.ToRange(r.Use))));
            return Json.Write(locations, LspJsonContext.Default.ListLocation);
        }, cancellationToken);
    }
}
