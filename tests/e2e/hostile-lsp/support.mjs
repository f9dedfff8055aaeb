// Shared parts of the hostile-input suite of the language server: the figures it reports (inputs tried, the
// slowest answer and peak RSS per class), memory read from /proc, and a model of LSP text synchronisation to check
// the server's document against.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { repo, waitFor } from '../lsp-support.mjs';

/** Every request of the suite must be answered within this; a slower answer counts as a hang. */
export const ANSWER_WITHIN_MS = 5_000;

const figuresFile = path.join(repo, 'tests', '.results', 'hostile-lsp.json');

/**
 * Adds to the figures of one class of hostile input (the file is merged across test files). A test records
 * only when it passed, and a crash, a hang or a late answer fails it: so every class recorded had none.
 */
export function record(kind, { tried = 0, peakRssMiB = 0, slowestAnswerMs = 0, ...more } = {}) {
  let all = {};
  try { all = JSON.parse(readFileSync(figuresFile, 'utf8')); } catch { /* first record */ }
  const f = all[kind] ?? { tried: 0, peakRssMiB: 0, slowestAnswerMs: 0 };
  f.tried += tried;
  f.peakRssMiB = Math.max(f.peakRssMiB, Math.round(peakRssMiB));
  f.slowestAnswerMs = Math.max(f.slowestAnswerMs, Math.round(slowestAnswerMs));
  for (const [name, value] of Object.entries(more)) f[name] = Math.round(value); // other figures, as measured
  all[kind] = f;
  mkdirSync(path.dirname(figuresFile), { recursive: true });
  writeFileSync(figuresFile, JSON.stringify(all, null, 2) + '\n');
}

/** { rssMiB, peakMiB } of a live process, from /proc/PID/status (VmRSS, VmHWM). */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

/** Sends a request through a raw client and measures how long its answer took. */
export async function timedRequest(raw, method, params, timeoutMs = ANSWER_WITHIN_MS) {
  const started = Date.now();
  const response = await raw.request(method, params, timeoutMs);
  return { response, ms: Date.now() - started };
}

/** True while the child runs. */
export const alive = (child) => child.exitCode === null && child.signalCode === null;

/** shutdown and exit through a raw client; returns the exit code (null if it did not exit in time). */
export async function shutdownAndExit(raw) {
  const r = await raw.request('shutdown', undefined, ANSWER_WITHIN_MS);
  if (r.error) throw new Error(`shutdown: ${JSON.stringify(r.error)}`);
  raw.notify('exit');
  return new Promise((resolve) => {
    if (!alive(raw.child)) return resolve(raw.child.exitCode);
    const timer = setTimeout(() => resolve(null), 3000);
    raw.child.once('exit', (code) => { clearTimeout(timer); resolve(code); });
  });
}

/** The latest publishDiagnostics a raw client received for a document at a version. */
export function diagnosticsOf(raw, uri, version, timeoutMs = ANSWER_WITHIN_MS * 2) {
  return waitFor(
    () => raw.messages.findLast((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version),
    timeoutMs, `diagnostics of ${uri} v${version}`).then((m) => m.params.diagnostics);
}

// -------------------------------------------------------------- the client's side of text synchronisation

/**
 * The offset of an LSP position in a text as the protocol defines it: UTF-16 units; a line past the end means
 * the end of the text; a character past the end of its line means the line's end, before its line break.
 */
export function clampedOffset(text, { line, character }) {
  let start = 0;
  for (let l = 0; l < line; l++) {
    const m = /\r\n|\r|\n/g;
    m.lastIndex = start;
    const found = m.exec(text);
    if (!found) return text.length;
    start = found.index + found[0].length;
  }
  const rest = /\r|\n/.exec(text.slice(start));
  const end = rest ? start + rest.index : text.length;
  return Math.min(start + Math.max(0, character), end);
}

/** Applies one incremental change as an LSP client does. */
export function applyChange(text, { range, text: newText }) {
  let a = clampedOffset(text, range.start);
  let b = clampedOffset(text, range.end);
  if (b < a) [a, b] = [b, a];
  return text.slice(0, a) + newText + text.slice(b);
}

/** A lone surrogate as the server stores it: U+FFFD (one UTF-16 unit, so offsets stay aligned). */
export const withoutLoneSurrogates = (text) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** A small deterministic random generator (mulberry32), so a failing storm can be replayed by its seed. */
export function randomFrom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
