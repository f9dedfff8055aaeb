// End-to-end: a workspace glossary (team.glossary.yaml) with the published binary and a real client library.
import { test, SERVER_IS_WINDOWS } from './platform.mjs';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WORK, T, waitFor, openDoc, diagnosticsAt, hover, markdownOf, withServer, applyEdits, editsFor } from './lsp-support.mjs';

const TEAM = [
  'terms:',
  '  - id: zorpx',
  '    term: ZORPX',
  '    expansion: Zero-Overhead Reward Propagation eXtended',
  '    zh: [零开销奖励传播]',
  '    variants: [Zorpx]',
  '    category: training',
  '    definition:',
  '      en: A made-up term that only this workspace defines.',
  '      zh: 只有这个工作区定义的虚构术语。',
  '',
].join('\n');

function workspace() {
  const dir = mkdtempSync(path.join(WORK, 'ws-'));
  writeFileSync(path.join(dir, 'team.glossary.yaml'), TEAM);
  return { dir, rootUri: pathToFileURL(dir).href, glossaryUri: pathToFileURL(path.join(dir, 'team.glossary.yaml')).href };
}

test('a workspace glossary adds a term that hovers, is diagnosed, and leads to its definition', T, () => {
  const ws = workspace();
  return withServer({ rootUri: ws.rootUri, initializationOptions: { statusNotification: true } }, async (s) => {
    const { uri } = await openDoc(s, 'We train with ZORPX. 使用Zorpx微调。\n', { uri: pathToFileURL(path.join(ws.dir, 'a.md')).href });
    const h = await hover(s, uri, 0, 16);
    assert.ok(h, 'hover on the workspace term');
    assert.match(markdownOf(h), /Zero-Overhead Reward Propagation eXtended/);
    assert.match(markdownOf(h), /workspace glossary/);
    assert.match(markdownOf(h), /team\.glossary\.yaml/);

    const diagnostics = await diagnosticsAt(s, uri, 1);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'glossary.wrong-variant');
    assert.match(diagnostics[0].message, /ZORPX/);
    const column = 'We train with ZORPX. 使用'.length;
    assert.deepEqual(diagnostics[0].range.start, { line: 0, character: column });

    const definition = await s.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 16 } });
    assert.equal(definition.uri, ws.glossaryUri);
    assert.equal(definition.range.start.line, 1, 'the entry starts on the second line');

    const status = await waitFor(() => s.statuses.find((st) => st.files.some((f) => f.endsWith('team.glossary.yaml'))), 10_000, 'lspGlossary/status');
    assert.ok(status.terms > 100, `terms: ${status.terms}`);
    assert.equal(status.errors, 0);
  });
});

test('a broken edit to the workspace glossary shows a positioned error while hover keeps working', T, () => {
  const ws = workspace();
  return withServer({ rootUri: ws.rootUri, initializationOptions: { statusNotification: true } }, async (s) => {
    const { uri } = await openDoc(s, 'ZORPX\n', { uri: pathToFileURL(path.join(ws.dir, 'b.md')).href });
    await openDoc(s, TEAM, { uri: ws.glossaryUri, languageId: 'yaml' });
    const broken = TEAM.replace('    category: training', '    categroy: training');
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: ws.glossaryUri, version: 2 },
      contentChanges: [{ text: broken }],
    });
    const published = await waitFor(
      () => s.diagnostics.get(ws.glossaryUri)?.findLast((p) => p.diagnostics.some((d) => d.severity === 1)),
      10_000, 'an error on the glossary file');
    const error = published.diagnostics.find((d) => d.severity === 1);
    assert.match(error.message, /Unknown field 'categroy'/);
    assert.deepEqual(error.range.start, { line: 6, character: 4 });

    const h = await hover(s, uri, 0, 2);
    assert.ok(h, 'the last good glossary is still in use');
    assert.match(markdownOf(h), /Zero-Overhead Reward Propagation eXtended/);
    const status = await waitFor(() => s.statuses.findLast((st) => st.errors > 0), 10_000, 'a status with errors');
    assert.ok(status.terms > 100);
  });
});

// VS Code on Windows sends file:///c%3A/Users/…: the drive letter in lower case and its colon percent-encoded.
// Under Wine the drive Z: is the Linux root, so /tmp/… is z:\tmp\… for the Windows build.
if (SERVER_IS_WINDOWS) {
  test('a workspace folder sent in VS Code\'s Windows form (file:///z%3A/…) loads its glossary', T, () => {
    const ws = workspace();
    const vscodeForm = (p) => `file:///z%3A${pathToFileURL(p).pathname}`;
    return withServer({ rootUri: vscodeForm(ws.dir) }, async (s) => {
      const { uri } = await openDoc(s, 'We train with ZORPX.\n', { uri: vscodeForm(path.join(ws.dir, 'c.md')) });
      const h = await hover(s, uri, 0, 16);
      assert.ok(h, 'hover on the workspace term');
      assert.match(markdownOf(h), /Zero-Overhead Reward Propagation eXtended/);
      const definition = await s.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 16 } });
      assert.match(definition.uri, /^file:\/\/\/[zZ]:\/.*\/team\.glossary\.yaml$/);
    });
  });
}

