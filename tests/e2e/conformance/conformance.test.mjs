// Conformance: the published binary driven with the capability sets of real clients (clients.mjs). Every answer and
// every message the server sends is checked against LSP 3.17 and against what that client said it supports
// (spec.mjs). Expectations come from the capabilities, never from the client's name.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLIENTS } from './clients.mjs';
import { Wire } from './wire.mjs';
import * as spec from './spec.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SERVER = process.env.LSP_GLOSSARY_SERVER || path.resolve(here, '..', '..', '..', 'dist', 'server', 'lsp-glossary');
const WORK = mkdtempSync(path.join(tmpdir(), 'lsp-glossary-conformance-'));
process.on('exit', () => rmSync(WORK, { recursive: true, force: true }));
const T = { timeout: 30_000 };

const NOTES = '# Notes\n\nWe align the model with RLHF after SFT.\nWe fine-tune with Lora and Qlora today.\n';
const WORD = 'We use Qlora here.\n'; // completion at Ql|ora

/** LSP TextEdits (all against the same text) applied to a string; positions in UTF-16 like JS strings. */
function applyEdits(text, edits) {
  const offset = ({ line, character }) => {
    let at = 0;
    for (let l = 0; l < line; l++) at = text.indexOf('\n', at) + 1;
    return at + character;
  };
  const resolved = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  for (const e of resolved) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

const assertConforms = (problems) => assert.deepEqual(problems, [], problems.join('\n'));

for (const client of CLIENTS) {
  describe(client.name, () => {
    const caps = client.capabilities;
    const options = client.initializationOptions;
    const docs = new Map(); // uri -> { text, version }: the client's copy of each open document
    const requestIds = new Set();
    let wire, init, shutdownIndex = -1, counter = 0;

    // How this client answers the server's requests: its settings, registrations, and edits applied to its copy.
    const answer = (m) => {
      if (m.method === 'workspace/configuration') return m.params.items.map(() => options?.lspGlossary ?? null);
      if (m.method === 'client/registerCapability') return null;
      if (m.method === 'workspace/applyEdit') {
        for (const [uri, edits] of Object.entries(m.params.edit.changes ?? {})) change(uri, applyEdits(docs.get(uri).text, edits));
        return { applied: true };
      }
      throw { code: -32601, message: `unhandled ${m.method}` };
    };
    const request = async (method, params) => {
      const id = wire.nextId;
      requestIds.add(id);
      return wire.request(method, params);
    };
    const call = async (method, params) => {
      const response = await request(method, params);
      if (response.error) throw new Error(`${method}: ${JSON.stringify(response.error)}`);
      return response.result;
    };
    const open = (text) => {
      counter += 1;
      const uri = pathToFileURL(path.join(WORK, `${client.name.replace(/\W+/g, '-')}-${counter}.md`)).href;
      docs.set(uri, { text, version: 1 });
      wire.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      return uri;
    };
    const change = (uri, text) => {
      const doc = docs.get(uri);
      doc.text = text;
      doc.version += 1;
      wire.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ text }] });
    };
    /** The newest diagnostics of a document once fn(diagnostics) holds (any version). */
    const diagnosticsWhere = (uri, fn, what) => wire.waitFor(() => {
      const last = wire.received.findLast((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
      return last && fn(last.params.diagnostics) && last.params.diagnostics;
    }, what);
    const commands = () => init.capabilities.executeCommandProvider?.commands ?? [];

    before(async () => {
      wire = new Wire(SERVER, answer);
      const response = await request('initialize', { processId: process.pid, rootUri: pathToFileURL(WORK).href, capabilities: caps, initializationOptions: options });
      assert.ok(response.result, `initialize failed: ${JSON.stringify(response.error)}`);
      init = response.result;
      wire.notify('initialized', {});
    });
    after(() => wire.kill());

    test('initialize: codeActionProvider and executeCommandProvider in the form the client supports', T, () => {
      assertConforms(spec.initializeResult(init, caps));
      const c = init.capabilities;
      assert.equal(c.positionEncoding, 'utf-16');
      const literals = typeof spec.get(caps, 'textDocument', 'codeAction', 'codeActionLiteralSupport') === 'object';
      if (literals) {
        assert.equal(typeof c.codeActionProvider, 'object', 'CodeActionOptions for a client with literals');
        assert.ok(c.codeActionProvider.codeActionKinds.every((k) => typeof k === 'string'));
        assert.ok(c.codeActionProvider.codeActionKinds.includes('source.fixAll.lspGlossary'));
      } else {
        assert.equal(c.codeActionProvider, true, 'a client without literals gets codeActionProvider: true');
      }
      assert.ok(Array.isArray(c.executeCommandProvider?.commands) && c.executeCommandProvider.commands.length > 0);
      assert.ok(c.executeCommandProvider.commands.every((k) => typeof k === 'string'));
    });

    test('diagnostics are published for the wrong spellings', T, async () => {
      const uri = open(NOTES);
      const diagnostics = await diagnosticsWhere(uri, (d) => d.length === 2, 'two diagnostics');
      assert.deepEqual(diagnostics.map((d) => d.code), ['glossary.wrong-variant', 'glossary.wrong-variant']);
      const line = NOTES.split('\n')[3];
      assert.deepEqual(diagnostics[0].range, { start: { line: 3, character: line.indexOf('Lora') }, end: { line: 3, character: line.indexOf('Lora') + 4 } });
    });

    test('hover is Markdown only when the client lists it, else readable plain text', T, async () => {
      const uri = open(NOTES);
      const h = await call('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: NOTES.split('\n')[2].indexOf('RLHF') + 1 } });
      assertConforms(spec.hoverResult(h, caps, 'hover'));
      const markdown = spec.wantsMarkdown(spec.get(caps, 'textDocument', 'hover', 'contentFormat'));
      assert.equal(h.contents.kind, markdown ? 'markdown' : 'plaintext');
      assert.match(h.contents.value, /Reinforcement Learning from Human Feedback/);
      if (!markdown) assert.ok(h.contents.value.startsWith('RLHF — '), h.contents.value.slice(0, 60));
    });

    test('completion at Ql|ora replaces the whole word, documentation in the client\'s format', T, async () => {
      const uri = open(WORD);
      const result = await call('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 9 } });
      assertConforms(spec.completionResult(result, caps, 'completion'));
      const item = (result.items ?? result).find((i) => i.label === 'QLoRA');
      assert.ok(item, 'QLoRA offered');
      const replace = item.textEdit.replace ?? item.textEdit.range;
      assert.equal(applyEdits(WORD, [{ range: replace, newText: item.textEdit.newText }]), 'We use QLoRA here.\n');
      const documentation = item.documentation;
      if (spec.wantsMarkdown(spec.get(caps, 'textDocument', 'completion', 'completionItem', 'documentationFormat'))) {
        assert.equal(documentation.kind, 'markdown');
      } else {
        assert.equal(typeof documentation === 'string' ? 'plaintext' : documentation.kind, 'plaintext');
      }
    });

    test('a code action request without only carries no whole-document fix-all edit', T, async () => {
      const big = 'We tune with Lora and Qlora.\n'.repeat(10_000); // 290 KB, 20,000 findings
      const uri = open(big);
      // 10,000 are listed, and one more diagnostic counts the other 10,000.
      await diagnosticsWhere(uri, (d) => d.length === 10_001 && /10000 more/.test(d.at(-1).message), '10,000 diagnostics and the count of the rest');
      const response = await request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 5000, character: 14 }, end: { line: 5000, character: 14 } }, context: { diagnostics: [] } });
      assertConforms(spec.codeActionResult(response.result, caps, commands(), 'codeAction'));
      // The line's quick fixes: the fix, "Ignore on this line", and those that write the team glossary (each one small edit).
      assert.ok(JSON.stringify(response).length < 6000, `answer of ${JSON.stringify(response).length} characters`);
      for (const action of response.result) {
        const edits = action.edit
          ? [...Object.values(action.edit.changes ?? {}).flat(), ...(action.edit.documentChanges ?? []).flatMap((c) => c.edits ?? [])]
          : [];
        assert.ok(edits.length <= 1, `${action.title}: ${edits.length} edits`);
      }
    });

    test('the quick fix works through the client\'s own path', T, async () => {
      const uri = open(NOTES);
      const [lora] = await diagnosticsWhere(uri, (d) => d.length === 2, 'two diagnostics');
      const actions = await call('textDocument/codeAction', { textDocument: { uri }, range: lora.range, context: { diagnostics: [lora] } });
      assertConforms(spec.codeActionResult(actions, caps, commands(), 'codeAction'));
      const literals = typeof spec.get(caps, 'textDocument', 'codeAction', 'codeActionLiteralSupport') === 'object';
      const applyEdit = spec.get(caps, 'workspace', 'applyEdit') === true;
      if (!literals && !applyEdit) {
        assert.deepEqual(actions, [], 'nothing the client could apply');
        return;
      }
      const fix = actions.find((a) => /'Lora'/.test(a.title));
      assert.ok(fix, `a fix for Lora in ${JSON.stringify(actions)}`);
      if (literals) {
        change(uri, applyEdits(docs.get(uri).text, fix.edit.changes[uri]));
      } else {
        assert.equal(await call('workspace/executeCommand', { command: fix.command, arguments: fix.arguments }), null);
      }
      assert.match(docs.get(uri).text, /fine-tune with LoRA and Qlora/);
      await diagnosticsWhere(uri, (d) => d.length === 1, 'one diagnostic left');
    });

    test('fix-all: built when source.fixAll is asked for, deferred or absent otherwise', T, async () => {
      const uri = open(NOTES + 'Also Moe.\n');
      await diagnosticsWhere(uri, (d) => d.length === 3, 'three diagnostics');
      const literals = typeof spec.get(caps, 'textDocument', 'codeAction', 'codeActionLiteralSupport') === 'object';
      const asked = await call('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
      assertConforms(spec.codeActionResult(asked, caps, commands(), 'codeAction'));
      if (!literals) {
        if (spec.get(caps, 'workspace', 'applyEdit') === true) assert.equal(asked.length, 1);
        return;
      }
      const fixAll = asked.find((a) => a.kind === 'source.fixAll.lspGlossary');
      assert.equal(fixAll.edit.changes[uri].length, 3);
      const resolvable = (spec.get(caps, 'textDocument', 'codeAction', 'resolveSupport', 'properties') ?? []).includes('edit')
        && spec.get(caps, 'textDocument', 'codeAction', 'dataSupport') === true;
      const any = await call('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
      const deferred = any.find((a) => a.kind === 'source.fixAll.lspGlossary');
      if (!resolvable) {
        assert.equal(deferred, undefined, 'no fix-all without only for a client that cannot resolve');
        return;
      }
      assert.ok(deferred && deferred.edit === undefined, 'a deferred fix-all, without its edit');
      const resolved = await call('codeAction/resolve', deferred);
      assertConforms(spec.codeActionResult([resolved], caps, commands(), 'codeAction/resolve'));
      assert.equal(applyEdits(docs.get(uri).text, resolved.edit.changes[uri]), NOTES.replace('Lora', 'LoRA').replace('Qlora', 'QLoRA') + 'Also MoE.\n');
    });

    test('bundled entries come at lsp-glossary-bundled: URIs (workspace/symbol, definition) only to a client that asks', T, async () => {
      const symbols = await call('workspace/symbol', { query: '检索增强生成' });
      const uri = open('We tried RAG.\n');
      const definition = await call('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 10 } });
      const locations = [...symbols.map((s) => s.location), ...(definition ? [definition] : [])];
      if (options?.virtualDocuments === true) {
        assert.equal(locations.length, 2, JSON.stringify(locations));
        assert.ok(locations.every((l) => l.uri.startsWith('lsp-glossary-bundled:/glossary/')), JSON.stringify(locations));
      } else {
        assert.deepEqual(locations, [], 'no location the client cannot open');
      }
    });

    test('a second initialize is refused and the session goes on', T, async () => {
      const again = await request('initialize', { processId: null, rootUri: null, capabilities: {} });
      assert.equal(again.error?.code, -32600);
      const uri = open(NOTES);
      assert.ok(await call('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 26 } }));
    });

    test('shutdown and exit end the server with code 0', T, async () => {
      const response = await request('shutdown', null);
      assert.equal(response.result, null);
      shutdownIndex = wire.received.indexOf(response);
      wire.notify('exit', null);
      assert.equal(await Promise.race([wire.exit, new Promise((r) => setTimeout(() => r('still running'), 5000))]), 0);
    });

    test('every message the server sent conforms to the spec and to the client\'s capabilities', T, () => {
      assert.deepEqual(wire.malformed, [], 'malformed frames');
      assertConforms(spec.serverMessages(wire.received, { caps, initializationOptions: options, requestIds, shutdownIndex }));
      const statuses = wire.received.filter((m) => m.method === 'lspGlossary/status').length;
      assert.equal(statuses > 0, options?.statusNotification === true, `${statuses} lspGlossary/status notifications`);
    });
  });
}
