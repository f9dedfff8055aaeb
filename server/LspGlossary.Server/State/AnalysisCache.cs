using LspGlossary.Core.Analysis;
using LspGlossary.Core.Text;

namespace LspGlossary.Server.State;

/// <summary>
/// One analysis per document snapshot and glossary: hover, completion, code actions and diagnostics of the
/// same version share it. Analysis runs on the thread pool, so a 10 MB document never blocks the
/// message loop.
/// </summary>
public sealed class AnalysisCache
{
    private sealed record Entry(TextDocument Document, TermMatcher Matcher, Task<DocumentAnalysis> Analysis);

    private readonly object _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Task<DocumentAnalysis> GetAsync(TextDocument document, TermMatcher matcher, CancellationToken cancellationToken)
    {
        Task<DocumentAnalysis> task;
        lock (_lock)
        {
            if (_entries.TryGetValue(document.Uri, out var entry) && ReferenceEquals(entry.Document, document) && ReferenceEquals(entry.Matcher, matcher))
            {
                task = entry.Analysis;
            }
            else
            {
                // The last finished analysis of this document lends its unchanged Markdown chunks.
                var previous = entry is { Analysis.IsCompletedSuccessfully: true } ? entry.Analysis.Result : null;
                task = Task.Run(() => DocumentAnalysis.Analyze(document, matcher, CancellationToken.None, previous));
                _entries[document.Uri] = new Entry(document, matcher, task);
            }
        }
        return task.WaitAsync(cancellationToken);
    }

    public void Remove(string uri)
    {
        lock (_lock) _entries.Remove(uri);
    }
}
