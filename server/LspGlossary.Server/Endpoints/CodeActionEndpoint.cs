using System.Text.Json;
using LspGlossary.Core.Features;
using LspGlossary.Server.Protocol;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

public sealed class CodeActionEndpoint(Session session)
{
    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public Task<JsonElement> CodeActionAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.CodeActionParams, "textDocument/codeAction");
        var severity = session.Settings.DiagnosticsSeverity;
        return Endpoint.RunOnAnalysis(session, "codeAction", p.TextDocument.Uri, (analysis, _) =>
        {
            var lines = analysis.Document.Lines;
            var diagnostics = Core.Features.Diagnostics.Compute(analysis, severity, cancellationToken);
            var actions = CodeActions.Compute(diagnostics, Protocol.Convert.ToSpanClamped(lines, p.Range), p.Context?.Only);
            var result = new List<CodeAction>(actions.Count);
            foreach (var action in actions)
            {
                var edits = action.Edits.Select(e => Protocol.Convert.ToTextEdit(lines, e)).ToList();
                result.Add(new CodeAction(
                    action.Title,
                    action.Kind,
                    action.Fixes.Select(d => Protocol.Convert.ToDiagnostic(lines, d)).ToList(),
                    action.IsPreferred ? true : null,
                    new WorkspaceEdit(new Dictionary<string, List<TextEdit>> { [p.TextDocument.Uri] = edits })));
            }
            return Json.Write(result, LspJsonContext.Default.ListCodeAction);
        }, cancellationToken);
    }
}
