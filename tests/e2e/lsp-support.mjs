// Shared helpers of the end-to-end suites: spawn the published binary, talk to it through
// vscode-languageserver-protocol (a client we did not write), poll for notifications, apply edits.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  ResponseError,
} = require('vscode-languageserver-protocol/node');

export { ResponseError };

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
export const SERVER = process.env.LSP_GLOSSARY_SERVER || path.join(repo, 'dist', 'server', 'lsp-glossary');
export const WORK = mkdtempSync(path.join(tmpdir(), 'lsp-glossary-e2e-'));
process.on('exit', () => rmSync(WORK, { recursive: true, force: true }));

/**
 * Emulated servers (Wine, qemu-user) start and throw their first exceptions far more slowly: their runners set
 * LSP_GLOSSARY_E2E_TIME_SCALE, which stretches every wait and test timeout of these suites.
 */
export const TIME_SCALE = Math.max(1, Number(process.env.LSP_GLOSSARY_E2E_TIME_SCALE) || 1);
export const T = { timeout: 30_000 * TIME_SCALE };
export const HAN = /\p{Script=Han}/u;

// ---------------------------------------------------------------------------------------------- helpers

let docCounter = 0;
export function newUri(ext) {
  docCounter += 1;
  return pathToFileURL(path.join(WORK, `doc${docCounter}.${ext}`)).href;
}

/** Polls predicate() every 10 ms until it returns a truthy value, which is returned; throws after timeoutMs. */
export async function waitFor(predicate, timeoutMs = 10_000, what = 'condition') {
  timeoutMs *= TIME_SCALE;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Rejects with message if promise does not settle within ms (the timer never outlives the promise). */
export function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves with the child's exit code (or signal name) once it has exited, or null after timeoutMs. */
export function exitOf(child, timeoutMs) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode ?? child.signalCode);
    const timer = setTimeout(() => resolve(null), timeoutMs);
    child.once('exit', (code, signal) => { clearTimeout(timer); resolve(code ?? signal); });
  });
}

export function spawnServer(args = ['--stdio']) {
  const child = spawn(SERVER, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderrText = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => { child.stderrText = (child.stderrText + d).slice(-20_000); });
  child.stdin.on('error', () => {}); // writes after the server has exited
  return child;
}

/**
 * Spawns the server and runs initialize + initialized through the library. Returns
 * { child, conn, init, diagnostics (Map uri -> [PublishDiagnosticsParams...]), latest(uri), close() }.
 */
export async function startServer({ locale = 'en', processId = process.pid, initializationOptions, rootUri = pathToFileURL(WORK).href, capabilities = {} } = {}) {
  const child = spawnServer();
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diagnostics = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    if (!diagnostics.has(p.uri)) diagnostics.set(p.uri, []);
    diagnostics.get(p.uri).push(p);
  });
  conn.onNotification('window/logMessage', () => {});
  const statuses = [];
  conn.onNotification('lspGlossary/status', (p) => statuses.push(p));
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  const progress = [];
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('$/progress', (p) => progress.push(p));
  conn.onError(() => {});
  conn.listen();
  const init = await conn.sendRequest('initialize', {
    processId,
    locale,
    rootUri,
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: false } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        ...capabilities.textDocument,
      },
      workspace: { configuration: true, ...capabilities.workspace },
      window: { ...capabilities.window },
    },
    initializationOptions,
  });
  await conn.sendNotification('initialized', {});
  const server = {
    child,
    conn,
    init,
    diagnostics,
    statuses,
    progress,
    latest: (uri) => diagnostics.get(uri)?.at(-1),
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          await withTimeout(conn.sendRequest('shutdown'), 2000, 'shutdown timed out').catch(() => {});
          await conn.sendNotification('exit');
        } catch { /* already gone */ }
        if ((await exitOf(child, 3000)) === null) child.kill('SIGKILL');
      }
      conn.dispose();
    },
  };
  return server;
}

/** Opens a document; returns { uri, version, text }. */
export async function openDoc(server, text, { languageId = 'markdown', uri, version = 1 } = {}) {
  uri ??= newUri(languageId === 'python' ? 'py' : 'md');
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  return { uri, version, text };
}

/** Waits for a publishDiagnostics of this document at this version and returns its diagnostics. */
export async function diagnosticsAt(server, uri, version, timeoutMs = 10_000) {
  const p = await waitFor(() => server.diagnostics.get(uri)?.findLast((d) => d.version === version), timeoutMs,
    `diagnostics of ${uri} at version ${version}`);
  return p.diagnostics;
}

