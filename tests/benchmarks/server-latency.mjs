// Latency and memory benchmark of the published lsp-glossary binary, driven through a real LSP client
// (vscode-languageserver-protocol) over stdio. Not a test: it measures, prints a Markdown table and
// (with --write-docs) rewrites docs/performance.md. Run it with `bash tests/benchmarks/run.sh`.
//
//   node tests/benchmarks/server-latency.mjs [--write-docs] [--history FILE] [--quick]
//
// Server: $LSP_GLOSSARY_SERVER, else <repo>/dist/server/lsp-glossary. Corpus: $LSP_GLOSSARY_CORPUS,
// else /work/shared/corpus (every *.md file under it). --history FILE appends this run's numbers to a
// JSON-lines file and reports the spread over all runs in it. --quick shrinks every loop (smoke check only).
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const SERVER = process.env.LSP_GLOSSARY_SERVER || path.join(repo, 'dist', 'server', 'lsp-glossary');
const CORPUS = process.env.LSP_GLOSSARY_CORPUS || '/work/shared/corpus';
const args = new Set(process.argv.slice(2));
const historyIndex = process.argv.indexOf('--history');
const HISTORY = historyIndex > 0 ? process.argv[historyIndex + 1] : null;
const QUICK = args.has('--quick');
const WRITE_DOCS = args.has('--write-docs');

// Loop sizes (all bounded).
const N = {
  spawns: QUICK ? 5 : 40,
  hoverWarmup: 50,
  hovers: QUICK ? 200 : 2000,
  nonTermShare: 0.1, // 10 % of the measured hovers are at positions without a term
  edits1: QUICK ? 20 : 200, // one-character edits: insert, delete, insert, ...
  edits10: QUICK ? 10 : 100,
  editWarmup: QUICK ? 2 : 10,
  breakdown: QUICK ? 4 : 20,
  split: QUICK ? 6 : 40, // edits per variant in measureSplit // extra edits, each followed at once by a hover (where the edit time goes)
  exitBaseline: QUICK ? 5 : 20,
};
const TIMEOUT = { init: 10_000, request: 10_000, diagnostics1: 30_000, diagnostics10: 120_000 };
const ONE_MB = 1 << 20; // UTF-8 bytes

const LOAD_AT_START = os.loadavg()[0];
const WORK = mkdtempSync(path.join(os.tmpdir(), 'lsp-glossary-bench-'));
process.on('exit', () => rmSync(WORK, { recursive: true, force: true }));

// ------------------------------------------------------------------------------------------------ utilities

const now = () => process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
const sleep = (t) => new Promise((r) => setTimeout(r, t));

function withTimeout(promise, timeoutMs, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)), timeoutMs); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length, min: s[0], p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s[s.length - 1],
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}

/** Deterministic PRNG (mulberry32), so every run hovers at the same positions in the same order. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(array, random) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}

function procStatus(pid) {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number((text.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm')) || [])[1]);
  return { rssMB: kb('VmRSS') / 1024, hwmMB: kb('VmHWM') / 1024 };
}

/** Line starts of a text, for offset -> UTF-16 (line, character). */
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionAt(starts, offset) {
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

// ------------------------------------------------------------------------------------------------ server

let docCounter = 0;
const newUri = () => pathToFileURL(path.join(WORK, `bench${++docCounter}.md`)).href;

/**
 * Spawns the server and sends initialize. Returns the session plus the spawn -> initialize-result time.
 * The workspace root is an empty temporary folder, so only the bundled glossary is loaded.
 */
async function start({ sendInitialized = true } = {}) {
  const t0 = now();
  const child = spawn(SERVER, ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-10_000); });
  child.stdin.on('error', () => {});
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map(); // `${uri}#${version}` -> resolve(time, params)
  const published = new Map(); // uri -> last PublishDiagnosticsParams
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const t = now();
    published.set(p.uri, p);
    const key = `${p.uri}#${p.version}`;
    const resolve = waiters.get(key);
    if (resolve) { waiters.delete(key); resolve({ t, p }); }
  });
  conn.onNotification('window/logMessage', () => {});
  conn.onNotification('lspGlossary/status', () => {});
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.onError(() => {});
  conn.listen();
  const init = await withTimeout(conn.sendRequest('initialize', {
    processId: process.pid,
    locale: 'en',
    rootUri: pathToFileURL(WORK).href,
    workspaceFolders: [{ uri: pathToFileURL(WORK).href, name: 'bench' }],
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
      workspace: { configuration: true },
    },
  }), TIMEOUT.init, 'initialize');
  const initMs = ms(t0, now());
  if (sendInitialized) await conn.sendNotification('initialized', {});

  const server = {
    child, conn, init, initMs, published,
    get stderr() { return stderr; },
    /** A promise of { t, p } for the publishDiagnostics of uri at version; register before sending. */
    expectDiagnostics(uri, version, timeoutMs) {
      const key = `${uri}#${version}`;
      const promise = new Promise((resolve) => waiters.set(key, resolve));
      return withTimeout(promise, timeoutMs, `publishDiagnostics of ${uri} v${version}`).finally(() => waiters.delete(key));
    },
    async open(text, timeoutMs) {
      const uri = newUri();
      const expected = this.expectDiagnostics(uri, 1, timeoutMs);
      const t0 = now();
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const { t, p } = await expected;
      return { uri, openMs: ms(t0, t), diagnostics: p.diagnostics.length };
    },
    hover(uri, position) {
      return withTimeout(conn.sendRequest('textDocument/hover', { textDocument: { uri }, position }), TIMEOUT.request, 'hover');
    },
    async close() {
      let code = null;
      if (child.exitCode === null && child.signalCode === null) {
        try {
          await withTimeout(conn.sendRequest('shutdown'), 5000, 'shutdown');
          await conn.sendNotification('exit');
          code = await withTimeout(exited, 5000, 'exit');
        } catch {
          child.kill('SIGKILL');
          code = 'killed';
        }
      } else {
        code = child.exitCode ?? child.signalCode;
      }
      conn.dispose();
      return code;
    },
  };
  return server;
}

