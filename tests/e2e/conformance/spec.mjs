// Shapes of LSP 3.17 structures, and the rules that tie the server's messages to the client's capabilities. Each
// check returns a list of problems (empty when the value conforms), so a test can report all of them at once.

const isInt = (v) => Number.isInteger(v);
const isUInt = (v) => isInt(v) && v >= 0;
const isString = (v) => typeof v === 'string';
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads a path of properties, undefined where one is missing. */
export const get = (value, ...path) => path.reduce((v, key) => (isObject(v) ? v[key] : undefined), value);

export function position(p, where) {
  return isObject(p) && isUInt(p.line) && isUInt(p.character) ? [] : [`${where}: not a Position: ${JSON.stringify(p)}`];
}

export function range(r, where) {
  if (!isObject(r)) return [`${where}: not a Range`];
  const problems = [...position(r.start, `${where}.start`), ...position(r.end, `${where}.end`)];
  if (problems.length === 0 && (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character))) {
    problems.push(`${where}: the end is before the start`);
  }
  return problems;
}

export function textEdit(e, where) {
  if (!isObject(e)) return [`${where}: not a TextEdit`];
  return [...range(e.range, `${where}.range`), ...(isString(e.newText) ? [] : [`${where}.newText: not a string`])];
}

export function markupContent(m, where) {
  if (!isObject(m) || !['plaintext', 'markdown'].includes(m.kind) || !isString(m.value)) return [`${where}: not a MarkupContent: ${JSON.stringify(m)?.slice(0, 200)}`];
  return [];
}

/** The kind the client accepts: markdown only if it lists it (LSP: the absence of a format means plain text). */
export const wantsMarkdown = (formats) => Array.isArray(formats) && formats.includes('markdown');

/** Markdown marks a plain-text rendering must not carry. */
export function plainTextProblems(text, where) {
  const marks = ['**', '](', '_bundled', '*Note:*'];
  return marks.filter((m) => text.includes(m)).map((m) => `${where}: plain text contains the Markdown mark ${JSON.stringify(m)}`);
}

export function diagnostic(d, where) {
  if (!isObject(d)) return [`${where}: not a Diagnostic`];
  const problems = [...range(d.range, `${where}.range`)];
  if (!isString(d.message)) problems.push(`${where}.message: not a string`);
  if (d.severity !== undefined && ![1, 2, 3, 4].includes(d.severity)) problems.push(`${where}.severity: ${d.severity}`);
  if (d.code !== undefined && !isString(d.code) && !isInt(d.code)) problems.push(`${where}.code: not a string or integer`);
  if (d.source !== undefined && !isString(d.source)) problems.push(`${where}.source: not a string`);
  return problems;
}

export function workspaceEdit(edit, caps, where) {
  if (!isObject(edit)) return [`${where}: not a WorkspaceEdit`];
  const problems = [];
  if (edit.documentChanges !== undefined && get(caps, 'workspace', 'workspaceEdit', 'documentChanges') !== true) {
    problems.push(`${where}: documentChanges sent to a client without workspaceEdit.documentChanges`);
  }
  if (edit.changes !== undefined) {
    if (!isObject(edit.changes)) return [`${where}.changes: not an object`];
    for (const [uri, edits] of Object.entries(edit.changes)) {
      if (!Array.isArray(edits)) problems.push(`${where}.changes[${uri}]: not an array`);
      else edits.forEach((e, i) => problems.push(...textEdit(e, `${where}.changes[${uri}][${i}]`)));
    }
  }
  return problems;
}

