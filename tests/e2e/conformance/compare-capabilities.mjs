// Checks that the capability set of clients.mjs for a client matches what the real client sent: reads the first
// `initialize` request from a raw log of the client's messages (Content-Length frames) and compares the capabilities
// this server reads. Used by the real-editor suites (run-ale.sh, run-lsp-mode.sh), so the data cannot drift from
// the editors. Prints one line, "PASS …" or "FAIL …: differences", and exits 0 or 1.
// Usage: node compare-capabilities.mjs "<client name in clients.mjs>" <log of what the client sent>
import { readFileSync } from 'node:fs';
import { CLIENTS } from './clients.mjs';
import { get } from './spec.mjs';

const [name, log] = process.argv.slice(2);
const READ = [
  ['textDocument', 'hover', 'contentFormat'],
  ['textDocument', 'completion', 'completionItem', 'documentationFormat'],
  ['textDocument', 'completion', 'completionItem', 'insertReplaceSupport'],
  ['textDocument', 'codeAction', 'codeActionLiteralSupport'],
  ['textDocument', 'codeAction', 'resolveSupport', 'properties'],
  ['textDocument', 'codeAction', 'dataSupport'],
  ['workspace', 'applyEdit'],
  ['workspace', 'configuration'],
  ['workspace', 'didChangeWatchedFiles', 'dynamicRegistration'],
];

function firstInitialize(raw) {
  for (const body of raw.split(/Content-Length: \d+\r?\n\r?\n/)) {
    try {
      const message = JSON.parse(body);
      if (message.method === 'initialize') return message.params;
    } catch { /* a partial or non-JSON chunk */ }
  }
  return undefined;
}

const client = CLIENTS.find((c) => c.name === name);
const sent = firstInitialize(readFileSync(log, 'utf8'));
const what = `the capabilities of "${name}" in tests/e2e/conformance/clients.mjs are what the editor sent`;
if (!client || !sent) {
  console.log(`FAIL ${what}: ${!client ? 'no such client in clients.mjs' : `no initialize request in ${log}`}`);
  process.exit(1);
}
const differences = READ.map((path) => [path.join('.'), get(client.capabilities, ...path), get(sent.capabilities, ...path)])
  .filter(([, ours, theirs]) => JSON.stringify(ours) !== JSON.stringify(theirs))
  .map(([path, ours, theirs]) => `${path}: clients.mjs ${JSON.stringify(ours)}, editor ${JSON.stringify(theirs)}`);
console.log(differences.length === 0 ? `PASS ${what}` : `FAIL ${what}: ${differences.join('; ')}`);
process.exit(differences.length === 0 ? 0 : 1);
