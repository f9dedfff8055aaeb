// The bundled glossary's entries as read-only documents. The glossary is embedded in the server's binary, so its
// entries have no file: because this extension asks with the initialization option virtualDocuments, the server
// gives them (Go to Symbol in Workspace, Go to Definition) at lsp-glossary-bundled: URIs, and this provider asks the
// server for their text (lspGlossary/bundledFile). It only passes the URI through: the server decides what it names.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';

/** The scheme of the server's virtual URIs (Methods.BundledScheme in the server; an activation event in package.json). */
export const bundledScheme = 'lsp-glossary-bundled';

/** Registers the read-only provider of lsp-glossary-bundled: documents; `current` returns the running client, if any. */
export function registerBundledFiles(current: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(bundledScheme, {
    async provideTextDocumentContent(uri, token) {
      const client = current();
      if (!client) throw new Error('LSP Glossary: the language server is not running.');
      const answer = await client.sendRequest<{ text: string } | null>('lspGlossary/bundledFile', { uri: uri.toString() }, token);
      if (!answer) throw new Error(`LSP Glossary: the server has no bundled file ${uri.toString()}.`);
      return answer.text;
    },
  });
}
