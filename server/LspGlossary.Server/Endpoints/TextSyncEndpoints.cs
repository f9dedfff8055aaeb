using System.Text.Json;
using LspGlossary.Core.Text;
using LspGlossary.Server.Protocol;
using LspGlossary.Server.State;
using StreamJsonRpc;

namespace LspGlossary.Server.Endpoints;

/// <summary>didOpen, didChange (incremental), didClose: the only methods that change documents.</summary>
public sealed class TextSyncEndpoints(Session session)
{
    [JsonRpcMethod(Methods.DidOpen, UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(JsonElement parameters) => Endpoint.Handle(session.Client, Methods.DidOpen, () =>
    {
        var item = Json.Read(parameters, LspJsonContext.Default.DidOpenTextDocumentParams, Methods.DidOpen).TextDocument;
        session.State.Documents.Set(new TextDocument(item.Uri, item.LanguageId, item.Version, item.Text));
        if (!UpdateGlossaryFile(item.Uri, () => item.Text) && !UpdateConfigFile(item.Uri, () => item.Text)) session.Diagnostics.Schedule(item.Uri);
    });

    [JsonRpcMethod(Methods.DidChange, UseSingleObjectParameterDeserialization = true)]
    public void DidChange(JsonElement parameters) => Endpoint.Handle(session.Client, Methods.DidChange, () =>
    {
        var p = Json.Read(parameters, LspJsonContext.Default.DidChangeTextDocumentParams, Methods.DidChange);
        var document = session.State.Documents.Get(p.TextDocument.Uri);
        if (document is null)
        {
            session.Client.Log($"didChange for a document that is not open: {p.TextDocument.Uri}; ignored.");
            return;
        }
        int version = p.TextDocument.Version ?? document.Version + 1;
        foreach (var change in p.ContentChanges)
        {
            if (change.Range is { } range)
            {
                var span = Protocol.Convert.ToSpanClamped(document.Lines, range);
                document = document.WithEdit(span.Start, span.End, change.Text, version);
            }
            else
            {
                document = document.WithText(change.Text, version);
            }
        }
        session.State.Documents.Set(document);
        // Text is joined only for a glossary file: an edit of another document never copies its text here.
        if (!UpdateGlossaryFile(document.Uri, () => document.Text) && !UpdateConfigFile(document.Uri, () => document.Text)) session.Diagnostics.Schedule(document.Uri);
    });

    [JsonRpcMethod(Methods.DidSave, UseSingleObjectParameterDeserialization = true)]
    public void DidSave(JsonElement parameters) => Endpoint.Handle(session.Client, Methods.DidSave, () =>
    {
        var uri = Json.Read(parameters, LspJsonContext.Default.DidSaveTextDocumentParams, Methods.DidSave).TextDocument.Uri;
        if (Protocol.Convert.ToPath(uri) is { } path && session.State.Glossary.IsGlossaryFile(path)) session.ReloadGlossary();
    });

    /// <summary>
    /// An open glossary file's text replaces the file on disk for the glossary, so edits take effect as they
    /// are typed. Returns true when the document is a glossary file (its diagnostics are its problems).
    /// </summary>
    private bool UpdateGlossaryFile(string uri, Func<string?> text)
    {
        if (Protocol.Convert.ToPath(uri) is not { } path || !session.State.Glossary.IsGlossaryFile(path)) return false;
        session.State.Glossary.SetOpenDocument(path, text());
        session.ReloadGlossary();
        return true;
    }

    /// <summary>
    /// An open project config's text replaces the file on disk, so its edits take effect as they are typed. Returns
    /// true when the document is a project config (its diagnostics are its problems).
    /// </summary>
    private bool UpdateConfigFile(string uri, Func<string?> text)
    {
        if (Protocol.Convert.ToPath(uri) is not { } path || !Core.Config.ProjectConfigs.IsConfigFile(path)) return false;
        session.State.Configs.SetOpenText(path, text());
        session.ConfigsChanged();
        return true;
    }

    [JsonRpcMethod(Methods.DidClose, UseSingleObjectParameterDeserialization = true)]
    public void DidClose(JsonElement parameters) => Endpoint.Handle(session.Client, Methods.DidClose, () =>
    {
        var uri = Json.Read(parameters, LspJsonContext.Default.DidCloseTextDocumentParams, Methods.DidClose).TextDocument.Uri;
        var closed = session.State.Documents.Get(uri);
        if (session.State.Documents.Remove(uri))
        {
            session.State.Analyses.Remove(uri);
            if (!UpdateGlossaryFile(uri, () => null) && !UpdateConfigFile(uri, () => null))
            {
                session.Diagnostics.Clear(uri);
                // The index goes back to the file on disk (the editor's text may never have been saved).
                if (Protocol.Convert.ToPath(uri) is { } path) session.State.Index.Update(path, deleted: false, session.State.Glossary.Matcher);
            }
            if (closed!.Length >= MemoryRelease.LargeDocumentChars) MemoryRelease.Schedule(session.Client.Log);
        }
    });
}
