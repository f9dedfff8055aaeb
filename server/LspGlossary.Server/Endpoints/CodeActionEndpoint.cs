using System.Text.Json;
using LspGlossary.Core.Analysis;
using LspGlossary.Core.Features;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// Quick fixes and fix-all, in the form the client supports: code action literals (the fix-all's edit only when its
/// kind is asked for, else resolved later with codeAction/resolve), or Commands run with workspace/executeCommand. The
/// quick fixes that write the team glossary (<see cref="TeamGlossaryEditing"/>) come after the document's own.
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
        // The open documents are taken now, in message order (the team glossary may be one); files are read on the thread pool.
        var openDocuments = state.Documents.All();
        return await Endpoint.RunOnAnalysis(state, client, Methods.CodeAction, uri, (analysis, matcher) =>
        {
            var lines = analysis.Document.Lines;
            var diagnostics = Rules.Compute(analysis, settings, matcher.Glossary, cancellationToken);
            // A Command's fix-all is computed when it runs, so it costs nothing to offer.
            bool canDefer = !features.CodeActionLiterals || features.CodeActionResolveEdit;
            var range = Protocol.Convert.ToSpanClamped(lines, p.Range);
            var actions = CodeActions.Compute(diagnostics, range, p.Context?.Only, canDefer, analysis);
            bool quickFixes = p.Context?.Only is not { Count: > 0 } only || CodeActions.Covers(only, CodeActions.QuickFix);
            var teamActions = quickFixes
                ? TeamActions(analysis, diagnostics, range, p.Context?.Diagnostics, openDocuments, matcher.Glossary)
                : [];
            if (!features.CodeActionLiterals)
            {
                // A Command makes its edit through workspace/applyEdit: without it, there is nothing to offer.
                if (!features.ApplyEdit) return Json.Write(new List<Command>(), LspJsonContext.Default.ListCommand);
                var commands = actions.Select(a => ToCommand(a, uri, analysis.Document.Version, lines)).ToList();
                commands.InsertRange(BeforeFixAll(actions), teamActions.Select(t => TeamCommand(t.Action, uri)));
                return Json.Write(commands, LspJsonContext.Default.ListCommand);
            }
            var result = actions.Select(action => new CodeAction(
                action.Title,
                action.Kind,
                action.Fixes.Count > 0 ? action.Fixes.Select(d => Protocol.Convert.ToDiagnostic(lines, d, features.CodeDescription)).ToList() : null,
                action.IsPreferred ? true : null,
                action.Deferred ? null : EditOf(uri, lines, action.Edits),
                action.Deferred ? new CodeActionData(uri) : null)).ToList();
            result.InsertRange(BeforeFixAll(actions), teamActions.Select(t => ToCodeAction(t.Action, t.Edit, uri, lines)).OfType<CodeAction>());
            return Json.Write(result, LspJsonContext.Default.ListCodeAction);
        }, cancellationToken);
    }

    /// <summary>Where the team glossary's actions go: after the quick fixes, before the fix-all.</summary>
    private static int BeforeFixAll(List<GlossaryCodeAction> actions) =>
        actions.Count > 0 && actions[^1].Kind == CodeActions.FixAllKind ? actions.Count - 1 : actions.Count;

    /// <summary>
    /// The quick fixes that write the team glossary, each with its edit in the client's form (null when the client
    /// cannot take it: then a literal is not offered, and neither is a Command).
    /// </summary>
    private List<(TeamGlossaryAction Action, WorkspaceEdit? Edit)> TeamActions(DocumentAnalysis analysis, List<GlossaryDiagnostic> diagnostics,
        Core.Text.TextSpan range, List<Diagnostic>? requestDiagnostics, IReadOnlyList<Core.Text.TextDocument> openDocuments, Core.Glossary.Glossary glossary)
    {
        var unknown = UnknownTerms(analysis, requestDiagnostics);
        bool anyTerm = diagnostics.Any(d => CodeActions.Touches(d.Span, range)) || unknown.Count > 0
            || analysis.Matches.Any(m => CodeActions.Touches(m.Span, range));
        if (!anyTerm || TeamGlossaryEditing.PathFor(state, analysis.Document.Uri) is not { } teamPath) return [];
        var teamOpen = TeamGlossaryEditing.OpenDocument(openDocuments, teamPath);
        if (TeamGlossaryEditing.Read(state, client, teamPath, teamOpen) is not { } file) return [];
        var features = client.Features;
        return TeamGlossaryActions.Compute(analysis, diagnostics, range, unknown, file, glossary)
            .Select(action => (action, TeamGlossaryEditing.EditOf(features, file, action.Edit, teamOpen, snippet: true)))
            .Where(t => t.Item2 is not null)
            .ToList();
    }

    /// <summary>
    /// The unknown terms named by the request's diagnostics of code <see cref="TeamGlossaryActions.UnknownTermCode"/>: the
    /// term is the diagnostic's <c>data</c> when it is a string, else the document's text in its range.
    /// </summary>
    private static List<UnknownTerm> UnknownTerms(DocumentAnalysis analysis, List<Diagnostic>? requestDiagnostics)
    {
        var found = new List<UnknownTerm>();
        foreach (var diagnostic in requestDiagnostics ?? [])
        {
            if (diagnostic.Code != TeamGlossaryActions.UnknownTermCode) continue;
            var span = Protocol.Convert.ToSpanClamped(analysis.Document.Lines, diagnostic.Range);
            string term = Protocol.Convert.AcronymOf(diagnostic.Data) ?? analysis.Document.Text.Substring(span.Start, span.Length);
            term = term.Trim();
            if (term.Length is > 0 and <= Rename.MaxNameLength && !term.Any(char.IsControl)) found.Add(new UnknownTerm(span, term));
        }
        return found;
    }

    private CodeAction? ToCodeAction(TeamGlossaryAction action, WorkspaceEdit? edit, string uri, Core.Text.LineMap lines)
    {
        var features = client.Features;
        var fixes = action.Fixes.Count > 0 ? action.Fixes.Select(d => Protocol.Convert.ToDiagnostic(lines, d, features.CodeDescription)).ToList() : null;
        // A new entry: where the client can show a document, the server applies the edit and shows the definition
        // selected (window/showDocument) — VS Code inserts a snippet edit into a file that is not the active editor as
        // plain text, without moving the cursor there; a snippet edit is for clients that can only take that.
        if (action.Edit.Placeholder is not null && features.ShowDocument && features.ApplyEdit)
        {
            return new CodeAction(action.Title, CodeActions.QuickFix, fixes, Command: TeamCommand(action, uri));
        }
        return edit is null ? null : new CodeAction(action.Title, CodeActions.QuickFix, fixes, Edit: edit);
    }

    private static Command TeamCommand(TeamGlossaryAction action, string uri) => new(action.Title, Commands.TeamGlossary,
        [Json.Write(new TeamGlossaryCommandArguments(uri, action.Change.ToString(), action.Subject, action.Spelling), LspJsonContext.Default.TeamGlossaryCommandArguments)]);

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