// ------------------------------------------------------------------------------------------------ corpus

function markdownFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md') && entry.name !== 'SOURCES.md') out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

const HAN = /\p{Script=Han}/gu;

/** Every corpus Markdown file with its text, repository and whether it is mostly Chinese. */
function loadCorpus() {
  return markdownFiles(CORPUS).map((file) => {
    const text = readFileSync(file, 'utf8');
    const rel = path.relative(CORPUS, file);
    const han = (text.match(HAN) || []).length;
    const visible = text.replace(/\s+/g, '').length || 1;
    return { rel, repo: rel.split(path.sep)[0], text, bytes: Buffer.byteLength(text), zh: han / visible >= 0.15 };
  });
}

/**
 * ~1 MB of mixed Chinese and English Markdown: files taken round-robin over repositories within each
 * language (sorted by path within a repository), and from whichever language has fewer bytes so far,
 * until the document reaches 1 MiB of UTF-8. Deterministic.
 */
function buildMixed(files, targetBytes) {
  const queue = (zh) => {
    const byRepo = new Map();
    for (const f of files.filter((f) => f.zh === zh)) {
      if (!byRepo.has(f.repo)) byRepo.set(f.repo, []);
      byRepo.get(f.repo).push(f);
    }
    const lists = [...byRepo.keys()].sort().map((k) => byRepo.get(k));
    const out = [];
    for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]);
    return out;
  };
  const zh = queue(true), en = queue(false);
  const chosen = [];
  let bytes = 0, zhBytes = 0, enBytes = 0;
  while (bytes < targetBytes && (zh.length || en.length)) {
    const takeZh = zh.length && (!en.length || zhBytes <= enBytes);
    const f = takeZh ? zh.shift() : en.shift();
    chosen.push(f);
    bytes += f.bytes + 2;
    if (f.zh) zhBytes += f.bytes; else enBytes += f.bytes;
  }
  return describe(chosen);
}

function describe(chosen) {
  const text = chosen.map((f) => f.text).join('\n\n');
  return {
    text,
    files: chosen.map((f) => f.rel),
    bytes: Buffer.byteLength(text),
    zhFiles: chosen.filter((f) => f.zh).length,
    zhBytes: chosen.filter((f) => f.zh).reduce((a, f) => a + f.bytes, 0),
    repos: [...new Set(chosen.map((f) => f.repo))].sort(),
  };
}

// Places where a glossary term is likely: the candidates are checked by a real hover before use.
const TERM_CANDIDATES = /\b(?:Q?LoRA|RLHF|tokens?|tokenizer|DPO|PPO|GRPO|PEFT|SFT|fine-tuning|inference|quantization|KV cache|embeddings?|prompt|hallucinations?)\b|大模型|大语言模型|模型推理|推理|微调|量化|分词器|词元|提示词|基座模型|混合专家|模型/g;

function termCandidates(text, max) {
  const all = [];
  for (const m of text.matchAll(TERM_CANDIDATES)) all.push(m.index + Math.floor(m[0].length / 2));
  const step = Math.max(1, all.length / max);
  const out = [];
  for (let i = 0; i < all.length && out.length < max; i += step) out.push(all[Math.floor(i)]);
  return { offsets: out, total: all.length };
}

