// End-to-end tests of the published lsp-glossary binary, driven by a client we did not write:
// vscode-languageserver-protocol (the protocol library behind VS Code's LSP client), over the child's stdio.
// Bad-input tests bypass the library and write raw frames to the child's stdin.
//
// The binary: $LSP_GLOSSARY_SERVER, else <repo>/dist/server/lsp-glossary.
// Assertions rely only on terms, expansions and variants (LoRA, QLoRA, RAG, RLHF, PPO), never on definition wording.

import { test } from './platform.mjs';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import path from 'node:path';
import {
  repo,
  SERVER,
  WORK,
  T,
  HAN,
  newUri,
  waitFor,
  withTimeout,
  exitOf,
  spawnServer,
  startServer,
  openDoc,
  diagnosticsAt,
  hover,
  pos,
  range,
  offsetAt,
  applyEdits,
  editsFor,
  markdownOf,
  withServer,
  ResponseError,
  startRaw,
  withRaw,
} from './lsp-support.mjs';

test('the server binary exists', () => {
  assert.ok(existsSync(SERVER), `no server binary at ${SERVER} (set LSP_GLOSSARY_SERVER or publish to dist/server)`);
});

// ------------------------------------------------------------------------------------- initialize

test('initialize advertises hover, completion, codeAction, incremental sync and utf-16', T, () =>
  withServer({}, async (s) => {
    const caps = s.init.capabilities;
    assert.ok(caps.hoverProvider, 'hoverProvider');
    assert.ok(caps.completionProvider, 'completionProvider');
    assert.ok(caps.codeActionProvider, 'codeActionProvider');
    const change = typeof caps.textDocumentSync === 'number' ? caps.textDocumentSync : caps.textDocumentSync?.change;
    assert.equal(change, 2, 'incremental sync');
    if (typeof caps.textDocumentSync === 'object') assert.equal(caps.textDocumentSync.openClose, true);
    assert.equal(caps.positionEncoding, 'utf-16');
    if (typeof caps.codeActionProvider === 'object') {
      assert.ok(caps.codeActionProvider.codeActionKinds.includes('quickfix'));
      assert.ok(caps.codeActionProvider.codeActionKinds.includes('source.fixAll.lspGlossary'));
    }
    assert.equal(s.init.serverInfo?.name, 'lsp-glossary');
  }));

// ------------------------------------------------------------------------------------------ hover

test('hover on RLHF in Markdown prose returns its entry and the term span', T, () =>
  withServer({}, async (s) => {
    const text = '# Training\n\nWe align the model with RLHF after SFT.\n';
    const { uri } = await openDoc(s, text);
    const col = 'We align the model with '.length;
    const h = await hover(s, uri, 2, col + 2);
    assert.ok(h, 'hover result');
    assert.match(markdownOf(h), /RLHF/);
    assert.match(markdownOf(h), /Reinforcement Learning from Human Feedback/);
    if (typeof h.contents === 'object') assert.equal(h.contents.kind, 'markdown');
    assert.deepEqual(h.range, range(2, col, 2, col + 4));
    // Both edges of the term are inside it; the space before it is not.
    assert.ok(await hover(s, uri, 2, col), 'hover at the first character');
    assert.equal(await hover(s, uri, 2, col - 2), null, 'hover on "with"');
  }));

test('hover on 检索增强生成 gives the RAG entry', T, () =>
  withServer({}, async (s) => {
    const text = '我们使用检索增强生成来回答问题。\n';
    const { uri } = await openDoc(s, text);
    const h = await hover(s, uri, 0, 6);
    assert.ok(h, 'hover result');
    assert.match(markdownOf(h), /RAG/);
    assert.match(markdownOf(h), /Retrieval-Augmented Generation/);
    assert.deepEqual(h.range, range(0, 4, 0, 10));
  }));

const CODE_AND_URL_DOC = [
  'Prose about RLHF.',            // 0
  '',                              // 1
  '```python',                     // 2
  'model = RLHF()',                // 3
  '```',                           // 4
  '',                              // 5
  'Call `RLHF` here.',             // 6
  '',                              // 7
  'See https://example.com/RLHF/guide for more.', // 8
  '',
].join('\n');

