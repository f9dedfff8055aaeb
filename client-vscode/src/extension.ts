// The LSP Glossary extension: finds the lsp-glossary server, starts it over stdio, and adds a language status
// item, four commands and the read-only documents of the bundled glossary. All language logic lives in the server.
import * as path from 'path';
import * as vscode from 'vscode';
import { DocumentSelector, LanguageClient, LanguageClientOptions, State, TransportKind } from 'vscode-languageclient/node';
import { registerBundledFiles } from './bundled';
import { locateServer, settingName } from './server';
import { GlossaryStatus, StatusItem } from './status';

const fixAllKind = vscode.CodeActionKind.SourceFixAll.append('lspGlossary');
let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: StatusItem;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The languages the extension serves are its onLanguage activation events in package.json. The same ids are
  // listed again there, as the enum of the lspGlossary.languages setting, and the server has its own table.
  const languages: string[] = (context.extension.packageJSON.activationEvents as string[])
    .filter((e) => e.startsWith('onLanguage:')).map((e) => e.slice('onLanguage:'.length));
  settingKeys = Object.keys(context.extension.packageJSON.contributes?.configuration?.properties ?? {})
    .filter((k) => k.startsWith('lspGlossary.')).map((k) => k.slice('lspGlossary.'.length));
  output = vscode.window.createOutputChannel('LSP Glossary', { log: true });
  status = new StatusItem(statusSelector(languages));
  context.subscriptions.push(output, status,
    vscode.commands.registerCommand('lspGlossary.restartServer', () => restart(context, languages)),
    vscode.commands.registerCommand('lspGlossary.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('lspGlossary.fixAll', fixAll),
    vscode.commands.registerCommand('lspGlossary.showReferences', showReferences),
    registerBundledFiles(() => client),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('lspGlossary.languages')) status.selector = statusSelector(languages);
      if (e.affectsConfiguration(settingName)) void restart(context, languages);
      else if (e.affectsConfiguration('lspGlossary')) {
        void client?.sendNotification('workspace/didChangeConfiguration', { settings: { lspGlossary: settingsForServer() } });
      }
    }));
  await start(context, languages);
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(context: vscode.ExtensionContext, languages: string[]): Promise<void> {
  // A machine-scoped setting: VS Code returns the user's (machine's) value only, whatever a workspace sets.
  const server = locateServer(vscode.workspace.getConfiguration().get<string>(settingName), context.extensionPath);
  void reportIgnoredWorkspaceServerPath();
  if (!server.ok) {
    output.error(`Could not start the language server. ${server.message}\nChecked, in order:\n  ${server.checked.join('\n  ')}`);
    status.stopped('no language server found');
    void vscode.window.showErrorMessage(`LSP Glossary: ${server.message}`, 'Show Output', 'Open Settings').then((choice) => {
      if (choice === 'Show Output') output.show(true);
      if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', settingName);
    });
    return;
  }
  output.info(`Starting ${server.command} (${server.source}).`);
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(languages),
    // No synchronize.fileEvents: the server registers its own glossary-file watcher (client/registerCapability for
    // workspace/didChangeWatchedFiles), which vscode-languageclient honours; a second watcher here would report
    // each change twice. Settings are sent by this extension (settingsForServer), on start, on every change and
    // when pulled.
    middleware: {
      workspace: {
        configuration: (params, token, next) => params.items.some((item) => item.section === 'lspGlossary')
          ? params.items.map((item) => (item.section === 'lspGlossary'
            ? settingsForServer(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
            : null))
          : next(params, token),
      },
    },
    // statusNotification: the server sends lspGlossary/status (the language status item) only to clients that ask for it.
    // virtualDocuments: the bundled glossary's entries in workspace symbols and definitions, at lsp-glossary-bundled:
    // URIs, which registerBundledFiles serves.
    initializationOptions: { lspGlossary: settingsForServer(), statusNotification: true, virtualDocuments: true },
    outputChannel: output,
  };
  const serverOptions = { command: server.command, transport: TransportKind.stdio };
  client = new LanguageClient('lspGlossary', 'LSP Glossary', serverOptions, clientOptions);
  client.onNotification('lspGlossary/status', (params: GlossaryStatus) => status.update(params));
  client.onDidChangeState((e) => { if (e.newState === State.Stopped) status.stopped('the language server stopped'); });
  status.starting();
  try {
    await client.start();
    status.running(); // until the server's first lspGlossary/status
  } catch (error) {
    status.stopped('the language server failed to start');
    output.error(`The language server failed to start: ${String(error)}`);
    void vscode.window.showErrorMessage('LSP Glossary: the language server failed to start.', 'Show Output')
      .then((choice) => { if (choice) output.show(true); });
  }
}