/** A code action answer: CodeAction literals for clients with codeActionLiteralSupport, else Commands. */
export function codeActionResult(result, caps, commands, where) {
  if (result === null) return [];
  if (!Array.isArray(result)) return [`${where}: not an array`];
  const literals = isObject(get(caps, 'textDocument', 'codeAction', 'codeActionLiteralSupport'));
  const problems = [];
  result.forEach((a, i) => {
    const w = `${where}[${i}]`;
    if (!isObject(a) || !isString(a.title)) { problems.push(`${w}: no title`); return; }
    const isCommand = isString(a.command);
    if (!literals && !isCommand) problems.push(`${w}: a CodeAction literal sent to a client without codeActionLiteralSupport`);
    if (isCommand) {
      if (!commands.includes(a.command)) problems.push(`${w}: command ${a.command} is not in executeCommandProvider.commands`);
      if (a.arguments !== undefined && !Array.isArray(a.arguments)) problems.push(`${w}.arguments: not an array`);
      if (get(caps, 'workspace', 'applyEdit') !== true) problems.push(`${w}: a Command whose edit needs workspace/applyEdit, which the client lacks`);
      return;
    }
    if (a.kind !== undefined && !isString(a.kind)) problems.push(`${w}.kind: not a string`);
    if (a.edit !== undefined) problems.push(...workspaceEdit(a.edit, caps, `${w}.edit`));
    if (a.diagnostics !== undefined) a.diagnostics.forEach((d, j) => problems.push(...diagnostic(d, `${w}.diagnostics[${j}]`)));
    if (a.data !== undefined && get(caps, 'textDocument', 'codeAction', 'dataSupport') !== true) problems.push(`${w}: data sent to a client without dataSupport`);
    if (a.edit === undefined && a.command === undefined) {
      const resolvable = (get(caps, 'textDocument', 'codeAction', 'resolveSupport', 'properties') ?? []).includes('edit');
      if (!resolvable) problems.push(`${w}: an action with neither edit nor command for a client that cannot resolve edits`);
    }
  });
  return problems;
}

/** A completion answer: documentation and edits in the forms the client supports. */
export function completionResult(result, caps, where) {
  if (result === null) return [];
  const items = Array.isArray(result) ? result : result?.items;
  if (!Array.isArray(items)) return [`${where}: neither CompletionItem[] nor CompletionList`];
  const item = get(caps, 'textDocument', 'completion', 'completionItem') ?? {};
  const problems = [];
  items.forEach((c, i) => {
    const w = `${where}.items[${i}]`;
    if (!isString(c.label)) problems.push(`${w}.label: not a string`);
    if (c.kind !== undefined && !(isInt(c.kind) && c.kind >= 1 && c.kind <= 25)) problems.push(`${w}.kind: ${c.kind}`);
    if (c.documentation !== undefined) {
      if (isString(c.documentation)) {
        problems.push(...plainTextProblems(c.documentation, `${w}.documentation`));
      } else {
        problems.push(...markupContent(c.documentation, `${w}.documentation`));
        if (c.documentation?.kind === 'markdown' && !wantsMarkdown(item.documentationFormat)) problems.push(`${w}.documentation: Markdown sent to a client that does not list it`);
        if (c.documentation?.kind === 'plaintext') problems.push(...plainTextProblems(c.documentation.value, `${w}.documentation`));
      }
    }
    if (c.textEdit !== undefined) {
      if (c.textEdit.insert !== undefined || c.textEdit.replace !== undefined) {
        if (item.insertReplaceSupport !== true) problems.push(`${w}.textEdit: InsertReplaceEdit sent to a client without insertReplaceSupport`);
        problems.push(...range(c.textEdit.insert, `${w}.textEdit.insert`), ...range(c.textEdit.replace, `${w}.textEdit.replace`));
        if (!isString(c.textEdit.newText)) problems.push(`${w}.textEdit.newText: not a string`);
      } else {
        problems.push(...textEdit(c.textEdit, `${w}.textEdit`));
      }
    }
  });
  return problems;
}

export function hoverResult(result, caps, where) {
  if (result === null) return [];
  if (!isObject(result)) return [`${where}: not a Hover`];
  const problems = [...markupContent(result.contents, `${where}.contents`)];
  if (result.range !== undefined) problems.push(...range(result.range, `${where}.range`));
  const markdown = wantsMarkdown(get(caps, 'textDocument', 'hover', 'contentFormat'));
  if (result.contents?.kind === 'markdown' && !markdown) problems.push(`${where}: Markdown sent to a client that does not list it`);
  if (result.contents?.kind === 'plaintext') problems.push(...plainTextProblems(result.contents.value, `${where}.contents`));
  return problems;
}