for (const [where, line, character] of [
  ['a fenced code block', 3, 10],
  ['inline code', 6, 7],
  ['a URL', 8, 'See https://example.com/'.length + 1],
]) {
  test(`hover inside ${where} gives null`, T, () =>
    withServer({}, async (s) => {
      const { uri } = await openDoc(s, CODE_AND_URL_DOC);
      assert.ok(await hover(s, uri, 0, 13), 'control: a hover in prose answers');
      assert.equal(await hover(s, uri, line, character), null, where);
    }));
}

test('hover in a Python # comment works; in Python code it gives null', T, () =>
  withServer({}, async (s) => {
    const text = 'import torch\n# Fine-tune with RLHF first\nRLHF = 1\n';
    const { uri } = await openDoc(s, text, { languageId: 'python' });
    const col = '# Fine-tune with '.length;
    const h = await hover(s, uri, 1, col + 1);
    assert.ok(h, 'hover in comment');
    assert.match(markdownOf(h), /Reinforcement Learning from Human Feedback/);
    assert.deepEqual(h.range, range(1, col, 1, col + 4));
    assert.equal(await hover(s, uri, 2, 1), null, 'code outside comments');
  }));

test('hover with locale zh-CN puts the Chinese definition before the English one', T, async () => {
  const text = 'We use RLHF.\n';
  /** The definition paragraphs of a hover: everything after the title paragraph that is prose. */
  const definitions = (md) => md.split(/\n{2,}/).slice(1).filter((p) => p.trim() && !p.startsWith('_') && !p.startsWith('- '));
  let en;
  await withServer({ locale: 'en' }, async (s) => {
    const { uri } = await openDoc(s, text);
    en = markdownOf(await hover(s, uri, 0, 8));
  });
  await withServer({ locale: 'zh-CN' }, async (s) => {
    const { uri } = await openDoc(s, text);
    const zh = markdownOf(await hover(s, uri, 0, 8));
    assert.match(zh, /Reinforcement Learning from Human Feedback/);
    const zhDefs = definitions(zh);
    const enDefs = definitions(en);
    assert.ok(zhDefs.length >= 2 && enDefs.length >= 2, `two definitions expected:\n${zh}\n---\n${en}`);
    assert.ok(HAN.test(zhDefs[0]), `zh-CN: first definition should be Chinese:\n${zh}`);
    assert.ok(!HAN.test(zhDefs[1]) && /[A-Za-z]{3}/.test(zhDefs[1]), `zh-CN: second definition should be English:\n${zh}`);
    assert.ok(!HAN.test(enDefs[0]), `en: first definition should be English:\n${en}`);
    assert.ok(HAN.test(enDefs[1]), `en: second definition should be Chinese:\n${en}`);
  });
});

// ------------------------------------------------------------------------- highlight, inlay hints

test('documentHighlight on RLHF highlights its other uses in any spelling, kind Text; null off a term', T, () =>
  withServer({}, async (s) => {
    assert.equal(s.init.capabilities.documentHighlightProvider, true);
    const text = 'RLHF first.\nReinforcement Learning from Human Feedback (RLHF), 基于人类反馈的强化学习, and PPO.\n';
    const { uri } = await openDoc(s, text);
    const result = await s.conn.sendRequest('textDocument/documentHighlight', { textDocument: { uri }, position: pos(0, 1) });
    assert.ok(Array.isArray(result), `highlights: ${JSON.stringify(result)}`);
    const line1 = text.split('\n')[1];
    assert.deepEqual(result.map((h) => h.range), [
      range(0, 0, 0, 4),
      range(1, 0, 1, 'Reinforcement Learning from Human Feedback'.length),
      range(1, line1.indexOf('RLHF'), 1, line1.indexOf('RLHF') + 4),
      range(1, line1.indexOf('基于'), 1, line1.indexOf('基于') + '基于人类反馈的强化学习'.length),
    ]);
    assert.ok(result.every((h) => h.kind === 1), 'kind Text');
    assert.equal(await s.conn.sendRequest('textDocument/documentHighlight', { textDocument: { uri }, position: pos(0, 7) }), null);
  }));

