using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// Completion of term names. Documentation is Markdown when the client lists it in
/// <c>completionItem.documentationFormat</c>, else a plain string. Accepting an item replaces the whole word under
/// the cursor (from the first word of a prefix of several words): an insert/replace edit for clients with
/// <c>insertReplaceSupport</c>, else one edit over the word. <c>sortText</c> is the item's place in Core's order (an equal
/// spelling, then a term, then an expansion, alias or Chinese name starting with the prefix; see
/// <see cref="Core.Features.Completion"/>), and <c>filterText</c> starts with the replaced text, so that a client
/// filtering on it (VS Code) keeps the item.
/// </summary>
public sealed class CompletionEndpoint(ServerState state, Client client)
{
    private const int TextKind = 1;

    [JsonRpcMethod(Methods.Completion, UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> CompletionAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.TextDocumentPositionParams, Methods.Completion);
        bool chineseFirst = state.ChineseFirstFor(p.TextDocument.Uri);
        var features = client.Features;
        var format = features.CompletionMarkdown ? DocumentationFormat.Markdown : DocumentationFormat.PlainText;
        return await Endpoint.RunOnAnalysis(state, client, Methods.Completion, p.TextDocument.Uri, (analysis, matcher) =>
        {
            var lines = analysis.Document.Lines;
            if (Protocol.Convert.ToOffset(lines, p.Position) is not { } offset) return Json.Null;
            var candidates = Core.Features.Completion.Compute(analysis, offset, matcher.Glossary, chineseFirst, format);
            var items = new List<CompletionItem>(candidates.Count);
            for (int i = 0; i < candidates.Count; i++)
            {
                var c = candidates[i];
                var replace = Protocol.Convert.ToRange(lines, c.Replace);
                var edit = features.CompletionInsertReplace
                    ? Json.Write(new InsertReplaceEdit(c.Entry.Term, Protocol.Convert.ToRange(lines, c.Insert), replace), LspJsonContext.Default.InsertReplaceEdit)
                    : Json.Write(new TextEdit(replace, c.Entry.Term), LspJsonContext.Default.TextEdit);
                var documentation = format == DocumentationFormat.Markdown
                    ? Json.Write(Protocol.Convert.ToMarkup(format, c.Documentation), LspJsonContext.Default.MarkupContent)
                    : Json.Write(c.Documentation, LspJsonContext.Default.String);
                items.Add(new CompletionItem(
                    Label: c.Entry.Term,
                    Kind: TextKind,
                    Detail: c.Entry.Expansion ?? c.Entry.ChineseNames.FirstOrDefault(),
                    Documentation: documentation,
                    FilterText: c.FilterText,
                    // Clients sort by sortText; its digits keep Core's ranked order.
                    SortText: i.ToString("D4"),
                    TextEdit: edit));
            }
            return Json.Write(new CompletionList(IsIncomplete: false, items), LspJsonContext.Default.CompletionList);
        }, cancellationToken);
    }
}
