using System.Text.Json;
using LspGlossary.Server.Protocol;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

public sealed class CompletionEndpoint(Session session)
{
    private const int TextKind = 1;

    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    public Task<JsonElement> CompletionAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.TextDocumentPositionParams, "textDocument/completion");
        var document = session.Documents.Get(p.TextDocument.Uri);
        var settings = session.Settings;
        bool chineseFirst = session.ChineseFirst;
        if (document is null || !settings.IsLanguageEnabled(document.LanguageId)) return Task.FromResult(Json.Null);

        return Endpoint.Run(session, "completion", async () =>
        {
            await session.GlossaryReady.ConfigureAwait(false);
            var matcher = session.Glossary.Matcher;
            if (Protocol.Convert.ToOffset(document.Lines, p.Position) is not { } offset) return Json.Null;
            var analysis = await session.Analyses.GetAsync(document, matcher, cancellationToken).ConfigureAwait(false);
            var candidates = Core.Features.Completion.Compute(analysis, offset, matcher.Glossary, chineseFirst);
            var items = new List<CompletionItem>(candidates.Count);
            for (int i = 0; i < candidates.Count; i++)
            {
                var c = candidates[i];
                items.Add(new CompletionItem(
                    Label: c.Entry.Term,
                    Kind: TextKind,
                    Detail: c.Entry.Expansion ?? c.Entry.ChineseNames.FirstOrDefault(),
                    Documentation: new MarkupContent("markdown", c.Documentation),
                    FilterText: c.FilterText,
                    SortText: i.ToString("D4"),
                    TextEdit: new TextEdit(Protocol.Convert.ToRange(document.Lines, c.Replace), c.Entry.Term)));
            }
            return Json.Write(new CompletionList(IsIncomplete: false, items), LspJsonContext.Default.CompletionList);
        }, cancellationToken);
    }
}
