using LspGlossary.Core.Analysis;
using LspGlossary.Core.Workspace;
using LspGlossary.Server.Files;

namespace LspGlossary.Server.State;

/// <summary>
/// The term index of the workspace folders (<see cref="TermIndex"/>), kept current off the message loop: a whole
/// build after the glossary loads, when it changes and when folders come or go (a new build cancels the one in
/// progress), and one file at a time for watched-file events and closed documents. Jobs run one at a time, in the order
/// asked, each on a thread of its own (not the pool's, which requests need); readers take <see cref="Current"/> and are never blocked. Open documents are
/// not read from here: their own analyses take their files' place (<see cref="ServerState.OpenDocumentTermsAsync"/>).
/// </summary>
public sealed class WorkspaceIndex(IWorkspace workspace, Action<string> log)
{
    private readonly object _gate = new();
    private Task _tail = Task.CompletedTask;
    private CancellationTokenSource _build = new();
    private volatile TermIndex _index = TermIndex.Empty;
    private IReadOnlyList<string> _folders = [];

    /// <summary>The index as it is now (the last build, with every file update since).</summary>
    public TermIndex Current => _index;

    /// <summary>Completes when every job asked for so far has run.</summary>
    public Task Idle
    {
        get { lock (_gate) return _tail; }
    }

    /// <summary>True once a whole build has finished (an empty workspace included).</summary>
    public bool IsBuilt => _built;

    private volatile bool _built;

    /// <summary>
    /// Indexes the folders again with the matcher; <paramref name="progress"/> hears (done, total) during the build and
    /// <paramref name="ended"/> how it ended ("N uses in M files", or why not), both on the thread pool.
    /// </summary>
    public void Rebuild(IReadOnlyList<string> folders, TermMatcher matcher, Action<int, int>? progress = null, Action<string>? ended = null)
    {
        CancellationToken token;
        lock (_gate)
        {
            _build.Cancel();
            _build = new CancellationTokenSource();
            token = _build.Token;
            _folders = folders.ToList();
        }
        Enqueue("Indexing the workspace", () =>
        {
            LinuxNative.LowerThisThreadsPriority(); // this job's own thread (LongRunning): requests come first
            string outcome = "stopped: a newer build replaced it";
            try
            {
                long started = Environment.TickCount64;
                var (index, report) = TermIndexBuilder.Build(workspace, folders, matcher, progress, token);
                _index = index;
                _built = true;
                outcome = $"{index.UseCount} uses in {report.FilesIndexed} files";
                log($"Index: {outcome} ({report.FilesSkipped} not read{(report.Truncated ? ", stopped at the size bound" : "")}) in {Environment.TickCount64 - started} ms.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcome = "failed";
                throw;
            }
            finally
            {
                ended?.Invoke(outcome);
            }
        });
    }

    /// <summary>Reads one file again (created or changed on disk, or closed in the editor), or drops it (deleted).</summary>
    public void Update(string path, bool deleted, TermMatcher matcher)
    {
        Enqueue($"Indexing {path}", () =>
        {
            if (deleted || !IsInFolders(path))
            {
                _index = _index.Without(path);
                return;
            }
            var analysed = TermIndexBuilder.Analyse(workspace, path, matcher, CancellationToken.None);
            _index = analysed is { } file ? _index.With(file.Terms) : _index.Without(path);
        });
    }

    /// <summary>
    /// True for a file the whole build would read: an indexed language, inside a workspace folder with its links
    /// resolved (a link to a file elsewhere is elsewhere), in no dependency, build or <c>.git</c> folder. (A file a
    /// .gitignore names may come in this way; the next build leaves it out.)
    /// </summary>
    private bool IsInFolders(string path)
    {
        if (!TermIndexBuilder.IsIndexed(path)) return false;
        IReadOnlyList<string> folders;
        lock (_gate) folders = _folders;
        foreach (var folder in folders)
        {
            if (!FolderPaths.IsUnder(path, folder)) continue;
            var parts = Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar);
            if (parts[..^1].Any(part => part is ".git" or ".ipynb_checkpoints" || WorkspaceWalk.DependencyFolders.Contains(part))) return false;
            return workspace.IsInside(path, folder);
        }
        return false;
    }

    private void Enqueue(string what, Action job)
    {
        lock (_gate)
        {
            _tail = _tail.ContinueWith(_ =>
            {
                try
                {
                    job();
                }
                catch (OperationCanceledException)
                {
                    // A newer build replaced this one.
                }
                catch (Exception e)
                {
                    log($"{what} failed; the index keeps its last state: {e.Message}");
                }
            }, CancellationToken.None, TaskContinuationOptions.LongRunning, TaskScheduler.Default); // its own thread: a build takes a second, the pool's threads stay free for requests
        }
    }
}