/** The InitializeResult: the shapes of the capabilities this server announces, and the encoding the client allows. */
export function initializeResult(result, caps) {
  if (!isObject(result) || !isObject(result.capabilities)) return ['initialize: no capabilities'];
  const c = result.capabilities;
  const problems = [];
  const offered = get(caps, 'general', 'positionEncodings');
  const encoding = c.positionEncoding ?? 'utf-16';
  if (Array.isArray(offered) ? !offered.includes(encoding) && encoding !== 'utf-16' : encoding !== 'utf-16') {
    problems.push(`positionEncoding ${encoding} was not offered by the client`);
  }
  const sync = c.textDocumentSync;
  if (isObject(sync)) {
    if (sync.openClose !== undefined && typeof sync.openClose !== 'boolean') problems.push('textDocumentSync.openClose: not a boolean');
    if (sync.change !== undefined && ![0, 1, 2].includes(sync.change)) problems.push(`textDocumentSync.change: ${sync.change}`);
    if (sync.save !== undefined && typeof sync.save !== 'boolean' && !isObject(sync.save)) problems.push('textDocumentSync.save: neither boolean nor SaveOptions');
  } else if (![0, 1, 2].includes(sync)) problems.push('textDocumentSync: neither a kind nor options');
  for (const name of ['hoverProvider', 'definitionProvider', 'codeActionProvider', 'workspaceSymbolProvider', 'documentSymbolProvider', 'referencesProvider', 'renameProvider']) {
    if (c[name] !== undefined && typeof c[name] !== 'boolean' && !isObject(c[name])) problems.push(`${name}: neither boolean nor options`);
  }
  if (isObject(c.codeActionProvider)) {
    if (!Array.isArray(c.codeActionProvider.codeActionKinds ?? []) || !(c.codeActionProvider.codeActionKinds ?? []).every(isString)) problems.push('codeActionProvider.codeActionKinds: not strings');
    if (c.codeActionProvider.resolveProvider !== undefined && typeof c.codeActionProvider.resolveProvider !== 'boolean') problems.push('codeActionProvider.resolveProvider: not a boolean');
  }
  if (c.completionProvider !== undefined && !isObject(c.completionProvider)) problems.push('completionProvider: not CompletionOptions');
  if (isObject(c.renameProvider) && get(caps, 'textDocument', 'rename', 'prepareSupport') !== true) problems.push('renameProvider: RenameOptions (prepareProvider) for a client without prepareSupport');
  if (c.codeLensProvider !== undefined && !isObject(c.codeLensProvider)) problems.push('codeLensProvider: not CodeLensOptions');
  if (c.workspace?.workspaceFolders !== undefined && typeof c.workspace.workspaceFolders.supported !== 'boolean') problems.push('workspace.workspaceFolders.supported: not a boolean');
  if (c.executeCommandProvider !== undefined && !(Array.isArray(c.executeCommandProvider.commands) && c.executeCommandProvider.commands.every(isString))) {
    problems.push('executeCommandProvider.commands: not strings');
  }
  if (result.serverInfo !== undefined && !isString(result.serverInfo.name)) problems.push('serverInfo.name: not a string');
  return problems;
}

/** The capability a dynamic registration needs, by method. */
const dynamicCapability = {
  'workspace/didChangeWatchedFiles': ['workspace', 'didChangeWatchedFiles', 'dynamicRegistration'],
  'workspace/didChangeConfiguration': ['workspace', 'didChangeConfiguration', 'dynamicRegistration'],
  'workspace/executeCommand': ['workspace', 'executeCommand', 'dynamicRegistration'],
};

/**
 * Every message the server sent, against the JSON-RPC envelope and the client's capabilities: notifications and
 * requests only of kinds the client can take, no registration it did not allow, nothing after shutdown was answered.
 * `session` is { caps, initializationOptions, requestIds (ids the client used), shutdownIndex (index in messages of
 * the shutdown answer, or -1) }.
 */