/**
 * The documents the server gets: saved and untitled files of the served languages, and the cells of those languages
 * in notebooks (a .ipynb's Markdown and code cells). A cell is synchronised as a text document of its own, whose URI
 * has the scheme vscode-notebook-cell (no notebookDocument/* messages: the server does not announce
 * notebookDocumentSync); the server treats it like an untitled document and never reads it from disk.
 */
function documentSelector(languages: string[]): DocumentSelector {
  return languages.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
    { notebook: '*', language }, // a cell of any notebook type (jupyter-notebook, interactive, …)
  ]);
}

/** Where the language status item shows: the served documents, narrowed by the lspGlossary.languages setting. */
function statusSelector(languages: string[]): vscode.DocumentSelector {
  const enabled = vscode.workspace.getConfiguration('lspGlossary').get<string[]>('languages') ?? [];
  const served = enabled.length === 0 ? languages : languages.filter((language) => enabled.includes(language));
  return served.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
    { notebookType: '*', language },
  ]);
}

/**
 * The lspGlossary settings as the server gets them: only those the user set (user, workspace or, with a scope, folder
 * settings), so that a project's .lsp-glossary.yaml decides the rest; defaults are the server's own. `scope` is a
 * workspace folder's URI when the server asks per folder (workspace/configuration with scopeUri). A glossary file
 * named in workspace settings (which a cloned repository controls) is read only when it lies inside a workspace
 * folder; outside files come from user settings only, so a repository cannot make the server read, and show problems
 * of, a file elsewhere.
 */
function settingsForServer(scope?: vscode.Uri): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('lspGlossary', scope);
  const settings: Record<string, unknown> = {};
  for (const key of settingKeys) {
    const inspected = config.inspect(key);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value === undefined || key === 'glossaryFiles') continue;
    // 'diagnostics.severity' → { diagnostics: { severity } }
    const parts = key.split('.');
    let node = settings;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = value;
  }
  const inspected = config.inspect<string[]>('glossaryFiles');
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const inside = (file: string) => folders.some((folder) => {
    const relative = path.relative(folder, path.resolve(folders[0], file));
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  });
  const fromWorkspace = [...(inspected?.workspaceValue ?? []), ...(inspected?.workspaceFolderValue ?? [])];
  for (const file of fromWorkspace.filter((f) => !inside(f))) {
    output.warn(`Workspace settings name the glossary file "${file}", outside every workspace folder; it is not read ` +
      '(glossary files outside the workspace are read only from user settings).');
  }
  const glossaryFiles = [...(inspected?.globalValue ?? []), ...fromWorkspace.filter(inside)];
  if (glossaryFiles.length > 0) settings.glossaryFiles = glossaryFiles;
  return settings;
}

/** The lspGlossary settings the extension declares (package.json), without the section: 'diagnostics.severity', … */
let settingKeys: string[] = [];

/**
 * VS Code drops a machine-scoped setting from workspace settings without a word; say so in the output channel,
 * so that whoever set it there learns why it has no effect. (A look at the files' text: nothing is run.)
 */
async function reportIgnoredWorkspaceServerPath(): Promise<void> {
  const files = (vscode.workspace.workspaceFolders ?? []).map((f) => vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'));
  if (vscode.workspace.workspaceFile?.scheme === 'file') files.push(vscode.workspace.workspaceFile);
  for (const file of files) {
    const text = await vscode.workspace.fs.readFile(file).then((bytes) => Buffer.from(bytes).toString('utf8'), () => '');
    if (text.includes(`"${settingName}"`)) {
      output.warn(`${file.fsPath} sets "${settingName}"; it is ignored: only user settings choose the server executable ` +
        '(a workspace must not choose what the extension runs).');
    }
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.needsStop()) await running.stop().catch(() => undefined);
}

async function restart(context: vscode.ExtensionContext, languages: string[]): Promise<void> {
  await stop();
  await start(context, languages);
}

/** Applies the server's source.fixAll.lspGlossary action to the whole active document. */
async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const document = editor.document;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', document.uri, whole, fixAllKind.value) ?? [];
  const edits = actions.filter((a) => a.edit && fixAllKind.contains(a.kind ?? vscode.CodeActionKind.Empty));
  if (edits.length === 0) {
    void vscode.window.showInformationMessage('LSP Glossary: no glossary spellings to fix in this file.');
    return;
  }
  for (const action of edits) await vscode.workspace.applyEdit(action.edit!);
}

/**
 * The command of a glossary entry's code lens ("N uses in M files"): asks the references of the entry at that
 * position (the server's textDocument/references, through VS Code's provider) and shows them in the peek view.
 */
async function showReferences(args?: { uri?: string; position?: { line?: number; character?: number } }): Promise<void> {
  if (typeof args?.uri !== 'string' || typeof args.position?.line !== 'number' || typeof args.position.character !== 'number') return;
  const uri = vscode.Uri.parse(args.uri);
  const position = new vscode.Position(args.position.line, args.position.character);
  const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, position);
  await vscode.commands.executeCommand('editor.action.showReferences', uri, position, locations ?? []);
}
