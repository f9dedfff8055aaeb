using System.Text.Json;
using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// Quick fixes and fix-all, in the form the client supports: code action literals (the fix-all's edit only when its
/// kind is asked for, else resolved later with codeAction/resolve), or Commands run with workspace/executeCommand.
/// </summary>
public sealed class CodeActionEndpoint(ServerState state, Client client)
{
    [JsonRpcMethod(Methods.CodeAction, UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> CodeActionAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var p = Json.Read(parameters, LspJsonContext.Default.CodeActionParams, Methods.CodeAction);
        var features = client.Features;
        string uri = p.TextDocument.Uri;
        var settings = state.SettingsFor(uri);
        return await Endpoint.RunOnAnalysis(state, client, Methods.CodeAction, uri, (analysis, matcher) =>
        {
            var lines = analysis.Document.Lines;
            var diagnostics = Rules.Compute(analysis, settings, matcher.Glossary, cancellationToken);
            // A Command's fix-all is computed when it runs, so it costs nothing to offer.
            bool canDefer = !features.CodeActionLiterals || features.CodeActionResolveEdit;
            var actions = CodeActions.Compute(diagnostics, Protocol.Convert.ToSpanClamped(lines, p.Range), p.Context?.Only, canDefer);
            if (!features.CodeActionLiterals)
            {
                // A Command makes its edit through workspace/applyEdit: without it, there is nothing to offer.
                if (!features.ApplyEdit) return Json.Write(new List<Command>(), LspJsonContext.Default.ListCommand);
                var commands = actions.Select(a => ToCommand(a, uri, analysis.Document.Version, lines)).ToList();
                return Json.Write(commands, LspJsonContext.Default.ListCommand);
            }
            var result = new List<CodeAction>(actions.Count);
            foreach (var action in actions)
            {
                result.Add(new CodeAction(
                    action.Title,
                    action.Kind,
                    action.Fixes.Count > 0 ? action.Fixes.Select(d => Protocol.Convert.ToDiagnostic(lines, d, features.CodeDescription)).ToList() : null,
                    action.IsPreferred ? true : null,
                    action.Deferred ? null : EditOf(uri, lines, action.Edits),
                    action.Deferred ? new CodeActionData(uri) : null));
            }
            return Json.Write(result, LspJsonContext.Default.ListCodeAction);
        }, cancellationToken);
    }

    /// <summary>codeAction/resolve: adds the edit to a deferred fix-all; any other action comes back as it was.</summary>
    [JsonRpcMethod(Methods.CodeActionResolve, UseSingleObjectParameterDeserialization = true)]
    public async Task<JsonElement> ResolveAsync(JsonElement parameters, CancellationToken cancellationToken)
    {
        var action = Json.Read(parameters, LspJsonContext.Default.CodeAction, Methods.CodeActionResolve);
        if (action.Kind != CodeActions.FixAllKind || action.Data is not { } data) return parameters;
        var settings = state.SettingsFor(data.Uri);
        var resolved = await Endpoint.RunOnAnalysis(state, client, Methods.CodeActionResolve, data.Uri,
            (analysis, matcher) => Json.Write(action with { Edit = FixAllEdit(analysis, settings, matcher.Glossary, cancellationToken), Data = null }, LspJsonContext.Default.CodeAction),
            cancellationToken).ConfigureAwait(false);
        // The document was closed meanwhile: the action stays without an edit (a resolve never answers null).
        return resolved.ValueKind == JsonValueKind.Null ? parameters : resolved;
    }

    /// <summary>The edit that fixes every finding of the analysed document that has a fix.</summary>
    internal static WorkspaceEdit FixAllEdit(DocumentAnalysis analysis, Settings settings, Core.Glossary.Glossary glossary, CancellationToken cancellationToken)
    {
        var diagnostics = Rules.Compute(analysis, settings, glossary, cancellationToken);
        return EditOf(analysis.Document.Uri, analysis.Document.Lines, FixAll.Replacements(diagnostics));
    }

    private static WorkspaceEdit EditOf(string uri, Core.Text.LineMap lines, IReadOnlyList<TextReplacement> edits) =>
        new(new Dictionary<string, List<TextEdit>> { [uri] = edits.Select(e => Protocol.Convert.ToTextEdit(lines, e)).ToList() });

    private static Command ToCommand(GlossaryCodeAction action, string uri, int version, Core.Text.LineMap lines)
    {
        bool fixAll = action.Kind == CodeActions.FixAllKind;
        var arguments = fixAll
            ? new FixCommandArguments(uri)
            : new FixCommandArguments(uri, version, action.Edits.Select(e => Protocol.Convert.ToTextEdit(lines, e)).ToList());
        return new Command(action.Title, fixAll ? Commands.FixAll : Commands.Fix, [Json.Write(arguments, LspJsonContext.Default.FixCommandArguments)]);
    }
}