/** Offsets of ordinary words (letters or Han) at least 40 characters from any candidate term. */
function nonTermCandidates(text, max, random) {
  const near = new Uint8Array(Math.ceil(text.length / 64) + 1);
  for (const m of text.matchAll(TERM_CANDIDATES)) near[Math.floor(m.index / 64)] = 1;
  const out = [];
  for (let tries = 0; out.length < max && tries < max * 200; tries++) {
    const o = Math.floor(random() * text.length);
    const block = Math.floor(o / 64);
    if (near[block] || near[block - 1] || near[block + 1]) continue;
    if (/[\p{L}]/u.test(text[o])) out.push(o);
  }
  return out;
}

/** Prose lines (outside fenced code, plain text start, no surrogate pairs) spread over the document. */
function proseLines(text, count) {
  const lines = text.split('\n');
  const prose = [];
  let fence = null;
  lines.forEach((line, i) => {
    const f = line.match(/^\s*(```+|~~~+)/);
    if (f) { fence = fence ? (line.trim().startsWith(fence) ? null : fence) : f[1]; return; }
    if (fence) return;
    if (line.length >= 40 && line.length <= 400 && /^[A-Za-z\p{Script=Han}]/u.test(line) && !/[\uD800-\uDFFF]/.test(line)) prose.push({ line: i, length: line.length });
  });
  const step = Math.max(1, prose.length / count);
  const out = [];
  for (let i = 0; i < prose.length && out.length < count; i += step) out.push(prose[Math.floor(i)]);
  return out;
}

// ------------------------------------------------------------------------------------------------ measurements

async function measureSpawn() {
  const samples = [];
  for (let i = 0; i < N.spawns; i++) {
    const server = await start({ sendInitialized: false });
    samples.push(server.initMs);
    const code = await server.close();
    if (code !== 0) throw new Error(`spawn #${i}: the server exited with ${code}`);
  }
  return stats(samples);
}

/** Wall time from spawn to exit of `lsp-glossary <args>`: the process start alone, and start + glossary load. */
async function measureExit(argv, count) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const t0 = now();
    const child = spawn(SERVER, argv, { stdio: ['ignore', 'ignore', 'ignore'] });
    const code = await withTimeout(new Promise((resolve) => child.once('exit', (c) => resolve(c))), TIMEOUT.init, argv.join(' '));
    samples.push(ms(t0, now()));
    if (code !== 0) throw new Error(`lsp-glossary ${argv.join(' ')} exited with ${code}`);
  }
  return stats(samples);
}

async function measureIdle() {
  const server = await start();
  try {
    await server.open('# Notes\n\nWe fine-tune the model with LoRA and RLHF; 大模型的推理需要 KV cache。\nA Lora adapter and a tokn.\n', TIMEOUT.diagnostics1);
    await sleep(1000);
    return procStatus(server.child.pid);
  } finally {
    await server.close();
  }
}

/** Hover and edit measurements on one big document, in a fresh server. */
async function measureDocument(doc, editCount, diagnosticsTimeout, seed) {
  const random = rng(seed);
  const server = await start();
  try {
    const before = procStatus(server.child.pid);
    const opened = await server.open(doc.text, diagnosticsTimeout);
    const starts = lineStarts(doc.text);

    // Hover positions: candidates confirmed by a hover (this pass also warms the server up).
    const nonTermCount = Math.round(N.hovers * N.nonTermShare);
    const termCount = N.hovers - nonTermCount;
    const cands = termCandidates(doc.text, Math.round(termCount * 1.5));
    const termPositions = [];
    for (const o of cands.offsets) {
      const position = positionAt(starts, o);
      if (await server.hover(opened.uri, position)) termPositions.push(position);
    }
    const nonTermPositions = [];
    for (const o of nonTermCandidates(doc.text, nonTermCount * 2, random)) {
      const position = positionAt(starts, o);
      if (!(await server.hover(opened.uri, position))) nonTermPositions.push(position);
      if (nonTermPositions.length >= nonTermCount) break;
    }
    if (termPositions.length === 0) throw new Error('no hover found a term: is the glossary loaded?');
    const plan = [];
    for (let i = 0; i < termCount; i++) plan.push({ position: termPositions[i % termPositions.length], term: true });
    for (let i = 0; i < nonTermCount; i++) plan.push({ position: nonTermPositions[i % Math.max(1, nonTermPositions.length)], term: false });
    shuffle(plan, random);

    for (let i = 0; i < N.hoverWarmup; i++) await server.hover(opened.uri, plan[i % plan.length].position);
    const hoverSamples = [];
    let hits = 0;
    for (const { position } of plan) {
      const t0 = now();
      const result = await server.hover(opened.uri, position);
      hoverSamples.push(ms(t0, now()));
      if (result) hits++;
    }

    // Edits: insert one character in the middle of a prose line, then delete it, and so on.
    const lines = proseLines(doc.text, 25);
    let version = 1;
    const editOnce = async (k) => {
      const { line, length } = lines[Math.floor(k / 2) % lines.length];
      const character = Math.floor(length / 2);
      const insert = k % 2 === 0;
      const change = insert
        ? { range: { start: { line, character }, end: { line, character } }, text: 'x' }
        : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
      version += 1;
      const expected = server.expectDiagnostics(opened.uri, version, diagnosticsTimeout);
      const t0 = now();
      await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri: opened.uri, version }, contentChanges: [change] });
      const { t, p } = await expected;
      return { ms: ms(t0, t), diagnostics: p.diagnostics.length };
    };
    for (let k = 0; k < N.editWarmup; k++) await editOnce(k);
    const editSamples = [];
    let diagnosticCount = 0;
    for (let k = 0; k < editCount; k++) {
      const r = await editOnce(N.editWarmup + k);
      editSamples.push(r.ms);
      diagnosticCount = r.diagnostics;
    }
    // Breakdown (not part of the samples above): a hover sent right after each didChange waits for the
    // analysis of the new snapshot (hover and diagnostics share it), so hover time ≈ edit applied + analysis,
    // and diagnostics time − hover time ≈ computing, serialising and receiving the diagnostics.
    const breakdownHover = [], breakdownDiagnostics = [];
    let publishChars = 0;
    const hoverAt = termPositions[0];
    const base = N.editWarmup + editCount;
    for (let k = 0; k < N.breakdown; k++) {
      const { line, length } = lines[Math.floor((base + k) / 2) % lines.length];
      const character = Math.floor(length / 2);
      const change = (base + k) % 2 === 0
        ? { range: { start: { line, character }, end: { line, character } }, text: 'x' }
        : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
      version += 1;
      const expected = server.expectDiagnostics(opened.uri, version, diagnosticsTimeout);
      const t0 = now();
      await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri: opened.uri, version }, contentChanges: [change] });
      await withTimeout(server.conn.sendRequest('textDocument/hover', { textDocument: { uri: opened.uri }, position: hoverAt }), diagnosticsTimeout, 'hover after edit');
      breakdownHover.push(ms(t0, now()));
      const { t, p } = await expected;
      breakdownDiagnostics.push(ms(t0, t));
      publishChars = JSON.stringify(p).length;
    }
    const after = procStatus(server.child.pid);
    return {
      breakdown: { hover: stats(breakdownHover), diagnostics: stats(breakdownDiagnostics), publishChars },
      openMs: opened.openMs,
      openDiagnostics: opened.diagnostics,
      diagnosticCount,
      hover: stats(hoverSamples),
      hoverHits: hits,
      hoverTermPositions: termPositions.length,
      hoverCandidates: cands.offsets.length,
      termCandidatesInText: cands.total,
      hoverNonTerm: nonTermPositions.length,
      edit: stats(editSamples),
      editLines: lines.length,
      rssBefore: before,
      rssAfter: after,
    };
  } catch (e) {
    e.message += `\n--- server stderr (tail) ---\n${server.stderr.slice(-2000)}`;
    throw e;
  } finally {
    const code = await server.close();
    if (code !== 0) console.error(`warning: the server exited with ${code}`);
  }
}

