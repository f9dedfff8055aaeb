using LspGlossary.Core.Features;
using LspGlossary.Core.Config;
using LspGlossary.Core.Glossary;
using LspGlossary.Core.Workspace;
using LspGlossary.Server.State;

namespace LspGlossary.Server;

/// <summary>
/// One client connection: its <see cref="State"/> (documents, glossary, settings), its <see cref="Client"/>
/// (capabilities, lifecycle, every message to the client) and the <see cref="Diagnostics"/> published from them.
/// The endpoints that change state (text sync, configuration, lifecycle, watched files) take the session, for the
/// changes that reach several of those: new settings, a glossary reload. Every other endpoint takes only the state
/// and the client.
/// </summary>
public sealed class Session
{
    public Session(TextWriter log, string? bundledGlossaryDirectory, IWorkspace workspace)
    {
        Client = new Client(log);
        State = new ServerState(bundledGlossaryDirectory, workspace, Client.Log);
        Diagnostics = new DiagnosticsPublisher(State, Client);
    }

    public Client Client { get; }
    public ServerState State { get; }
    public DiagnosticsPublisher Diagnostics { get; }

    /// <summary>Set when the exit notification arrives: the exit code the process ends with.</summary>
    public TaskCompletionSource<int> Exit { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// The context that dispatches messages one at a time, in order. State changes that do not start from a
    /// message (the client's answer to workspace/configuration) are posted to it, so they run in that order too.
    /// </summary>
    public SynchronizationContext? MessageLoop { get; set; }

    /// <summary>
    /// Asks the client for the lspGlossary settings (workspace/configuration), globally and per workspace folder, and
    /// applies them on the message loop.
    /// Completes when they are applied (or when there are none to apply).
    /// </summary>
    public async Task RefreshSettingsAsync()
    {
        // Per folder only in a multi-root workspace: one folder's settings are the workspace's, in the unscoped answer
        // (and pushed settings, which have no scope, must not be shadowed by an older scoped answer).
        var folders = State.Glossary.WorkspaceFolders.Count > 1 ? State.Glossary.WorkspaceFolders : [];
        if (await Client.PullSettingsAsync(folders.Select(Protocol.Convert.ToUri).ToList()).ConfigureAwait(false) is not { } answers) return;
        // Each folder's answer, when the client gave one per folder (a client may answer fewer items).
        var perFolder = new Dictionary<string, System.Text.Json.JsonElement>(StringComparer.Ordinal);
        for (int i = 0; i < folders.Count && i + 1 < answers.Count; i++) perFolder[folders[i]] = answers[i + 1];
        void Apply()
        {
            State.FolderSettings = perFolder;
            ApplySettings(answers[0]);
        }
        if (MessageLoop is not { } loop)
        {
            Apply();
            return;
        }
        var applied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        loop.Post(_ =>
        {
            try
            {
                Apply();
            }
            catch (Exception e)
            {
                Client.Log($"Applying the settings failed: {e}");
            }
            applied.SetResult();
        }, null);
        await applied.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Uses new settings: reloads the glossary when its files changed, and refreshes diagnostics; asks the client to
    /// refresh inlay hints when <c>inlayHints.expansion</c> changed.
    /// </summary>
    public void ApplySettings(System.Text.Json.JsonElement? sent)
    {
        var settings = Protocol.SettingsReader.Read(sent, Settings.Default);
        bool inlayHintsChanged = settings.InlayHintsExpansion != State.Settings.InlayHintsExpansion;
        bool glossaryFilesChanged = State.ReplaceSettings(settings, sent);
        if (Client.Initialized && inlayHintsChanged) _ = Client.RefreshInlayHintsAsync();
        if (Client.Initialized && glossaryFilesChanged) ReloadGlossary();
        else Diagnostics.ScheduleAll();
    }

    /// <summary>
    /// Reads every glossary file again off the message loop, then tells the client about a changed glossary:
    /// problems as diagnostics on the glossary files, the term count as <c>lspGlossary/status</c>, and fresh
    /// diagnostics for every open document.
    /// </summary>
    public void ReloadGlossary() => State.ReloadGlossary(GlossaryChanged);

    private void GlossaryChanged(GlossaryLoadResult result)
    {
        Diagnostics.PublishGlossaryProblems(result);
        Client.SendStatus(result);
        Diagnostics.ScheduleAll();
        RebuildIndex();
    }

    /// <summary>
    /// Builds the term index of the workspace folders again with the glossary in use, reporting work-done progress to
    /// clients that support it, and asking for fresh code lenses at the end where the client can refresh them.
    /// </summary>
    public void RebuildIndex()
    {
        var progress = Client.BeginProgress("Indexing glossary terms");
        State.Index.Rebuild(State.Glossary.WorkspaceFolders, State.Glossary.Matcher,
            (done, total) => progress?.Report(done, total),
            outcome =>
            {
                progress?.End(outcome);
                _ = Client.RefreshCodeLensesAsync();
            });
    }

    /// <summary>
    /// Workspace folders came or went: the glossary is read again from the new folders (a change rebuilds the index
    /// through <see cref="GlossaryChanged"/>), and the index is rebuilt after the reload in any case.
    /// </summary>
    public void ChangeWorkspaceFolders(IReadOnlyList<string> added, IReadOnlyList<string> removed)
    {
        var folders = State.Glossary.WorkspaceFolders.Where(f => !removed.Contains(f, StringComparer.Ordinal))
            .Concat(added).Distinct(StringComparer.Ordinal).ToList();
        State.Glossary.WorkspaceFolders = folders;
        State.UpdateExtraGlossaryFiles();
        Diagnostics.PublishConfigProblems();
        _ = RefreshSettingsAsync(); // the new folders' own settings
        State.ReloadGlossary(GlossaryChanged);
        _ = State.GlossaryReady.ContinueWith(_ => RebuildIndex(), TaskScheduler.Default);
    }

    /// <summary>
    /// Files changed on disk (watched-file events): a glossary file reloads the glossary, any other file the index
    /// reads is indexed again (or dropped when deleted). Open documents are not read from disk.
    /// </summary>
    public void FilesChanged(IReadOnlyList<(string Path, bool Deleted)> changes)
    {
        bool glossary = false, config = false;
        foreach (var (path, deleted) in changes)
        {
            if (ProjectConfigs.IsConfigFile(path))
            {
                State.Configs.Forget(path);
                config = true;
            }
            else if (State.Glossary.IsGlossaryFile(path)) glossary = true;
            else State.Index.Update(path, deleted, State.Glossary.Matcher);
        }
        if (config) ConfigsChanged();
        else if (glossary || changes.Count == 0) ReloadGlossary();
    }

    /// <summary>
    /// A project config changed (on disk, or as typed): its problems go to the client as its diagnostics, the glossary
    /// is read again when the glossary files it names changed, and every open document gets fresh diagnostics.
    /// </summary>
    public void ConfigsChanged()
    {
        Diagnostics.PublishConfigProblems();
        if (State.UpdateExtraGlossaryFiles()) ReloadGlossary();
        else Diagnostics.ScheduleAll();
    }
}