test('inlayHint: none by default; with inlayHints.expansion, the expansion after the first RLHF only', T, () =>
  withServer({}, async (s) => {
    assert.equal(s.init.capabilities.inlayHintProvider, true);
    const text = 'We use RLHF and RLHF again.\nRAG (Retrieval-Augmented Generation) is written out.\n';
    const { uri } = await openDoc(s, text, { version: 1 });
    await diagnosticsAt(s, uri, 1); // settings pulled at start are applied by now
    const params = { textDocument: { uri }, range: range(0, 0, 2, 0) };
    assert.deepEqual(await s.conn.sendRequest('textDocument/inlayHint', params), []);
    await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: { lspGlossary: { inlayHints: { expansion: true } } } });
    const hints = await s.conn.sendRequest('textDocument/inlayHint', params);
    assert.deepEqual(hints, [{ position: pos(0, 'We use RLHF'.length), label: '(Reinforcement Learning from Human Feedback)', paddingLeft: true }]);
    // Outside the requested range: nothing.
    assert.deepEqual(await s.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: range(1, 0, 2, 0) }), []);
  }));

// ------------------------------------------------------------------------------------- completion

test('completion of QL at the end of a prose line offers QLoRA replacing exactly QL', T, () =>
  withServer({}, async (s) => {
    const line = 'We fine-tune the base model with QL';
    const { uri } = await openDoc(s, `# Notes\n\n${line}\n`);
    const result = await s.conn.sendRequest('textDocument/completion', {
      textDocument: { uri }, position: pos(2, line.length), context: { triggerKind: 1 },
    });
    assert.ok(result, 'completion result');
    const items = Array.isArray(result) ? result : result.items;
    const item = items.find((i) => i.label === 'QLoRA');
    assert.ok(item, `QLoRA offered; got ${items.map((i) => i.label).join(', ')}`);
    assert.ok(item.textEdit, 'textEdit');
    const editRange = item.textEdit.range ?? item.textEdit.replace;
    assert.deepEqual(editRange, range(2, line.length - 2, 2, line.length));
    assert.equal(item.textEdit.newText, 'QLoRA');
    assert.equal(applyEdits(line, [{ range: range(0, editRange.start.character, 0, editRange.end.character), newText: item.textEdit.newText }]),
      'We fine-tune the base model with QLoRA');
  }));

test('completion offers nothing in Python code outside comments', T, () =>
  withServer({}, async (s) => {
    const text = '# comment\nx = QL\n';
    const { uri } = await openDoc(s, text, { languageId: 'python' });
    const result = await s.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos(1, 6) });
    const items = result === null ? [] : Array.isArray(result) ? result : result.items;
    assert.deepEqual(items.map((i) => i.label), []);
  }));

// ------------------------------------------------------------------------------------ diagnostics

test('使用Lora微调 is flagged as glossary.wrong-variant with range and version', T, () =>
  withServer({}, async (s) => {
    const { uri } = await openDoc(s, '# 标题\n\n使用Lora微调\n', { version: 7 });
    const diags = await diagnosticsAt(s, uri, 7);
    assert.equal(diags.length, 1, JSON.stringify(diags));
    const d = diags[0];
    assert.equal(d.code, 'glossary.wrong-variant');
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, range(2, 2, 2, 6));
    assert.match(d.message, /LoRA/);
    assert.equal(s.latest(uri).version, 7);
  }));

test('lora_alpha, LoraConfig and peft.tuners are not flagged', T, () =>
  withServer({}, async (s) => {
    const md = await openDoc(s, 'Set lora_alpha in LoraConfig from peft.tuners before training.\n', { version: 3 });
    const py = await openDoc(s, [
      'from peft.tuners import LoraConfig',
      '# set lora_alpha in LoraConfig (see peft.tuners)',
      'config = LoraConfig(lora_alpha=16)',
      '',
    ].join('\n'), { languageId: 'python', version: 4 });
    assert.deepEqual(await diagnosticsAt(s, md.uri, 3), []);
    assert.deepEqual(await diagnosticsAt(s, py.uri, 4), []);
  }));

// ------------------------------------------------------------------------------------ code actions

test('quick fix: apply the codeAction edit, send it as didChange, diagnostics become empty', T, () =>
  withServer({}, async (s) => {
    let text = 'We fine-tune with Lora on one GPU.\n';
    const { uri } = await openDoc(s, text, { version: 1 });
    const [diag] = await diagnosticsAt(s, uri, 1);
    assert.ok(diag, 'a diagnostic');
    const actions = await s.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: diag.range, context: { diagnostics: [diag], only: ['quickfix'] },
    });
    const fix = actions?.find((a) => a.kind === 'quickfix');
    assert.ok(fix, `a quickfix; got ${JSON.stringify(actions)}`);
    assert.ok(fix.title.includes('LoRA'), fix.title);
    if (fix.diagnostics) assert.equal(fix.diagnostics[0].code, 'glossary.wrong-variant');
    text = applyEdits(text, editsFor(fix.edit, uri));
    assert.equal(text, 'We fine-tune with LoRA on one GPU.\n');
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 }, contentChanges: [{ text }],
    });
    assert.deepEqual(await diagnosticsAt(s, uri, 2), []);
  }));

