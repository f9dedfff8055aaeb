// Benchmark of the term index behind references, rename and code lens, on a real workspace, through the published
// binary and a real LSP client. Not a test: it measures and prints a Markdown table; --write-docs writes it to
// docs/workspace-index.md. Run: node tests/benchmarks/workspace-index.mjs [--write-docs] [--runs N]
//
// Server: $LSP_GLOSSARY_SERVER, else <repo>/dist/server/lsp-glossary. Workspace: $LSP_GLOSSARY_CORPUS, else
// /work/shared/corpus. Each run starts the server on the workspace (and once on an empty folder, for the memory
// baseline), hovers a small open document every 5 ms while the index builds, then asks references for LoRA.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const SERVER = process.env.LSP_GLOSSARY_SERVER || path.join(repo, 'dist', 'server', 'lsp-glossary');
const CORPUS = path.resolve(process.env.LSP_GLOSSARY_CORPUS || '/work/shared/corpus');
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 3;
const WRITE_DOCS = argv.includes('--write-docs');
const REFERENCE_REQUESTS = 30;

const now = () => process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
const sleep = (t) => new Promise((r) => setTimeout(r, t));
const quantile = (values, q) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const median = (values) => quantile(values, 0.5);
const rssMb = (pid) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
};

function workspaceSize(folder) {
  let files = 0, bytes = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) { if (!['.git', 'node_modules'].includes(entry.name)) walk(full); }
      else if (entry.isFile()) { files++; bytes += statSync(full).size; }
    }
  };
  walk(folder);
  return { files, mb: bytes / (1 << 20) };
}

/** One server on `root`: index time, hover latencies while indexing (after the glossary's load), references latencies, RSS. */
async function runOnce(root, { measureReferences }) {
  const child = spawn(SERVER, [], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let ended;
  const indexEnded = new Promise((resolve) => { ended = resolve; });
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.onNotification('$/progress', (p) => { if (p.value?.kind === 'end') ended({ at: now(), message: p.value.message }); });
  conn.onNotification('textDocument/publishDiagnostics', () => {});
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: pathToFileURL(root).href,
    capabilities: { window: { workDoneProgress: true }, textDocument: { hover: { contentFormat: ['markdown'] } } },
  });
  const small = pathToFileURL(path.join(os.tmpdir(), 'lsp-glossary-bench-small.md')).href;
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'markdown', version: 1, text: 'We align with RLHF and LoRA.\n' } });
  const started = now();
  await conn.sendNotification('initialized', {});
  // The first hover waits for the glossary to load (start-up, before the index build begins); then the build runs.
  await conn.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 16 } });
  const hovers = [];
  let indexing = true;
  const hoverLoop = (async () => {
    while (indexing) {
      const t = now();
      await conn.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 0, character: 16 } });
      hovers.push(ms(t, now()));
      await sleep(5);
    }
  })();
  const end = await Promise.race([indexEnded, sleep(120_000).then(() => null)]);
  indexing = false;
  await hoverLoop;
  if (!end) throw new Error(`the index did not finish in 120 s\n${stderr.slice(-2000)}`);
  const indexMs = ms(started, end.at);
  const serverMs = Number(/Index: .* in (\d+) ms/.exec(stderr)?.[1] ?? NaN);
  await sleep(300);
  const rss = rssMb(child.pid);
  const references = [];
  let count = 0;
  if (measureReferences) {
    for (let i = 0; i < REFERENCE_REQUESTS; i++) {
      const t = now();
      const result = await conn.sendRequest('textDocument/references', { textDocument: { uri: small }, position: { line: 0, character: 24 }, context: { includeDeclaration: false } });
      references.push(ms(t, now()));
      count = result?.length ?? 0;
    }
  }
  await conn.sendRequest('shutdown').catch(() => {});
  await conn.sendNotification('exit').catch(() => {});
  await new Promise((r) => { child.once('exit', r); setTimeout(() => { child.kill('SIGKILL'); r(); }, 3000); });
  conn.dispose();
  return { indexMs, serverMs, message: end.message, hovers, references, count, rss };
}

const empty = mkdtempSync(path.join(os.tmpdir(), 'lsp-glossary-bench-empty-'));
const size = workspaceSize(CORPUS);
const load = os.loadavg()[0];
const runs = [], baselines = [];
try {
  for (let i = 0; i < RUNS; i++) {
    baselines.push(await runOnce(empty, { measureReferences: false }));
    runs.push(await runOnce(CORPUS, { measureReferences: true }));
    console.error(`[index bench] run ${i + 1}/${RUNS}: index ${runs.at(-1).indexMs.toFixed(0)} ms, ${runs.at(-1).message}`);
  }
} finally {
  rmSync(empty, { recursive: true, force: true });
}

const hovers = runs.flatMap((r) => r.hovers);
const references = runs.flatMap((r) => r.references);
const memory = runs.map((r, i) => r.rss - baselines[i].rss);
const rows = [
  ['index built (initialized → progress end), median of runs', `${median(runs.map((r) => r.indexMs)).toFixed(0)} ms`, '≤ 1,500 ms'],
  ['  of which the build itself (server log)', `${median(runs.map((r) => r.serverMs)).toFixed(0)} ms`, ''],
  [`hover while indexing: p50 / p99 (${hovers.length} hovers)`, `${median(hovers).toFixed(2)} / ${quantile(hovers, 0.99).toFixed(2)} ms`, 'p99 ≤ 5 ms'],
  [`references for LoRA: median / p95 (${references.length} requests, ${runs.at(-1).count} locations)`, `${median(references).toFixed(1)} / ${quantile(references, 0.95).toFixed(1)} ms`, '≤ 50 ms'],
  ['index memory (RSS on the workspace − RSS on an empty folder), median', `${median(memory).toFixed(0)} MB`, '≤ 100 MB'],
  ['RSS on the workspace, median', `${median(runs.map((r) => r.rss)).toFixed(0)} MB`, ''],
];
const table = ['| what | measured | target |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const header = `Workspace: \`${path.basename(CORPUS)}\` (${size.files} files, ${size.mb.toFixed(1)} MB; indexed: ${runs.at(-1).message}); ` +
  `${RUNS} runs; ${os.cpus().length} cores; load average at start ${load.toFixed(2)}; server \`${path.relative(repo, SERVER)}\`.`;
console.log(`${header}\n\n${table}`);
if (WRITE_DOCS) {
  writeFileSync(path.join(repo, 'docs', 'workspace-index.md'), `# The term index: build time, latency, memory

Generated by \`node tests/benchmarks/workspace-index.mjs --write-docs\` (the numbers of one machine at one time: the
machine is shared, so compare runs made side by side, not with another day's). The index holds every use of every
glossary term in the workspace folders' Markdown and code comments; it is built in the background after
\`initialized\`, and requests never wait for it except references, rename and code lens (at most 5 s).

${header}

${table}
`);
}