/**
 * Where an edit's time goes, by stage: the same text edited as `plaintext` (no regions: applying the edit,
 * an empty analysis, publishing), as Python with every line a `#` comment (comment lexer + term matching
 * over all of it, no Markdown parse), and as Markdown (Markdig + term matching over the prose).
 */
async function measureSplit(doc, only = null) {
  const server = await start();
  const out = {};
  try {
    const variants = {
      plaintext: ['plaintext', doc.text],
      pythonComments: ['python', doc.text.split('\n').map((l) => `# ${l.replace(/["'`\\]/g, ' ')}`).join('\n')],
      markdown: ['markdown', doc.text],
    };
    for (const [name, [languageId, text]] of Object.entries(variants)) {
      if (only && !only.includes(name)) continue;
      const uri = newUri();
      let expected = server.expectDiagnostics(uri, 1, TIMEOUT.diagnostics1);
      await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      await expected;
      const samples = [];
      for (let k = 0, version = 1; k < N.editWarmup + N.split; k++) {
        const insert = k % 2 === 0;
        const change = { range: { start: { line: 2, character: 0 }, end: { line: 2, character: insert ? 0 : 1 } }, text: insert ? 'x' : '' };
        version += 1;
        expected = server.expectDiagnostics(uri, version, TIMEOUT.diagnostics1);
        const t0 = now();
        await server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        const { t } = await expected;
        if (k >= N.editWarmup) samples.push(ms(t0, t));
      }
      await server.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      out[name] = stats(samples);
    }
    return out;
  } finally {
    await server.close();
  }
}

// ------------------------------------------------------------------------------------------------ report

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  const memKB = Number((meminfo.match(/^MemTotal:\s+(\d+)/m) || [])[1]);
  let nproc = os.availableParallelism?.() ?? os.cpus().length;
  try { nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()); } catch { /* keep */ }
  let version = '?', commit = '?';
  try { version = execFileSync(SERVER, ['--version'], { encoding: 'utf8' }).trim(); } catch { /* keep */ }
  try {
    commit = execFileSync('git', ['-C', repo, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', repo, 'status', '--porcelain', '--', 'server', 'glossary'], { encoding: 'utf8' }).trim();
    if (dirty) commit += ' (with uncommitted changes under server/ or glossary/)';
  } catch { /* keep */ }
  return {
    nproc,
    cpu: ((cpuinfo.match(/^model name\s*:\s*(.*)$/m) || [])[1] || '?').trim(),
    ramGB: memKB / 1024 / 1024,
    kernel: os.release(),
    node: process.version,
    server: version,
    binaryMB: statSync(SERVER).size / 1024 / 1024,
    commit,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadAtStart: LOAD_AT_START,
    loadAtEnd: os.loadavg()[0],
  };
}

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '?');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '?');
const dist = (s, keys, fmt = f2) => keys.map((k) => `${k} ${fmt(s[k])}`).join(' / ');

/** The rows of the table: metric, result, target, the statistic judged, its value (for PASS/MISS and spread). */
function rows(r) {
  const out = [];
  const row = (metric, result, target, judged, value, limit) => out.push({ metric, result, target, judged, value, limit });
  row(`spawn → initialize result (${r.spawn.n} fresh spawns), ms`, dist(r.spawn, ['min', 'p50', 'p90', 'max']), '≤ 20 ms', 'p90', r.spawn.p90, 20);
  if (r.versionExit) row(`spawn → exit of \`lsp-glossary --version\` (${r.versionExit.n}×), ms`, dist(r.versionExit, ['min', 'p50', 'p90']), '— (info)', 'p50', r.versionExit.p50, null);
  if (r.validateExit) row(`spawn → exit of \`lsp-glossary --validate-glossary\` (${r.validateExit.n}×), ms`, dist(r.validateExit, ['min', 'p50', 'p90']), '— (info)', 'p50', r.validateExit.p50, null);
  row('idle VmRSS after initialize + small didOpen + 1 s, MB', f1(r.idle.rssMB), '≤ 30 MB', 'VmRSS', r.idle.rssMB, 30);
  row('idle VmHWM (peak) at the same moment, MB', f1(r.idle.hwmMB), '≤ 30 MB', 'VmHWM', r.idle.hwmMB, 30);
  for (const [key, d, target] of [['doc1', r.doc1, true], ['doc10', r.doc10, false]]) {
    if (!d) continue;
    const label = `${(r.docs[key].bytes / ONE_MB).toFixed(1)} MiB`;
    row(`hover round trip, ${label} document (${d.hover.n} sequential), ms`, dist(d.hover, ['p50', 'p90', 'p99', 'max']),
      target ? 'p99 ≤ 2 ms' : '— (extra)', 'p99', d.hover.p99, target ? 2 : null);
    row(`didChange(v) → publishDiagnostics(v), ${label} document (${d.edit.n} one-char edits), ms`, dist(d.edit, ['p50', 'p90', 'p99', 'max']),
      target ? '≤ 15 ms' : '— (extra)', 'p99', d.edit.p99, target ? 15 : null);
    row(`didOpen → first publishDiagnostics, ${label} document (once), ms`, f1(d.openMs), '— (info)', 'value', d.openMs, null);
  }
  if (r.doc1) row('VmHWM (peak) after the 1 MB runs, MB', f1(r.doc1.rssAfter.hwmMB), '— (info)', 'VmHWM', r.doc1.rssAfter.hwmMB, null);
  if (r.doc10) row('VmHWM (peak) after the 10 MB runs, MB', f1(r.doc10.rssAfter.hwmMB), '— (info)', 'VmHWM', r.doc10.rssAfter.hwmMB, null);
  for (const x of out) x.status = x.limit == null ? '—' : x.value <= x.limit ? 'PASS' : 'MISS';
  return out;
}

