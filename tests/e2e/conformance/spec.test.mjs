// The checker of the conformance suite must catch what it is for: each violation below is one the server made
// before (issue 8) or could make, and each must be reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as spec from './spec.mjs';

const plainClient = { textDocument: { hover: { contentFormat: ['plaintext'] } } };
const r = (l, c, l2, c2) => ({ start: { line: l, character: c }, end: { line: l2, character: c2 } });

test('checker: Markdown hover for a plain-text client, and Markdown marks in plain text', () => {
  assert.notDeepEqual(spec.hoverResult({ contents: { kind: 'markdown', value: '**RLHF**' } }, plainClient, 'hover'), []);
  assert.notDeepEqual(spec.hoverResult({ contents: { kind: 'plaintext', value: '**RLHF** — x' } }, plainClient, 'hover'), []);
  assert.deepEqual(spec.hoverResult({ contents: { kind: 'plaintext', value: 'RLHF — x' }, range: r(0, 0, 0, 4) }, plainClient, 'hover'), []);
});

test('checker: code action literals for a client without literal support, Commands it cannot apply', () => {
  const literal = [{ title: 'Fix', kind: 'quickfix', edit: { changes: { 'file:///a': [{ range: r(0, 0, 0, 1), newText: 'x' }] } } }];
  assert.notDeepEqual(spec.codeActionResult(literal, {}, [], 'codeAction'), []);
  const command = [{ title: 'Fix', command: 'lspGlossary.server.fix', arguments: [] }];
  assert.notDeepEqual(spec.codeActionResult(command, {}, ['lspGlossary.server.fix'], 'codeAction'), []);
  assert.deepEqual(spec.codeActionResult(command, { workspace: { applyEdit: true } }, ['lspGlossary.server.fix'], 'codeAction'), []);
  assert.notDeepEqual(spec.codeActionResult([{ title: 'Fix all', kind: 'source.fixAll.x', data: {} }], { textDocument: { codeAction: { codeActionLiteralSupport: {} } } }, [], 'codeAction'), []);
});

test('checker: insert/replace edits and Markdown documentation the client did not ask for', () => {
  const item = { label: 'QLoRA', textEdit: { newText: 'QLoRA', insert: r(0, 0, 0, 2), replace: r(0, 0, 0, 5) }, documentation: { kind: 'markdown', value: '**QLoRA**' } };
  assert.equal(spec.completionResult({ isIncomplete: false, items: [item] }, {}, 'completion').length, 2);
});

test('checker: unasked notifications, forbidden requests, anything after shutdown, stray responses', () => {
  const session = { caps: {}, initializationOptions: undefined, requestIds: new Set([1]), shutdownIndex: 1 };
  const messages = [
    { jsonrpc: '2.0', method: 'lspGlossary/status', params: {} },
    { jsonrpc: '2.0', id: 1, result: null },
    { jsonrpc: '2.0', id: 5, method: 'client/registerCapability', params: { registrations: [{ id: 'w', method: 'workspace/didChangeWatchedFiles' }] } },
    { jsonrpc: '2.0', id: 6, method: 'workspace/configuration', params: { items: [] } },
    { jsonrpc: '2.0', id: 9, result: null },
  ];
  const problems = spec.serverMessages(messages, session).join('\n');
  for (const expected of ['did not ask for', 'sent after shutdown', 'did not allow', 'does not support workspace/configuration', 'never used']) {
    assert.match(problems, new RegExp(expected));
  }
});

test('checker: a position encoding the client did not offer, a malformed sync kind', () => {
  const result = { capabilities: { positionEncoding: 'utf-8', textDocumentSync: 7 } };
  assert.equal(spec.initializeResult(result, { general: { positionEncodings: ['utf-16'] } }).length, 2);
});
