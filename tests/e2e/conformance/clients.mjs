// The capability sets of real LSP clients, as data: what each sends in `initialize` (the parts that matter to this
// server, plus enough of the rest to be realistic). Facts read from each client's own source, at the version named,
// and written here in our words; none of their code is copied. The conformance suite derives what it expects from
// these capabilities by the rules of LSP 3.17, never from the client's name. The real-editor suites (run-nvim.sh,
// run-lsp-mode.sh, run-ale.sh) log what the editor sends and check that the parts this server reads match
// (compare-capabilities.mjs).

/** VS Code 1.91+ through vscode-languageclient 11.0.0 (node_modules/vscode-languageclient/lib/common: hover.js,
 * completion.js, codeAction.js, client.js, configuration.js, fileSystemWatcher.js, executeCommand.js). The extension
 * (client-vscode/src/extension.ts) adds the initialization options. */
const vscode = {
  name: 'VS Code (vscode-languageclient 11.0.0)',
  capabilities: {
    general: { positionEncodings: ['utf-16'], markdown: { parser: 'marked', version: '1.1.0' }, staleRequestSupport: { cancel: true, retryOnContentModified: [] } },
    workspace: {
      applyEdit: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], failureHandling: 'textOnlyTransactional' },
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      executeCommand: { dynamicRegistration: true },
      configuration: true,
      workspaceFolders: true,
    },
    textDocument: {
      synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
      hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
      completion: {
        dynamicRegistration: true,
        contextSupport: true,
        completionItem: {
          snippetSupport: true, commitCharactersSupport: true, documentationFormat: ['markdown', 'plaintext'],
          deprecatedSupport: true, preselectSupport: true, tagSupport: { valueSet: [1] }, insertReplaceSupport: true,
          resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] }, labelDetailsSupport: true,
        },
      },
      codeAction: {
        dynamicRegistration: true, isPreferredSupport: true, disabledSupport: true, dataSupport: true,
        resolveSupport: { properties: ['edit', 'command'] },
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.move', 'refactor.rewrite', 'source', 'source.organizeImports', 'notebook'] } },
      },
      definition: { dynamicRegistration: true, linkSupport: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: false, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    },
    window: { workDoneProgress: true, showMessage: { messageActionItem: { additionalPropertiesSupport: true } }, showDocument: { support: true } },
  },
  initializationOptions: { lspGlossary: { diagnostics: { enable: true, severity: 'warning' }, languages: [], locale: 'auto', glossaryFiles: [] }, statusNotification: true, virtualDocuments: true },
};

/** Neovim 0.7.2 (Debian bookworm `neovim`): vim.lsp.protocol.make_client_capabilities in
 * /usr/share/nvim/runtime/lua/vim/lsp/protocol.lua. It answers workspace/configuration but does not declare it. */
const neovim = {
  name: 'Neovim 0.7.2',
  capabilities: {
    textDocument: {
      synchronization: { dynamicRegistration: false, willSave: false, willSaveWaitUntil: false, didSave: true },
      codeAction: {
        dynamicRegistration: false,
        // The kinds come from a table that maps both ways, so the names of the constants are sent too.
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'Empty', 'QuickFix', 'Refactor', 'RefactorExtract', 'RefactorInline', 'RefactorRewrite', 'Source', 'SourceOrganizeImports', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'] } },
        dataSupport: true,
        resolveSupport: { properties: ['edit'] },
      },
      completion: {
        dynamicRegistration: false,
        completionItem: { snippetSupport: false, commitCharactersSupport: false, preselectSupport: false, deprecatedSupport: false, documentationFormat: ['markdown', 'plaintext'] },
        completionItemKind: { valueSet: Array.from({ length: 25 }, (_, i) => i + 1) },
        contextSupport: false,
      },
      declaration: { linkSupport: true },
      definition: { linkSupport: true },
      hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
      publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
    },
    workspace: {
      symbol: { dynamicRegistration: false },
      workspaceFolders: true,
      applyEdit: true,
      workspaceEdit: { resourceOperations: ['rename', 'create', 'delete'] },
    },
    callHierarchy: { dynamicRegistration: false },
    window: { workDoneProgress: true, showMessage: { messageActionItem: { additionalPropertiesSupport: false } }, showDocument: { support: false } },
  },
};

/** Emacs 28 + eglot 1.9 (Debian bookworm `elpa-eglot`): eglot-client-capabilities in eglot.el. Without a
 * gfm-view-mode (markdown-mode) hover is plain text only; completion sends no documentationFormat. */
