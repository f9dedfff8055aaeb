using System.Text.Json;

namespace LspGlossary.Server.Protocol;

/// <summary>
/// What the client said it supports, reduced to the questions this server asks. Everything defaults to the
/// most conservative answer: plain text, <c>Command</c>s instead of code action literals, no dynamic registration.
/// </summary>
public sealed record ClientFeatures(
    bool HoverMarkdown = false,
    bool CompletionMarkdown = false,
    bool CompletionInsertReplace = false,
    bool CodeActionLiterals = false,
    bool CodeActionResolveEdit = false,
    bool ApplyEdit = false,
    bool Configuration = false,
    bool WatchedFilesRegistration = false,
    bool StatusNotification = false,
    bool VirtualDocuments = false,
    bool InlayHintRefresh = false,
    bool HierarchicalDocumentSymbols = false,
    bool WorkDoneProgress = false,
    bool CodeLensRefresh = false,
    bool PrepareRename = false,
    bool CodeDescription = false,

    bool DocumentChanges = false,
    bool CreateFiles = false,
    bool SnippetEdits = false,
    bool ShowDocument = false)
{
    public static readonly ClientFeatures None = new();
}

/// <summary>
/// Reads <c>InitializeParams.capabilities</c> (and the <c>statusNotification</c> and <c>virtualDocuments</c>
/// initialization options) leniently: a missing or mistyped value means "not supported", never an error.
/// </summary>
public static class ClientCapabilitiesReader
{
    /// <summary>The initialization option that asks for <c>lspGlossary/status</c> notifications.</summary>
    public const string StatusNotificationOption = "statusNotification";

    /// <summary>
    /// The initialization option that asks for the embedded glossary's entries in workspace symbols and definitions,
    /// at virtual URIs (<see cref="BundledUri"/>) whose text the client reads with <c>lspGlossary/bundledFile</c>.
    /// </summary>
    public const string VirtualDocumentsOption = "virtualDocuments";

    public static ClientFeatures Read(JsonElement? capabilities, JsonElement? initializationOptions)
    {
        var caps = capabilities ?? default;
        return new ClientFeatures(
            HoverMarkdown: Lists(Get(caps, "textDocument", "hover", "contentFormat"), "markdown"),
            CompletionMarkdown: Lists(Get(caps, "textDocument", "completion", "completionItem", "documentationFormat"), "markdown"),
            CompletionInsertReplace: IsTrue(Get(caps, "textDocument", "completion", "completionItem", "insertReplaceSupport")),
            CodeActionLiterals: Get(caps, "textDocument", "codeAction", "codeActionLiteralSupport") is { ValueKind: JsonValueKind.Object },
            CodeActionResolveEdit: Lists(Get(caps, "textDocument", "codeAction", "resolveSupport", "properties"), "edit")
                && IsTrue(Get(caps, "textDocument", "codeAction", "dataSupport")),
            ApplyEdit: IsTrue(Get(caps, "workspace", "applyEdit")),
            Configuration: IsTrue(Get(caps, "workspace", "configuration")),
            WatchedFilesRegistration: IsTrue(Get(caps, "workspace", "didChangeWatchedFiles", "dynamicRegistration")),
            StatusNotification: IsTrue(Get(initializationOptions ?? default, StatusNotificationOption)),
            VirtualDocuments: IsTrue(Get(initializationOptions ?? default, VirtualDocumentsOption)),
            InlayHintRefresh: IsTrue(Get(caps, "workspace", "inlayHint", "refreshSupport")),
            HierarchicalDocumentSymbols: IsTrue(Get(caps, "textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport")),
            WorkDoneProgress: IsTrue(Get(caps, "window", "workDoneProgress")),
            CodeLensRefresh: IsTrue(Get(caps, "workspace", "codeLens", "refreshSupport")),
            PrepareRename: IsTrue(Get(caps, "textDocument", "rename", "prepareSupport")),
            CodeDescription: IsTrue(Get(caps, "textDocument", "publishDiagnostics", "codeDescriptionSupport")),

            DocumentChanges: IsTrue(Get(caps, "workspace", "workspaceEdit", "documentChanges")),
            CreateFiles: Lists(Get(caps, "workspace", "workspaceEdit", "resourceOperations"), "create"),
            SnippetEdits: IsTrue(Get(caps, "workspace", "workspaceEdit", "snippetEditSupport")),
            ShowDocument: IsTrue(Get(caps, "window", "showDocument", "support")));
    }

    private static JsonElement? Get(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        }
        return element;
    }

    private static bool IsTrue(JsonElement? element) => element is { ValueKind: JsonValueKind.True };

    private static bool Lists(JsonElement? element, string value) =>
        element is { ValueKind: JsonValueKind.Array } array
        && array.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == value);
}
