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
        var document = session.Documents.Get(p.TextDocument.Uri);
        var settings = session.Settings;
        if (document is null || !settings.IsLanguageEnabled(document.LanguageId)) return Task.FromResult(Json.Null);

        return Endpoint.Run(session, "codeAction", async () =>
        {
            await session.GlossaryReady.ConfigureAwait(false);
            var matcher = session.Glossary.Matcher;
            var analysis = await session.Analyses.GetAsync(document, matcher, cancellationToken).ConfigureAwait(false);
            var diagnostics = Core.Features.Diagnostics.Compute(analysis, settings.DiagnosticsSeverity, cancellationToken);
            var range = Protocol.Convert.ToSpanClamped(document.Lines, p.Range);
            var actions = CodeActions.Compute(diagnostics, range, p.Context?.Only);
            var result = new List<CodeAction>(actions.Count);
            foreach (var action in actions)
            {
                var edits = action.Edits.Select(e => Protocol.Convert.ToTextEdit(document.Lines, e)).ToList();
                result.Add(new CodeAction(
                    action.Title,
                    action.Kind,
                    action.Fixes.Select(d => Protocol.Convert.ToDiagnostic(document.Lines, d)).ToList(),
                    action.IsPreferred ? true : null,
                    new WorkspaceEdit(new Dictionary<string, List<TextEdit>> { [document.Uri] = edits })));
            }
            return Json.Write(result, LspJsonContext.Default.ListCodeAction);
        }, cancellationToken);
    }
}