test('references across files, rename of a team term, and the code lens count, through the published binary', T, () => {
  const ws = workspace();
  mkdirSync(path.join(ws.dir, 'docs'));
  writeFileSync(path.join(ws.dir, 'docs', 'one.md'), '# One\n\nZORPX and RLHF.\n');
  writeFileSync(path.join(ws.dir, 'docs', 'two.md'), '零开销奖励传播（ZORPX）and RLHF; Zorpx is wrong.\n');
  writeFileSync(path.join(ws.dir, 'train.py'), '# RLHF step; ZORPX_RATE is code\nZORPX_RATE = 1\n');
  const capabilities = { textDocument: { rename: { prepareSupport: true } }, window: { workDoneProgress: true } };
  return withServer({ rootUri: ws.rootUri, capabilities }, async (s) => {
    const uri = pathToFileURL(path.join(ws.dir, 'docs', 'one.md')).href;
    await openDoc(s, '# One\n\nZORPX and RLHF.\n', { uri });
    const rel = (l) => `${path.relative(ws.dir, new URL(l.uri).pathname).split(path.sep).join('/')}:${l.range.start.line}:${l.range.start.character}`;

    const rlhf = await s.conn.sendRequest('textDocument/references', { textDocument: { uri }, position: { line: 2, character: 11 }, context: { includeDeclaration: false } });
    assert.deepEqual(rlhf.map(rel), ['docs/one.md:2:10', 'docs/two.md:0:18', 'train.py:0:2']);

    const zorpx = await s.conn.sendRequest('textDocument/references', { textDocument: { uri }, position: { line: 2, character: 1 }, context: { includeDeclaration: true } });
    assert.deepEqual(zorpx.map(rel), ['team.glossary.yaml:1:4', 'docs/one.md:2:0', 'docs/two.md:0:0', 'docs/two.md:0:8', 'docs/two.md:0:24']);

    const refused = await s.conn.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: { line: 2, character: 11 } }).then(() => null, (e) => e);
    assert.ok(refused, 'a bundled term is not renamed');
    assert.match(refused.message, /bundled glossary/);

    const prepared = await s.conn.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position: { line: 2, character: 1 } });
    assert.equal(prepared.placeholder, 'ZORPX');
    const edit = await s.conn.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 1 }, newName: 'ZORPY' });
    const files = Object.keys(edit.changes).map((u) => path.relative(ws.dir, new URL(u).pathname).split(path.sep).join('/')).sort();
    assert.deepEqual(files, ['docs/one.md', 'docs/two.md', 'team.glossary.yaml']);
    assert.deepEqual(edit.changes[ws.glossaryUri], [{ range: { start: { line: 2, character: 10 }, end: { line: 2, character: 15 } }, newText: 'ZORPY' }]);

    await openDoc(s, TEAM, { uri: ws.glossaryUri, languageId: 'yaml' });
    const lenses = await s.conn.sendRequest('textDocument/codeLens', { textDocument: { uri: ws.glossaryUri } });
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].command.title, '4 uses in 2 files');
    const end = await waitFor(() => s.progress.find((p) => p.value.kind === 'end'), 10_000, 'the end of the indexing progress');
    assert.match(end.value.message, /uses in 4 files/);
    assert.ok(s.progress.findIndex((p) => p.value.kind === 'begin') < s.progress.indexOf(end));
  });
});

test('quick fixes that write the team glossary: "Accept" creates team.glossary.yaml and the finding goes; "Ignore on this line"', T, () => {
  const dir = mkdtempSync(path.join(WORK, 'ws-'));
  const text = 'We use Lora here.\n';
  const docPath = path.join(dir, 'a.md');
  writeFileSync(docPath, text);
  const capabilities = { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } };
  return withServer({ rootUri: pathToFileURL(dir).href, capabilities }, async (s) => {
    const { uri } = await openDoc(s, text, { uri: pathToFileURL(docPath).href });
    const [diagnostic] = await diagnosticsAt(s, uri, 1);
    const actions = await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });

    const ignore = actions.find((a) => a.title === "Ignore 'Lora' on this line");
    assert.ok(ignore, JSON.stringify(actions));
    assert.equal(applyEdits(text, editsFor(ignore.edit, uri)), '<!-- glossary-disable-next-line Lora -->\nWe use Lora here.\n');

    const accept = actions.find((a) => a.title === "Accept 'Lora' as a spelling of LoRA");
    assert.ok(accept, JSON.stringify(actions));
    const [create, change] = accept.edit.documentChanges;
    const glossaryPath = path.join(dir, 'team.glossary.yaml');
    assert.equal(create.kind, 'create');
    assert.equal(create.uri, pathToFileURL(glossaryPath).href);
    assert.equal(change.textDocument.version, null);
    // The client applies the edit (creates the file with its text) and its watcher tells the server.
    writeFileSync(glossaryPath, change.edits[0].newText);
    await s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: create.uri, type: 1 }] });
    await waitFor(() => s.latest(uri)?.diagnostics.length === 0, 10_000, 'the accepted spelling is no longer a finding');
    const h = await hover(s, uri, 0, 8);
    assert.match(markdownOf(h), /Low-Rank Adaptation/);
  });
});
