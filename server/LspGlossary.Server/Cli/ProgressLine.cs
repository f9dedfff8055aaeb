namespace LspGlossary.Server.Cli;

/// <summary>
/// "checking 120/1201 files" on standard error, rewritten in place, for a terminal only. It appears after
/// half a second (short runs print nothing), is redrawn at most ten times a second, and is erased at the end.
/// </summary>
public sealed class ProgressLine : IDisposable
{
    private readonly TextWriter _error;
    private readonly int _total;
    private readonly Timer _timer;
    private readonly object _lock = new();
    private int _done;
    private bool _shown;
    private bool _disposed;

    public ProgressLine(TextWriter error, int total)
    {
        _error = error;
        _total = total;
        _timer = new Timer(_ => Draw(), null, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(100));
    }

    public void Advance() => Interlocked.Increment(ref _done);

    private void Draw()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _error.Write($"\rchecking {Volatile.Read(ref _done)}/{_total} files");
            _error.Flush();
            _shown = true;
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            _disposed = true;
            if (_shown)
            {
                _error.Write("\r\u001b[2K");
                _error.Flush();
            }
        }
    }
}
