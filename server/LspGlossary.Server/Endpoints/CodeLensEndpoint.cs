using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Core.Glossary;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// Code lenses of a glossary file: over each entry's term, "N uses in M files" in the workspace (the counts of
/// <c>textDocument/references</c>), whose command shows those references. Other documents have none. While the index
/// is still being built the count says so; clients with <c>codeLens.refreshSupport</c> are asked to refresh after it.
/// </summary>
public sealed class CodeLensEndpoint(ServerState state, Client client)
{
    /// <summary>At most this many lenses per file.</summary>
    public const int MaxLenses = 10_000;

    [JsonRpcMethod(Methods.CodeLens, UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> CodeLensAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.CodeLensParams, Methods.CodeLens);
        if (state.Documents.Get(p.TextDocument.Uri) is not { } document
            || Protocol.Convert.ToPath(document.Uri) is not { } path || !state.Glossary.IsGlossaryFile(path))
        {
            return Json.Null;
        }
        return await Endpoint.Run(client, Methods.CodeLens, async () =>
        {
            var entries = GlossaryFileParser.Parse(document.Text, path).Entries;
            await state.WaitForGlossaryAsync(cancellationToken).ConfigureAwait(false);
            var matcher = state.Glossary.Matcher;
            var open = await state.OpenDocumentTermsAsync(matcher, cancellationToken).ConfigureAwait(false);
            var counts = References.Counts(References.Merge(state.Index.Current, open), state.Settings.ReferencesIncludeWrongSpellings);
            string pending = state.Index.IsBuilt ? "" : " (indexing…)";
            var lenses = new List<CodeLens>();
            foreach (var entry in entries)
            {
                if (entry.NameSpan is not { } name || lenses.Count >= MaxLenses) continue;
                var (uses, files) = counts.GetValueOrDefault(entry.Id);
                var range = Protocol.Convert.ToRange(document.Lines, name);
                var arguments = Json.Write(new ShowReferencesArguments(document.Uri, range.Start), LspJsonContext.Default.ShowReferencesArguments);
                lenses.Add(new CodeLens(range, new Command(References.CountLabel(uses, files) + pending, Commands.ShowReferences, [arguments])));
            }
            return Json.Write(lenses, LspJsonContext.Default.ListCodeLens);
        }, cancellationToken);
    }
}