// ------------------------------------------------------------------------------------ notebook cells

test('notebook cells (vscode-notebook-cell: URIs, as VS Code sends them): hover, diagnostics and a quick fix; nothing is read from disk', T, () =>
  withServer({}, async (s) => {
    // A notebook file on disk whose text differs from the cells: the server must use only what didOpen sent.
    const notebook = path.join(WORK, 'cells.ipynb');
    writeFileSync(notebook, '{"cells": [], "note": "We use Qlora here."}\n');
    const base = pathToFileURL(notebook).href.replace(/^file:/, 'vscode-notebook-cell:');
    const mdUri = `${base}#W0sZmlsZQ%3D%3D`;
    const pyUri = `${base}#W1sZmlsZQ%3D%3D`;
    const md = 'We align the model with RLHF.\n\nWe fine-tune with Lora.';
    await openDoc(s, md, { uri: mdUri, languageId: 'markdown' });
    await openDoc(s, '# Tune the policy with PPO.\nsteps = 3', { uri: pyUri, languageId: 'python' });

    const h = await hover(s, mdUri, 0, 26);
    assert.match(markdownOf(h), /Reinforcement Learning from Human Feedback/);
    assert.deepEqual(h.range, range(0, 24, 0, 28));
    assert.match(markdownOf(await hover(s, pyUri, 0, 24)), /Proximal Policy Optimization/);
    assert.equal(await hover(s, pyUri, 1, 1), null, 'code outside comments');

    const diags = await diagnosticsAt(s, mdUri, 1);
    assert.equal(diags.length, 1, JSON.stringify(diags));
    assert.equal(diags[0].code, 'glossary.wrong-variant');
    assert.deepEqual(diags[0].range, range(2, 18, 2, 22));
    assert.deepEqual(await diagnosticsAt(s, pyUri, 1), []);
    assert.equal(s.diagnostics.has(pathToFileURL(notebook).href), false, 'no diagnostics for the notebook file itself');

    const actions = await s.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: mdUri }, range: diags[0].range, context: { diagnostics: diags, only: ['quickfix'] },
    });
    const fix = actions?.find((a) => a.kind === 'quickfix');
    assert.ok(fix, `a quickfix; got ${JSON.stringify(actions)}`);
    assert.equal(applyEdits(md, editsFor(fix.edit, mdUri)), 'We align the model with RLHF.\n\nWe fine-tune with LoRA.');

    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: mdUri } });
    await waitFor(() => s.latest(mdUri)?.diagnostics.length === 0, 10_000, 'the closed cell\'s diagnostics cleared');
  }));

test('source.fixAll fixes every wrong spelling in one edit', T, () =>
  withServer({}, async (s) => {
    let text = 'Use Lora and LORA.\n\nThen Qlora, and 使用Lora微调.\n';
    const { uri } = await openDoc(s, text, { version: 1 });
    const diags = await diagnosticsAt(s, uri, 1);
    assert.equal(diags.length, 4, JSON.stringify(diags));
    const actions = await s.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: range(0, 0, 0, 0), context: { diagnostics: [], only: ['source.fixAll'] },
    });
    const fixAll = actions?.filter((a) => a.kind === 'source.fixAll.lspGlossary');
    assert.equal(fixAll?.length, 1, `one fixAll action; got ${JSON.stringify(actions)}`);
    assert.ok(!actions.some((a) => a.kind === 'quickfix'), 'only=source.fixAll excludes quick fixes');
    const edits = editsFor(fixAll[0].edit, uri);
    assert.equal(edits.length, 4);
    text = applyEdits(text, edits);
    assert.equal(text, 'Use LoRA and LoRA.\n\nThen QLoRA, and 使用LoRA微调.\n');
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    assert.deepEqual(await diagnosticsAt(s, uri, 2), []);
  }));

// ------------------------------------------------------------------------------- incremental edit

