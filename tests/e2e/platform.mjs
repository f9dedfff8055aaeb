// The platform of the server under test, which may differ from this machine's: the Windows build runs here under
// Wine and the arm64 build under qemu (tests/e2e/run-win-wine.sh, run-arm64-qemu.sh). Also `test`, node:test's,
// except that a test named in LSP_GLOSSARY_KNOWN_DIFFERENCES (JSON: {"test name": "reason"}) is reported as
// skipped with that reason: the runner of a platform lists there what cannot pass on it as run here, by name.
import { test as nodeTest } from 'node:test';

export const SERVER_PLATFORM = process.env.LSP_GLOSSARY_SERVER_PLATFORM || process.platform;
export const SERVER_IS_WINDOWS = SERVER_PLATFORM === 'win32';

const known = JSON.parse(process.env.LSP_GLOSSARY_KNOWN_DIFFERENCES || '{}');

export function test(name, options, fn) {
  if (typeof options === 'function') return nodeTest(name, known[name] ? { skip: known[name] } : {}, options);
  return nodeTest(name, known[name] ? { ...options, skip: known[name] } : options, fn);
}
