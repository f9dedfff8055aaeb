namespace LspGlossary.Server.State;

/// <summary>
/// Gives memory back to the system after a big document is closed. The GC keeps the heap it grew for a big
/// document (its text, analysis and diagnostics) until memory is tight, so an editor session that once opened
/// a 50 MB file would hold a gigabyte for the rest of the day. After such a close, once the work still under
/// way for it is done, one compacting collection that decommits free memory is run.
/// </summary>
public static class MemoryRelease
{
    /// <summary>Closing a document at least this long (UTF-16 units, about 2 MB) triggers a release.</summary>
    public const int LargeDocumentChars = 1_000_000;

    private static int _scheduled;

    public static void Schedule(Action<string> log)
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            // Diagnostics or a request about the closed document may still be finishing: let them end first.
            await Task.Delay(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
            Interlocked.Exchange(ref _scheduled, 0);
            long before = Environment.WorkingSet;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            log($"Released memory after closing a big document: {before >> 20} MB -> {Environment.WorkingSet >> 20} MB.");
        });
    }
}