test('incremental edit: an emoji and a Han character shift the diagnostic by 3 UTF-16 units', T, () =>
  withServer({}, async (s) => {
    const line0 = 'Intro line.';
    const line1 = 'Fine-tune with Lora and RLHF today.';
    const { uri } = await openDoc(s, `${line0}\n${line1}\n`, { version: 1 });
    const before = await diagnosticsAt(s, uri, 1);
    assert.equal(before.length, 1);
    assert.deepEqual(before[0].range, range(1, 15, 1, 19));
    const insert = '😀中';
    assert.equal(insert.length, 3); // UTF-16 units
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: range(1, 10, 1, 10), text: insert }],
    });
    const after = await diagnosticsAt(s, uri, 2);
    assert.equal(after.length, 1, JSON.stringify(after));
    assert.deepEqual(after[0].range, range(1, 18, 1, 22));
    const rlhfCol = line1.indexOf('RLHF') + 3;
    const h = await hover(s, uri, 1, rlhfCol + 1);
    assert.ok(h, 'hover at the shifted RLHF');
    assert.match(markdownOf(h), /Reinforcement Learning from Human Feedback/);
    assert.deepEqual(h.range, range(1, rlhfCol, 1, rlhfCol + 4));
    const hl = await hover(s, uri, 1, 19);
    assert.ok(hl, 'hover at the shifted Lora');
    assert.match(markdownOf(hl), /Low-Rank Adaptation/);
    // A second edit deleting the emoji (a surrogate pair: 2 units) shifts it back by 2.
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: range(1, 10, 1, 12), text: '' }],
    });
    const again = await diagnosticsAt(s, uri, 3);
    assert.deepEqual(again.map((d) => d.range), [range(1, 16, 1, 20)]);
  }));

// ---------------------------------------------------------------------------------- raw frames


/** Opens a Markdown doc with RLHF on its first line and returns a function asserting that hover still answers. */
function openHoverProbe(raw) {
  const uri = newUri('md');
  raw.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'About RLHF.\n' } });
  return async (after) => {
    const r = await raw.request('textDocument/hover', { textDocument: { uri }, position: pos(0, 7) });
    assert.equal(r.error, undefined, `hover after ${after}: ${JSON.stringify(r.error)}`);
    assert.match(r.result?.contents?.value ?? '', /Reinforcement Learning from Human Feedback/, `hover after ${after}`);
  };
}

test('bad input: a frame whose body is "{" gets -32700 with id null, and the server keeps going', T, () =>
  withRaw({}, async (raw) => {
    const hoverStillWorks = openHoverProbe(raw);
    await hoverStillWorks('open');
    raw.writeBody('{');
    const r = await raw.response(null);
    assert.equal(r.error?.code, -32700);
    assert.equal(r.id, null);
    await hoverStillWorks('a parse error');
  }));

test('bad input: params: 5 gets -32602', T, () =>
  withRaw({}, async (raw) => {
    const hoverStillWorks = openHoverProbe(raw);
    raw.send({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: 5 });
    const r = await raw.response(1);
    assert.equal(r.error?.code, -32602, JSON.stringify(r));
    await hoverStillWorks('params: 5');
  }));

test('bad input: a wrong param shape gets -32602 without a stack trace', T, () =>
  withRaw({}, async (raw) => {
    const hoverStillWorks = openHoverProbe(raw);
    raw.send({ jsonrpc: '2.0', id: 2, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///x.md' }, position: 'x' } });
    const r = await raw.response(2);
    assert.equal(r.error?.code, -32602, JSON.stringify(r));
    const data = r.error.data;
    assert.ok(data === undefined || data === null || !JSON.stringify(data).includes('at '), `stack trace in error data: ${JSON.stringify(data)}`);
    assert.ok(!/\n\s+at /.test(r.error.message), `stack trace in error message: ${r.error.message}`);
    await hoverStillWorks('a wrong param shape');
  }));

test('bad input: an unknown method gets -32601', T, () =>
  withRaw({}, async (raw) => {
    const hoverStillWorks = openHoverProbe(raw);
    raw.send({ jsonrpc: '2.0', id: 3, method: 'glossary/doesNotExist', params: {} });
    const r = await raw.response(3);
    assert.equal(r.error?.code, -32601, JSON.stringify(r));
    await hoverStillWorks('an unknown method');
  }));

test('bad input: a line far out of range gets null; a character past the line end means the line end', T, () =>
  withRaw({}, async (raw) => {
    const hoverStillWorks = openHoverProbe(raw);
    const uri = newUri('md');
    raw.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'RLHF\n' } });
    for (const position of [pos(100_000, 0), pos(2_000_000_000, 2_000_000_000)]) {
      const r = await raw.request('textDocument/hover', { textDocument: { uri }, position });
      assert.equal(r.error, undefined, JSON.stringify(r));
      assert.equal(r.result, null, `hover at ${JSON.stringify(position)}`);
    }
    // LSP 3.17: a character past the line's length defaults back to the line length, the end of RLHF.
    const atEnd = await raw.request('textDocument/hover', { textDocument: { uri }, position: pos(0, 4) });
    const pastEnd = await raw.request('textDocument/hover', { textDocument: { uri }, position: pos(0, 100_000) });
    assert.ok(atEnd.result, 'hover at the end of RLHF');
    assert.deepEqual(pastEnd.result, atEnd.result);
    const c = await raw.request('textDocument/completion', { textDocument: { uri }, position: pos(100_000, 5) });
    assert.equal(c.error, undefined, JSON.stringify(c));
    assert.ok(c.result === null || c.result.items?.length === 0, JSON.stringify(c.result));
    await hoverStillWorks('out-of-range positions');
  }));

