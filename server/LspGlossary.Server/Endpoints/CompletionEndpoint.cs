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
        bool chineseFirst = session.ChineseFirst;
        return Endpoint.RunOnAnalysis(session, "completion", p.TextDocument.Uri, (analysis, matcher) =>
        {
            var lines = analysis.Document.Lines;
            if (Protocol.Convert.ToOffset(lines, p.Position) is not { } offset) return Json.Null;
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
                    TextEdit: new TextEdit(Protocol.Convert.ToRange(lines, c.Replace), c.Entry.Term)));
            }
            return Json.Write(new CompletionList(IsIncomplete: false, items), LspJsonContext.Default.CompletionList);
        }, cancellationToken);
    }
}
