using System.Text.Json;
using LspGlossary.Core.Analysis;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>
/// What every request endpoint shares: errors become a log line and an empty answer. Request methods are
/// <c>async</c>, so that invalid params (thrown before the first await, while the snapshot is taken in message
/// order) reach StreamJsonRpc as a faulted task: a method that throws synchronously left the next request
/// unanswered under Wine (tests/e2e/run-win-wine.sh, "a wrong param shape gets -32602").
/// </summary>
internal static class Endpoint
{
    /// <summary>
    /// Runs a request's work on the thread pool (so the ordered message context stays free), turning any
    /// unexpected exception into a logged, empty (null) result. Invalid params and cancellation pass through
    /// as JSON-RPC errors (-32602, -32800).
    /// </summary>
    public static async Task<JsonElement> Run(Client client, string method, Func<Task<JsonElement>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(work, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not LocalRpcException and not OperationCanceledException)
        {
            client.Log($"{method} failed: {e}");
            return Json.Null;
        }
    }

    /// <summary>
    /// A request about one open document: the document snapshot is taken now, in message order; then, on the
    /// thread pool, the glossary is awaited, the snapshot's analysis made or reused, and handed to
    /// <paramref name="work"/>. An unknown document or a language turned off answers null.
    /// </summary>
    public static Task<JsonElement> RunOnAnalysis(ServerState state, Client client, string method, string uri,
        Func<DocumentAnalysis, TermMatcher, JsonElement> work, CancellationToken cancellationToken)
    {
        var analysis = AnalysisOf(state, uri, cancellationToken);
        if (analysis is null) return Task.FromResult(Json.Null);
        return Run(client, method, async () =>
        {
            var (result, matcher) = await analysis().ConfigureAwait(false);
            return work(result, matcher);
        }, cancellationToken);
    }

    /// <summary>
    /// Takes the snapshot of an open document now and returns the function that waits for the glossary and makes
    /// (or reuses) its analysis; null for an unknown document or a language turned off.
    /// </summary>
    public static Func<Task<(DocumentAnalysis Analysis, TermMatcher Matcher)>>? AnalysisOf(ServerState state, string uri, CancellationToken cancellationToken)
    {
        var document = state.Documents.Get(uri);
        if (document is null || !state.SettingsFor(document.Uri).IsLanguageEnabled(document.LanguageId)) return null;
        return async () =>
        {
            await state.WaitForGlossaryAsync(cancellationToken).ConfigureAwait(false);
            var matcher = state.Glossary.Matcher;
            return (await state.Analyses.GetAsync(document, matcher, cancellationToken).ConfigureAwait(false), matcher);
        };
    }

    /// <summary>The same for notifications: state changes run in order, and errors are logged, never thrown.</summary>
    public static void Handle(Client client, string method, Action work)
    {
        try
        {
            work();
        }
        catch (LocalRpcException e)
        {
            client.Log($"{method}: {e.Message}");
        }
        catch (Exception e)
        {
            client.Log($"{method} failed: {e}");
        }
    }
}