test('bad input: didChange for an unopened URI is ignored', T, () =>
  withRaw({}, async (raw) => {
    const hoverStillWorks = openHoverProbe(raw);
    const ghost = newUri('md');
    raw.notify('textDocument/didChange', {
      textDocument: { uri: ghost, version: 2 }, contentChanges: [{ range: range(0, 0, 0, 0), text: 'Lora RLHF' }],
    });
    await hoverStillWorks('didChange for an unopened URI');
    const r = await raw.request('textDocument/hover', { textDocument: { uri: ghost }, position: pos(0, 6) });
    assert.equal(r.error, undefined, JSON.stringify(r));
    assert.equal(r.result, null, 'the unopened document was not created');
    assert.ok(!raw.messages.some((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === ghost),
      'no diagnostics for the unopened URI');
  }));

// ------------------------------------------------------------------------------------ lifecycle

test('lifecycle: a request after shutdown gets -32600; exit after shutdown ends with code 0', T, () =>
  withRaw({}, async (raw) => {
    const uri = newUri('md');
    raw.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'RLHF\n' } });
    const sd = await raw.request('shutdown');
    assert.equal(sd.error, undefined, JSON.stringify(sd));
    assert.equal(sd.result, null);
    const after = await raw.request('textDocument/hover', { textDocument: { uri }, position: pos(0, 1) });
    assert.equal(after.error?.code, -32600, JSON.stringify(after));
    raw.notify('exit');
    assert.equal(await exitOf(raw.child, 10_000), 0);
  }));

test('lifecycle: exit after shutdown through the library ends with code 0', T, async () => {
  const s = await startServer();
  await s.conn.sendRequest('shutdown');
  await assert.rejects(s.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: pos(0, 0) }),
    (e) => e instanceof ResponseError && e.code === -32600);
  await s.conn.sendNotification('exit');
  const code = await exitOf(s.child, 10_000);
  s.conn.dispose();
  assert.equal(code, 0);
});

test('lifecycle: exit without shutdown ends with code 1', T, () =>
  withRaw({}, async (raw) => {
    raw.notify('exit');
    assert.equal(await exitOf(raw.child, 10_000), 1);
  }));

test('lifecycle: the server exits by itself when the processId it was given dies', T, async () => {
  const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
  await new Promise((r) => sleeper.once('spawn', r));
  const raw = await startRaw({ processId: sleeper.pid });
  try {
    const hoverStillWorks = openHoverProbe(raw);
    await hoverStillWorks('initialize');
    sleeper.kill('SIGKILL');
    assert.notEqual(await exitOf(sleeper, 5000), null, 'sleep was killed');
    const code = await exitOf(raw.child, 15_000);
    assert.notEqual(code, null, 'the server did not exit within 15 s after its parent process died');
  } finally {
    sleeper.kill('SIGKILL');
    await raw.close();
  }
});

// ------------------------------------------------------------- the bundled glossary as virtual documents

const BUNDLED = /^lsp-glossary-bundled:\/glossary\/[a-z-]+\.yaml$/;