export function serverMessages(messages, session) {
  const { caps, initializationOptions, requestIds, shutdownIndex } = session;
  const problems = [];
  messages.forEach((m, i) => {
    const w = `message ${i} (${m.method ?? `response ${m.id}`})`;
    if (m.jsonrpc !== '2.0') problems.push(`${w}: jsonrpc is not "2.0"`);
    if (shutdownIndex >= 0 && i > shutdownIndex && m.method !== undefined) problems.push(`${w}: sent after shutdown was answered`);
    if (m.method === undefined) {
      if (!requestIds.has(m.id)) problems.push(`${w}: a response to an id the client never used`);
      if (('result' in m) === ('error' in m)) problems.push(`${w}: must have exactly one of result and error`);
      if (m.error && (!isInt(m.error.code) || !isString(m.error.message))) problems.push(`${w}: malformed error`);
      if (m.error?.data !== undefined) problems.push(`${w}: error data leaks internals: ${JSON.stringify(m.error.data).slice(0, 120)}`);
      return;
    }
    const isRequest = m.id !== undefined;
    switch (m.method) {
      case 'textDocument/publishDiagnostics':
        if (isRequest) problems.push(`${w}: must be a notification`);
        if (!isString(m.params?.uri) || !Array.isArray(m.params?.diagnostics)) problems.push(`${w}: malformed params`);
        else m.params.diagnostics.forEach((d, j) => problems.push(...diagnostic(d, `${w}.diagnostics[${j}]`)));
        if (m.params?.version !== undefined && m.params.version !== null && !isInt(m.params.version)) problems.push(`${w}: version is not an integer`);
        break;
      case 'window/logMessage':
      case 'window/showMessage':
        if (isRequest) problems.push(`${w}: must be a notification`);
        if (![1, 2, 3, 4, 5].includes(m.params?.type) || !isString(m.params?.message)) problems.push(`${w}: malformed params`);
        break;
      case 'lspGlossary/status':
        if (initializationOptions?.statusNotification !== true) problems.push(`${w}: a custom notification the client did not ask for`);
        break;
      case 'workspace/configuration':
        if (!isRequest) problems.push(`${w}: must be a request`);
        if (get(caps, 'workspace', 'configuration') !== true) problems.push(`${w}: the client does not support workspace/configuration`);
        if (!Array.isArray(m.params?.items)) problems.push(`${w}: no items`);
        break;
      case 'client/registerCapability':
        if (!isRequest) problems.push(`${w}: must be a request`);
        for (const r of m.params?.registrations ?? []) {
          const path = dynamicCapability[r.method];
          if (!path || get(caps, ...path) !== true) problems.push(`${w}: registers ${r.method}, which the client did not allow to be registered dynamically`);
          if (!isString(r.id)) problems.push(`${w}: registration without an id`);
        }
        break;
      case 'workspace/inlayHint/refresh':
        if (!isRequest) problems.push(`${w}: must be a request`);
        if (get(caps, 'workspace', 'inlayHint', 'refreshSupport') !== true) problems.push(`${w}: the client does not support workspace/inlayHint/refresh`);
        if (m.params !== undefined && m.params !== null) problems.push(`${w}: has params`);
        break;
      case 'workspace/codeLens/refresh':
        if (!isRequest) problems.push(`${w}: must be a request`);
        if (get(caps, 'workspace', 'codeLens', 'refreshSupport') !== true) problems.push(`${w}: the client does not support workspace/codeLens/refresh`);
        if (m.params !== undefined && m.params !== null) problems.push(`${w}: has params`);
        break;
      case 'window/workDoneProgress/create':
        if (!isRequest) problems.push(`${w}: must be a request`);
        if (get(caps, 'window', 'workDoneProgress') !== true) problems.push(`${w}: the client does not support server-initiated progress`);
        if (!isString(m.params?.token) && !isInt(m.params?.token)) problems.push(`${w}: no token`);
        break;
      case '$/progress':
        if (isRequest) problems.push(`${w}: must be a notification`);
        if (get(caps, 'window', 'workDoneProgress') !== true) problems.push(`${w}: the client does not support server-initiated progress`);
        if (!['begin', 'report', 'end'].includes(m.params?.value?.kind)) problems.push(`${w}: malformed value`);
        break;
      case 'workspace/applyEdit':
        if (!isRequest) problems.push(`${w}: must be a request`);
        if (get(caps, 'workspace', 'applyEdit') !== true) problems.push(`${w}: the client does not support workspace/applyEdit`);
        problems.push(...workspaceEdit(m.params?.edit, caps, `${w}.edit`));
        break;
      default:
        problems.push(`${w}: an unexpected ${isRequest ? 'request' : 'notification'}`);
    }
  });
  return problems;
}