function table(r, history) {
  const rs = rows(r);
  const runs = history.map(rows);
  const spread = (i) => {
    if (runs.length < 2) return '—';
    const v = runs.map((x) => x[i]?.value).filter(Number.isFinite);
    const fmt = rs[i].judged === 'p90' || rs[i].judged === 'p99' ? f2 : f1;
    return `${fmt(Math.min(...v))} – ${fmt(Math.max(...v))}`;
  };
  const passing = (i) => {
    if (rs[i].limit == null) return '—';
    const v = runs.map((x) => x[i]?.value).filter(Number.isFinite);
    return `${v.filter((x) => x <= rs[i].limit).length} of ${v.length}`;
  };
  const lines = [
    `| metric | result | target | judged on | status | spread of the judged value over ${Math.max(runs.length, 1)} run(s) | runs meeting the target |`,
    '|---|---|---|---|---|---|---|',
    ...rs.map((x, i) => `| ${x.metric} | ${x.result} | ${x.target} | ${x.judged} | ${x.status === 'MISS' ? '**MISS**' : x.status} | ${spread(i)} | ${passing(i)} |`),
  ];
  return { markdown: lines.join('\n'), rows: rs };
}

function docsPage(r, history, tbl) {
  const m = r.machine;
  const d1 = r.doc1, d10 = r.doc10;
  const misses = tbl.rows.filter((x) => x.status === 'MISS');
  const perMB = (d, doc) => (d.openMs / (doc.bytes / ONE_MB));
  const editPerMB = (d, doc) => (d.edit.p50 / (doc.bytes / ONE_MB));
  const lines = [];
  lines.push('# Performance', '');
  lines.push('How fast the published NativeAOT server (`dist/server/lsp-glossary`) starts, how much memory it holds, and how long hover',
    'and diagnostics take on large Markdown documents — measured from a real LSP client (`vscode-languageserver-protocol`) over stdio,',
    'so every number includes the JSON-RPC framing and (de)serialisation on both sides. This page is generated by the benchmark;',
    'run it again rather than editing the numbers by hand.', '');
  lines.push('Reproduce (builds the server first if it is missing or older than its sources):', '', '```sh', 'bash tests/benchmarks/run.sh', '```', '');
  lines.push('## Machine', '');
  lines.push(`- ${m.nproc} CPUs (nproc), ${m.cpu}, ${m.ramGB.toFixed(1)} GB RAM, Linux ${m.kernel}`);
  lines.push(`- Node ${m.node}; server ${m.server} (${m.binaryMB.toFixed(1)} MB binary), commit ${m.commit}`);
  lines.push(`- Date: ${m.date}; last of ${history.length} run(s) (the spread column covers all of them)`);
  lines.push(`- 1-minute load average at the start and end of this run: ${f2(m.loadAtStart)} and ${f2(m.loadAtEnd)} (the machine is shared ` +
    'with other jobs; the benchmark itself keeps about 1–2 cores busy)', '');
  lines.push('## Results', '', tbl.markdown, '');
  if (misses.length) {
    lines.push(`**Missed targets:** ${misses.map((x) => `${x.metric.replace(/ \(.*?\)/, '')} (${x.judged} ${f2(x.value)} vs ${x.target})`).join('; ')}.`, '');
  } else {
    lines.push('All targets are met.', '');
  }
  lines.push('## Where the time goes', '');
  if (r.versionExit && r.validateExit) {
    lines.push(`- Start-up: a bare process start and exit (\`--version\`) takes p50 ${f1(r.versionExit.p50)} ms from Node's \`spawn()\`; loading the bundled glossary ` +
      `and exiting (\`--validate-glossary\`) p50 ${f1(r.validateExit.p50)} ms. So about ${f1(r.validateExit.p50 - r.versionExit.p50)} ms of the ` +
      `${f1(r.spawn.p50)} ms spawn → initialize p50 is reading the glossary YAML and building the matcher, which initialize does before answering.`);
  }
  if (d1) {
    lines.push(`- Opening (transfer of the whole text + first analysis): didOpen → first diagnostics took ${f1(d1.openMs)} ms for the 1 MB document ` +
      `(${f1(perMB(d1, r.docs.doc1))} ms/MB) and ${d10 ? f1(d10.openMs) : '?'} ms for the 10 MB document` +
      `${d10 ? ` (${f1(perMB(d10, r.docs.doc10))} ms/MB)` : ''}. A one-character edit costs p50 ${f1(d1.edit.p50)} ms at 1 MB ` +
      `(${f1((100 * d1.edit.p50) / d1.openMs)} % of the open)` +
      `${d10 ? ` and p50 ${f1(d10.edit.p50)} ms at 10 MB (${f1((100 * d10.edit.p50) / d10.openMs)} % of the open)` : ''}; ` +
      'the ratio of the 10 MB to the 1 MB edit time shows how much of an edit still scales with the document size.');
    lines.push(`- Each publication carries all diagnostics of the document: ${d1.diagnosticCount} for the 1 MB document ` +
      `(${(d1.breakdown.publishChars / 1024).toFixed(0)} KiB of JSON)` +
      `${d10 ? `, ${d10.diagnosticCount} for the 10 MB one (${(d10.breakdown.publishChars / 1024).toFixed(0)} KiB)` : ''}.`);
    const bd = (d, label) => `${label}: hover p50 ${f1(d.breakdown.hover.p50)} ms, diagnostics p50 ${f1(d.breakdown.diagnostics.p50)} ms ` +
      `(difference ${f1(d.breakdown.diagnostics.p50 - d.breakdown.hover.p50)} ms)`;
    lines.push(`- Split of an edit (${d1.breakdown.hover.n} extra edits, each followed at once by a hover, which waits for the same analysis): ` +
      `${bd(d1, '1 MB')}${d10 ? `; ${bd(d10, '10 MB')}` : ''}. The hover time is applying the edit plus analysing the new snapshot; ` +
      'the rest is computing, converting and serialising the diagnostics and the client receiving them.');
    if (r.split) {
      const sp = r.split;
      lines.push(`- By language path (the same 1 MB text, edited near its top, ${sp.markdown.n} one-character edits each, p50 of edit → diagnostics): ` +
        `as \`plaintext\` (no regions: applying the edit, an empty analysis, publishing — the floor) ${f1(sp.plaintext.p50)} ms; ` +
        `as Python with every line a \`#\` comment (comment lexer + term matching over nearly all the text) ${f1(sp.pythonComments.p50)} ms; ` +
        `as Markdown ${f1(sp.markdown.p50)} ms.` +
        `${r.floor10 ? ` The same floor (\`plaintext\`) on the 10 MB text: ${f1(r.floor10.p50)} ms.` : ''}`);
    }
    lines.push(`- Hovers read the cached analysis of the current snapshot, so they do not depend on document size beyond the position lookup: ` +
      `p50 ${f2(d1.hover.p50)} ms at 1 MB${d10 ? `, ${f2(d10.hover.p50)} ms at 10 MB` : ''}.`);
  }
  lines.push('');
  lines.push('## Method', '');
  lines.push(`- **Spawn → initialize:** ${r.spawn.n} fresh processes, one after another; the clock starts before \`spawn()\` and stops when the`,
    '  client has the initialize result (the server loads the bundled glossary before answering). The workspace root is an empty',
    '  temporary folder. Each process is ended with shutdown + exit and must exit with 0.');
  lines.push('- **Idle memory:** a new server gets initialize, initialized, didOpen of a 4-line Markdown document and its diagnostics, then',
    '  1 s of idleness; VmRSS and VmHWM are read from `/proc/<pid>/status`.');
  const docLine = (label, doc) => `${label}: ${(doc.bytes / ONE_MB).toFixed(2)} MiB UTF-8, ${doc.files.length} files from ${doc.repos.length} repositories ` +
    `(${doc.zhFiles} mostly-Chinese files, ${(doc.zhBytes / ONE_MB).toFixed(2)} MiB), joined by blank lines`;
  if (r.docs.doc1) {
    lines.push(`- **Documents** (from \`${CORPUS}\`, a file is "Chinese" when ≥ 15 % of its non-space characters are Han): ` +
      `${docLine('1 MB', r.docs.doc1)} — taken round-robin over repositories, from whichever language had fewer bytes so far, until ≥ 1 MiB ` +
      `(list below); ${r.docs.doc10 ? `${docLine('10 MB', r.docs.doc10)} — every \`*.md\` file of the corpus in path order.` : ''}`);
  }
  if (d1) {
    lines.push(`- **Hover:** a fresh server per document; after the document's first diagnostics, candidate positions are taken evenly over the`,
      `  document at the middle of regex hits for terms (LoRA, RLHF, token, DPO, fine-tuning, 大模型, 推理, 微调, 模型, …; ${d1.termCandidatesInText} hits in the`,
      `  1 MB text) and kept only if a hover there returns a result (${d1.hoverTermPositions} of ${d1.hoverCandidates} kept at 1 MB), plus random letter`,
      `  positions ≥ 40 characters from any candidate whose hover is null. That pass doubles as warm-up, followed by ${N.hoverWarmup} more hovers.`,
      `  Then ${d1.hover.n} hovers (${Math.round(N.nonTermShare * 100)} % at non-term positions, shuffled with a fixed seed) are sent strictly one after`,
      `  another; each sample is request sent → response received (\`process.hrtime.bigint\`). ${d1.hoverHits} of ${d1.hover.n} returned a hover.`);
    lines.push(`- **Edits:** one-character incremental didChange edits in the middle of prose lines outside code fences (${d1.editLines} lines spread over the`,
      '  document): insert "x", then delete it, alternating, so the text returns to its original state every two edits. Each sample is',
      `  didChange(version v) sent → publishDiagnostics with version v received; the next edit is sent only after that. ${N.editWarmup} edits of warm-up`,
      `  are not counted. Waiting for each version means the server's coalescing never merges two edits: every sample is the analysis of one snapshot.`);
  }
  lines.push('- Percentiles are nearest-rank. Client-side time (Node, the JSON-RPC library, GC) is included in every sample; the machine was',
    '  otherwise idle only as far as other sessions on it allowed.');
  lines.push('- Pass/fail: spawn is judged on p90, memory on the value itself, hover and edits on p99. The 10 MB rows and the peaks after the',
    '  big documents have no target; they are reported for scale.', '');
  if (r.docs.doc1) {
    lines.push('<details><summary>Files of the 1 MB document, in order</summary>', '');
    for (const f of r.docs.doc1.files) lines.push(`- ${f}`);
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}

// ------------------------------------------------------------------------------------------------ main

async function main() {
  if (!existsSync(SERVER)) throw new Error(`no server at ${SERVER}: run npm run build`);
  const corpus = loadCorpus();
  if (corpus.length === 0) throw new Error(`no Markdown files under ${CORPUS}`);
  const doc1 = buildMixed(corpus, QUICK ? 256 * 1024 : ONE_MB);
  const doc10 = QUICK ? buildMixed(corpus, 2 * ONE_MB) : describe(corpus);
  const log = (s) => console.error(`[bench] ${s}`);

  log(`server ${SERVER}`);
  log(`spawn → initialize × ${N.spawns}`);
  const spawnStats = await measureSpawn();
  log('idle memory');
  const idle = await measureIdle();
  log('process start baselines');
  const versionExit = await measureExit(['--version'], N.exitBaseline);
  const validateExit = await measureExit(['--validate-glossary'], N.exitBaseline);
  log(`1 MB document: ${doc1.files.length} files, ${doc1.bytes} bytes`);
  const d1 = await measureDocument(doc1, N.edits1, TIMEOUT.diagnostics1, 1);
  log('1 MB document by stage (plaintext / Python comments / Markdown)');
  const split = await measureSplit(doc1);
  log(`10 MB document: ${doc10.files.length} files, ${doc10.bytes} bytes`);
  const d10 = await measureDocument(doc10, N.edits10, TIMEOUT.diagnostics10, 10);
  log('10 MB document as plaintext (the floor of an edit)');
  const floor10 = (await measureSplit(doc10, ['plaintext'])).plaintext;

  const strip = ({ text, ...rest }) => rest;
  const result = { machine: machine(), spawn: spawnStats, idle, versionExit, validateExit, split, floor10, doc1: d1, doc10: d10, docs: { doc1: strip(doc1), doc10: strip(doc10) } };
  let history = [result];
  if (HISTORY) {
    const slim = { ...result, docs: Object.fromEntries(Object.entries(result.docs).map(([k, d]) => [k, { bytes: d.bytes }])) };
    appendFileSync(HISTORY, `${JSON.stringify(slim)}\n`);
    history = readFileSync(HISTORY, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  }
  const tbl = table(result, history);
  console.log(tbl.markdown);
  if (WRITE_DOCS) {
    mkdirSync(path.join(repo, 'docs'), { recursive: true });
    // The page also holds the check benchmark's section (#5), written by hand from its script's output: keep it.
    const page = path.join(repo, 'docs', 'performance.md');
    const old = existsSync(page) ? readFileSync(page, 'utf8') : '';
    const keep = old.indexOf('\n## `lsp-glossary check`');
    writeFileSync(page, docsPage(result, history, tbl).trimEnd() + '\n' + (keep >= 0 ? old.slice(keep) : ''));
    log('wrote docs/performance.md');
  }
}

main().then(() => process.exit(0), (e) => { console.error(e.stack || String(e)); process.exit(1); });