export const hover = (server, uri, line, character) =>
  server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });

export const pos = (line, character) => ({ line, character });
export const range = (l1, c1, l2, c2) => ({ start: pos(l1, c1), end: pos(l2, c2) });

/** UTF-16 (line, character) -> offset in a JS string (JS strings are UTF-16). */
export function offsetAt(text, { line, character }) {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return offset + character;
}

/** Applies LSP TextEdits (non-overlapping, all against the original text) to a string. */
export function applyEdits(text, edits) {
  const resolved = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }));
  resolved.sort((a, b) => b.start - a.start || b.end - a.end);
  for (const e of resolved) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

/** The edits of a WorkspaceEdit for one document (changes or documentChanges). */
export function editsFor(workspaceEdit, uri) {
  if (workspaceEdit.changes?.[uri]) return workspaceEdit.changes[uri];
  const dc = workspaceEdit.documentChanges?.find((c) => c.textDocument?.uri === uri);
  return dc ? dc.edits : [];
}

export const markdownOf = (h) => (typeof h.contents === 'string' ? h.contents : h.contents.value);

export async function withServer(options, fn) {
  const server = await startServer(options);
  try {
    await fn(server);
  } catch (e) {
    if (server.child.stderrText) e.message += `\n--- server stderr (tail) ---\n${server.child.stderrText.slice(-3000)}`;
    throw e;
  } finally {
    await server.close();
  }
}

// ---------------------------------------------------------------------------------- raw frames

/** A client that writes raw frames to the server's stdin and parses its stdout itself. */
export async function startRaw({ initialize = true, processId = process.pid, args, capabilities = {}, rootUri = null,
  workspaceFolders, settings = null } = {}) {
  const child = spawnServer(args);
  const messages = [];
  // Chunks are joined only when a whole frame has arrived: joining on every chunk is quadratic in big frames.
  let chunks = [];
  let buffered = 0;
  let need = 0; // bytes the current frame needs before parsing is worth a try
  child.stdout.on('data', (chunk) => {
    chunks.push(chunk);
    buffered += chunk.length;
    if (buffered < need) return;
    let buffer = Buffer.concat(chunks);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) { need = 0; break; }
      const header = buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`server wrote a frame without Content-Length: ${header}`);
      const length = Number(m[1]);
      if (buffer.length < headerEnd + 4 + length) { need = headerEnd + 4 + length; break; }
      const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      buffer = buffer.subarray(headerEnd + 4 + length);
      messages.push(JSON.parse(body));
    }
    chunks = buffer.length ? [buffer] : [];
    buffered = buffer.length;
  });
  const writeBody = (body) => {
    const bytes = Buffer.from(body, 'utf8');
    child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
  };
  let nextId = 1000;
  const raw = {
    child,
    messages,
    writeBody,
    send: (message) => writeBody(JSON.stringify(message)),
    notify: (method, params) => raw.send({ jsonrpc: '2.0', method, params }),
    /** Sends a request (or a raw body with a known id) and waits for the response with that id. */
    async request(method, params, timeoutMs = 10_000) {
      const id = nextId++;
      raw.send(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
      return raw.response(id, timeoutMs);
    },
    response: (id, timeoutMs = 10_000) =>
      waitFor(() => messages.find((m) => m.id === id && !('method' in m)), timeoutMs, `response ${JSON.stringify(id)}`),
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exitOf(child, 3000);
    },
  };
  // Answer the server's workspace/configuration requests.
  child.stdout.on('data', () => {
    for (const m of messages) {
      if (m.method === 'workspace/configuration' && !m.answered) {
        m.answered = true;
        raw.send({ jsonrpc: '2.0', id: m.id, result: (m.params?.items ?? []).map(() => settings) });
      }
    }
  });
  if (initialize) {
    const r = await raw.request('initialize', { processId, locale: 'en', rootUri, workspaceFolders, capabilities });
    assert.ok(r.result?.capabilities, `initialize: ${JSON.stringify(r)}`);
    raw.notify('initialized', {});
  }
  return raw;
}

export async function withRaw(options, fn) {
  const raw = await startRaw(options);
  try {
    await fn(raw);
  } catch (e) {
    if (raw.child.stderrText) e.message += `\n--- server stderr (tail) ---\n${raw.child.stderrText.slice(-3000)}`;
    throw e;
  } finally {
    await raw.close();
  }
}