test('virtualDocuments: workspace/symbol 检索增强生成 and definition give RAG at a lsp-glossary-bundled: URI; bundledFile has the entry at that line', T, () =>
  withServer({ initializationOptions: { virtualDocuments: true } }, async (s) => {
    const symbols = await s.conn.sendRequest('workspace/symbol', { query: '检索增强生成' });
    assert.equal(symbols.length, 1, JSON.stringify(symbols));
    const [rag] = symbols;
    assert.equal(rag.name, 'RAG (检索增强生成)');
    assert.match(rag.location.uri, BUNDLED);
    const answer = await s.conn.sendRequest('lspGlossary/bundledFile', { uri: rag.location.uri });
    const { line, character } = rag.location.range.start;
    assert.match(answer.text.split('\n')[line].slice(character), /^id: rag\r?$/);
    assert.equal(answer.text, readFileSync(path.join(repo, 'glossary', rag.location.uri.split('/').pop()), 'utf8'));

    const { uri } = await openDoc(s, 'We tried RAG.\n');
    const definition = await s.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos(0, 10) });
    assert.deepEqual(definition, rag.location);
  }));

test('virtualDocuments: a client that does not ask gets no bundled entry in workspace/symbol or definition', T, () =>
  withServer({}, async (s) => {
    assert.deepEqual(await s.conn.sendRequest('workspace/symbol', { query: '检索增强生成' }), []);
    const { uri } = await openDoc(s, 'We tried RAG.\n');
    assert.equal(await s.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: pos(0, 10) }), null);
  }));

test('virtualDocuments: bundledFile reads only embedded files: traversal answers null, malformed URIs -32602, the server keeps going', T, () =>
  withServer({ initializationOptions: { virtualDocuments: true } }, async (s) => {
    const bundledFile = (uri) => s.conn.sendRequest('lspGlossary/bundledFile', { uri });
    for (const uri of ['lsp-glossary-bundled:/../../etc/passwd', 'lsp-glossary-bundled:/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'lsp-glossary-bundled:/glossary/%2e%2e/%2e%2e/etc/passwd', 'lsp-glossary-bundled:/glossary/nope.yaml']) {
      assert.equal(await bundledFile(uri), null, uri);
    }
    for (const uri of ['', 'file:///etc/passwd', `lsp-glossary-bundled:/glossary/${'a'.repeat(1_000_000)}`, 42]) {
      await assert.rejects(bundledFile(uri), (e) => e instanceof ResponseError && e.code === -32602, String(uri).slice(0, 40));
    }
    assert.match((await bundledFile('lsp-glossary-bundled:/glossary/training.yaml')).text, /id: lora/);
    const { uri } = await openDoc(s, 'About RLHF.\n');
    assert.match(markdownOf(await hover(s, uri, 0, 7)), /Reinforcement Learning from Human Feedback/);
  }));

// ---------------------------------------------------------------------------------- large input

test('a 10 MB Markdown document does not block hover on a small one', { timeout: 90_000 }, () =>
  withServer({}, async (s) => {
    const small = await openDoc(s, 'Small doc about RLHF.\n');
    assert.ok(await hover(s, small.uri, 0, 17), 'hover before the big document');
    const paragraph = [
      '## Section',
      '',
      'We train with RLHF and PPO, retrieve with RAG (检索增强生成), and adapt with LoRA or QLoRA.',
      'Plain filler text that mentions no glossary term at all, to keep the document long enough.',
      '',
      '```python',
      'config = LoraConfig(r=8)',
      '```',
      '',
    ].join('\n');
    const big = paragraph.repeat(Math.ceil((10 * 1024 * 1024) / paragraph.length));
    assert.ok(big.length >= 10 * 1024 * 1024);
    const bigDoc = await openDoc(s, big);
    const started = Date.now();
    const h = await withTimeout(hover(s, small.uri, 0, 17), 10_000, 'no hover answer within 10 s while the big document is analyzed');
    assert.ok(h, 'hover on the small doc');
    assert.match(markdownOf(h), /Reinforcement Learning from Human Feedback/);
    const waited = Date.now() - started;
    // The big document is analyzed eventually, and a hover on it answers.
    assert.deepEqual(await diagnosticsAt(s, bigDoc.uri, 1, 60_000), []);
    const hb = await hover(s, bigDoc.uri, 2, 15);
    assert.match(markdownOf(hb), /Reinforcement Learning from Human Feedback/);
    console.log(`# small-doc hover answered in ${waited} ms while a ${(big.length / 1048576).toFixed(1)} M-char document was open`);
  }));
