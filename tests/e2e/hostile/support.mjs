// Shared by the hostile-input suites: run the published binary under a timeout while sampling its memory from
// /proc/PID/status, and record figures per class of input for the reliability table.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..', '..');
export const BIN = process.env.LSP_GLOSSARY_SERVER || path.join(repo, 'dist', 'server', 'lsp-glossary');

export const scratch = (name) => mkdtempSync(path.join(tmpdir(), `hostile-${name}-`));

/** The kB value of a field of /proc/PID/status (VmHWM: peak resident set), or 0 once the process is gone. */
export function statusKb(pid, field = 'VmHWM') {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) : 0;
  } catch { return 0; }
}

/** The state letter of /proc/PID/stat (R, S, T for stopped …), or '' once the process is gone. */
export function processState(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch { return ''; }
}

/**
 * Starts `lsp-glossary ARGS` in cwd. The returned object has the pid, and `done`: a promise of
 * { code, signal, out, err, peakKb, timedOut, ms }. The process is killed (SIGKILL) after timeoutMs.
 * Memory is sampled every 5 ms (VmHWM, the kernel's own peak, so a sample misses at most the last 5 ms).
 */
export function start(cwd, args, { env = {}, timeoutMs = 15_000, stdin = 'ignore' } = {}) {
  const t0 = Date.now();
  const child = spawn(BIN, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: [stdin, 'pipe', 'pipe'] });
  let out = '', err = '', peakKb = 0, timedOut = false;
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  const sample = () => { peakKb = Math.max(peakKb, statusKb(child.pid)); };
  sample();
  const sampler = setInterval(sample, 5);
  const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
  const done = new Promise((resolve) => {
    child.on('exit', () => sample());
    child.on('close', (code, signal) => {
      clearInterval(sampler); clearTimeout(timer);
      resolve({ code, signal, out, err, peakKb, timedOut, ms: Date.now() - t0 });
    });
  });
  return { pid: child.pid, child, done };
}

export const check = (cwd, args, options) => start(cwd, ['check', '--no-progress', ...args], options).done;

/** Polls until fn() is truthy, at most timeoutMs; throws what otherwise. */
export async function until(what, fn, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A crash: killed by a signal we did not send, an exit code check never uses, or a .NET unhandled exception. */
export const crashed = (r) => (!r.timedOut && r.signal !== null) || ![0, 1, 2].includes(r.code ?? -1) || /Unhandled exception/i.test(r.err);

/**
 * Adds one row of figures to the results file the runner prints as a table (HOSTILE_RESULTS):
 * the class, inputs tried, crashes, hangs, files damaged, peak RSS in kB.
 */
export function record(cls, { inputs = 1, crashes = 0, hangs = 0, damaged = 0, peakKb = 0 }) {
  if (!process.env.HOSTILE_RESULTS) return;
  appendFileSync(process.env.HOSTILE_RESULTS, JSON.stringify({ cls, inputs, crashes, hangs, damaged, peakKb }) + '\n');
}

/** Records a finished run of class cls (a crash or hang counted from it), plus damaged files found by the test. */
export function recordRun(cls, r, damaged = 0) {
  record(cls, { crashes: crashed(r) ? 1 : 0, hangs: r.timedOut ? 1 : 0, damaged, peakKb: r.peakKb });
}