const eglot = {
  name: 'Emacs eglot 1.9',
  capabilities: {
    workspace: {
      applyEdit: true,
      executeCommand: { dynamicRegistration: false },
      workspaceEdit: { documentChanges: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      symbol: { dynamicRegistration: false },
      configuration: true,
      workspaceFolders: true,
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, willSave: true, willSaveWaitUntil: true, didSave: true },
      completion: { dynamicRegistration: false, completionItem: { snippetSupport: false, deprecatedSupport: true, tagSupport: { valueSet: [1] } }, contextSupport: true },
      hover: { dynamicRegistration: false, contentFormat: ['plaintext'] },
      definition: { dynamicRegistration: false, linkSupport: true },
      codeAction: {
        dynamicRegistration: false,
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'] } },
        isPreferredSupport: true,
      },
      publishDiagnostics: { relatedInformation: false, codeDescriptionSupport: false, tagSupport: { valueSet: [1, 2] } },
    },
    experimental: {},
  },
};

/** Emacs 28 + lsp-mode 8.0.0 (Debian bookworm `elpa-lsp-mode`): lsp--client-capabilities in lsp-mode.el, with its
 * defaults (file watchers on, snippets off without yasnippet). */
const lspMode = {
  name: 'Emacs lsp-mode 8.0.0',
  capabilities: {
    workspace: {
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      applyEdit: true,
      symbol: { symbolKind: { valueSet: Array.from({ length: 26 }, (_, i) => i + 1) } },
      executeCommand: { dynamicRegistration: false },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceFolders: true,
      configuration: true,
      fileOperations: { didCreate: false, willCreate: false, didRename: false, willRename: false, didDelete: false, willDelete: false },
    },
    textDocument: {
      declaration: { linkSupport: true },
      definition: { linkSupport: true },
      synchronization: { willSave: true, didSave: true, willSaveWaitUntil: true },
      codeAction: {
        dynamicRegistration: true,
        isPreferredSupport: true,
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'] } },
        resolveSupport: { properties: ['edit', 'command'] },
        dataSupport: true,
      },
      completion: {
        completionItem: {
          snippetSupport: false, documentationFormat: ['markdown', 'plaintext'], resolveAdditionalTextEditsSupport: true, insertReplaceSupport: true,
          resolveSupport: { properties: ['documentation', 'details', 'additionalTextEdits', 'command'] }, insertTextModeSupport: { valueSet: [1, 2] },
        },
        contextSupport: true,
      },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, versionSupport: true },
    },
    window: { workDoneProgress: true },
  },
};

/** Vim 9 + ALE 3.3.0 (Debian bookworm `vim-ale`): s:SendInitMessage in autoload/ale/lsp.vim. Plain text only, no
 * applyEdit, no configuration, code action literals with an empty kind set. */
const ale = {
  name: 'Vim ALE 3.3.0',
  capabilities: {
    workspace: { applyEdit: false, didChangeConfiguration: { dynamicRegistration: false }, symbol: { dynamicRegistration: false }, workspaceFolders: false, configuration: false },
    textDocument: {
      synchronization: { dynamicRegistration: false, willSave: false, willSaveWaitUntil: false, didSave: true },
      completion: {
        dynamicRegistration: false,
        completionItem: { snippetSupport: false, commitCharactersSupport: false, documentationFormat: ['plaintext'], deprecatedSupport: false, preselectSupport: false },
        contextSupport: false,
      },
      hover: { dynamicRegistration: false, contentFormat: ['plaintext'] },
      definition: { dynamicRegistration: false, linkSupport: false },
      publishDiagnostics: { relatedInformation: true },
      codeAction: { dynamicRegistration: false, codeActionLiteralSupport: { codeActionKind: { valueSet: [] } } },
    },
  },
  initializationOptions: {},
};

/** A minimal client: no capability at all (the LSP defaults: plain text, Commands, nothing dynamic, no applyEdit). */
const minimal = { name: 'minimal plaintext-only client', capabilities: {} };

/** A client with Commands only: no code action literals, but workspace/applyEdit (older Vim and Emacs clients). */
const commandsOnly = {
  name: 'Commands-only client (applyEdit, no literals)',
  capabilities: { workspace: { applyEdit: true }, textDocument: { hover: { contentFormat: ['plaintext'] } } },
};

export const CLIENTS = [vscode, neovim, eglot, lspMode, ale, minimal, commandsOnly];
