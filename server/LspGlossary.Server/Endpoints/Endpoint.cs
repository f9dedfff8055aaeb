using System.Text.Json;
using LspGlossary.Server.Protocol;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>What every request endpoint shares: errors become a log line and an empty answer.</summary>
internal static class Endpoint
{
    /// <summary>
    /// Runs a request's work on the thread pool (so the ordered message context stays free), turning any
    /// unexpected exception into a logged, empty (null) result. Invalid params and cancellation pass through
    /// as JSON-RPC errors (-32602, -32800).
    /// </summary>
    public static async Task<JsonElement> Run(Session session, string method, Func<Task<JsonElement>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await Task.Run(work, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not LocalRpcException and not OperationCanceledException)
        {
            session.Log($"{method} failed: {e}");
            return Json.Null;
        }
    }

    /// <summary>The same for notifications: state changes run in order, and errors are logged, never thrown.</summary>
    public static void Handle(Session session, string method, Action work)
    {
        try
        {
            work();
        }
        catch (LocalRpcException e)
        {
            session.Log($"{method}: {e.Message}");
        }
        catch (Exception e)
        {
            session.Log($"{method} failed: {e}");
        }
    }
}
