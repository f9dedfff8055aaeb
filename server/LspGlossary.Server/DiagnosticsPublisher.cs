using LspGlossary.Core.Config;
using LspGlossary.Core.Features;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;

namespace LspGlossary.Server;

/// <summary>
/// Publishes diagnostics after each change, debounced by coalescing: at most one computation runs per
/// document, and changes that arrive meanwhile are folded into one more run on the newest snapshot.
/// A single edit is answered without a fixed delay; during a burst of edits, runs are spaced by
/// <see cref="BurstSpacing"/>, so a storm of thousands of edits costs a few dozen analyses instead of one
/// publication per edit competing with the message loop. Each publication carries the version it was
/// computed for.
/// </summary>
public sealed class DiagnosticsPublisher
{
    private readonly ServerState _state;
    private readonly Client _client;
    private readonly object _lock = new();
    private readonly Dictionary<string, bool> _running = new(StringComparer.Ordinal); // uri -> another run pending
    private HashSet<string> _glossaryFilesWithProblems = new(StringComparer.Ordinal);

    /// <summary>The pause before another run when changes arrived during the last one.</summary>
    public static readonly TimeSpan BurstSpacing = TimeSpan.FromMilliseconds(50);

    public DiagnosticsPublisher(ServerState state, Client client)
    {
        _state = state;
        _client = client;
    }

    public void Schedule(string uri)
    {
        lock (_lock)
        {
            if (_running.ContainsKey(uri))
            {
                _running[uri] = true;
                return;
            }
            _running[uri] = false;
        }
        _ = Task.Run(() => RunAsync(uri));
    }

    public void ScheduleAll()
    {
        foreach (var document in _state.Documents.All()) Schedule(document.Uri);
    }

    /// <summary>
    /// Publishes the problems of each glossary file as that file's diagnostics, and clears the files whose
    /// problems are gone. Problems of the bundled glossary are only logged.
    /// </summary>
    public void PublishGlossaryProblems(Core.Glossary.GlossaryLoadResult result)
    {
        var byFile = result.Problems
            .Where(p => !_state.Glossary.IsBundledFile(p.Location.File))
            .GroupBy(p => p.Location.File)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        HashSet<string> previous;
        lock (_lock)
        {
            previous = _glossaryFilesWithProblems;
            _glossaryFilesWithProblems = new HashSet<string>(byFile.Keys, StringComparer.Ordinal);
        }
        foreach (var (file, problems) in byFile)
        {
            Publish(new PublishDiagnosticsParams(Protocol.Convert.ToUri(file), null, problems.Select(problem => Protocol.Convert.ToDiagnostic(problem, _client.Features.CodeDescription)).ToList()));
        }
        foreach (var file in previous.Where(f => !byFile.ContainsKey(f)))
        {
            Publish(new PublishDiagnosticsParams(Protocol.Convert.ToUri(file), null, []));
        }
    }

    /// <summary>False for a document its project config's include/exclude globs leave out (it still hovers).</summary>
    private bool IsIncluded(string uri) =>
        _state.ConfigFor(uri) is not { } config || Protocol.Convert.ToPath(uri) is not { } path || config.IsIncluded(path, Files.GlobPattern.IsMatch);

    private HashSet<string> _configFilesWithProblems = new(StringComparer.Ordinal);

    /// <summary>Publishes the problems of every project config read so far as its diagnostics, and clears the fixed ones.</summary>
    public void PublishConfigProblems()
    {
        var files = _state.Configs.FilesWithProblems.ToHashSet(StringComparer.Ordinal);
        HashSet<string> previous;
        lock (_lock)
        {
            previous = _configFilesWithProblems;
            _configFilesWithProblems = files;
        }
        foreach (var file in files)
        {
            var diagnostics = _state.Configs.ProblemsOf(file).Select(p => Protocol.Convert.ToDiagnostic(p, _client.Features.CodeDescription, ConfigProblemCode)).ToList();
            Publish(new PublishDiagnosticsParams(Protocol.Convert.ToUri(file), null, diagnostics));
        }
        foreach (var file in previous.Where(f => !files.Contains(f))) Publish(new PublishDiagnosticsParams(Protocol.Convert.ToUri(file), null, []));
    }

    /// <summary>The code of a project config's problems.</summary>
    public const string ConfigProblemCode = "glossary.invalid-config";

    /// <summary>Clears the client's diagnostics for a closed document.</summary>
    public void Clear(string uri) => Publish(new PublishDiagnosticsParams(uri, null, []));

    private async Task RunAsync(string uri)
    {
        while (true)
        {
            try
            {
                await PublishOnceAsync(uri).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _client.Log($"Diagnostics for {uri} failed: {e}");
            }
            lock (_lock)
            {
                if (!_running[uri])
                {
                    _running.Remove(uri);
                    return;
                }
                _running[uri] = false;
            }
            await Task.Delay(BurstSpacing).ConfigureAwait(false);
        }
    }

    private async Task PublishOnceAsync(string uri)
    {
        var document = _state.Documents.Get(uri);
        if (document is null) return;
        // A glossary file's diagnostics are its problems, published by PublishGlossaryProblems.
        if (Protocol.Convert.ToPath(uri) is { } path && _state.Glossary.IsGlossaryFile(path)) return;
        // A project config's own diagnostics are its problems, published by PublishConfigProblems.
        if (Protocol.Convert.ToPath(uri) is { } configPath && ProjectConfigs.IsConfigFile(configPath)) return;
        var settings = _state.SettingsFor(uri);
        var lspDiagnostics = new List<Diagnostic>();
        if (settings.DiagnosticsEnabled && settings.IsLanguageEnabled(document.LanguageId) && IsIncluded(uri))
        {
            await _state.WaitForGlossaryAsync(CancellationToken.None).ConfigureAwait(false);
            var matcher = _state.Glossary.Matcher;
            var analysis = await _state.Analyses.GetAsync(document, matcher, CancellationToken.None).ConfigureAwait(false);
            bool codeDescription = _client.Features.CodeDescription;
            var findings = Core.Features.Rules.Compute(analysis, settings, matcher.Glossary);
            foreach (var diagnostic in Core.Features.Diagnostics.Shown(findings))
            {
                lspDiagnostics.Add(Protocol.Convert.ToDiagnostic(document.Lines, diagnostic, codeDescription));
            }
        }
        // A config found for the first time by this run (in a subfolder) shows its problems now.
        bool newConfigProblems;
        lock (_lock) newConfigProblems = !_state.Configs.FilesWithProblems.All(_configFilesWithProblems.Contains);
        if (newConfigProblems) PublishConfigProblems();
        // A document closed meanwhile keeps the empty list that didClose published.
        if (_state.Documents.Get(uri) is null) return;
        Publish(new PublishDiagnosticsParams(uri, document.Version, lspDiagnostics));
    }

    private void Publish(PublishDiagnosticsParams parameters) =>
        _client.Notify(Methods.PublishDiagnostics, Json.Write(parameters, LspJsonContext.Default.PublishDiagnosticsParams));
}
