// Hostile input to the published server, protocol level: broken framing, responses to nothing, positions out
// of range, lone surrogates, edit storms checked against a fresh open of the same text, and memory.
// Every wait is bounded; each class reports inputs tried, its slowest answer and peak RSS (tests/.results).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newUri, pos, range, withRaw, waitFor } from '../lsp-support.mjs';
import {
  ANSWER_WITHIN_MS, record, memoryOf, timedRequest, alive, shutdownAndExit, diagnosticsOf,
  applyChange, withoutLoneSurrogates, randomFrom,
} from './support.mjs';

const T = { timeout: 120_000 };

/** Opens a small document with RLHF and returns a check that hover on it is still answered, in time. */
function hoverProbe(raw) {
  const uri = newUri('md');
  raw.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'About RLHF.\n' } });
  let slowest = 0;
  let peak = 0;
  const check = async (after) => {
    const { response, ms } = await timedRequest(raw, 'textDocument/hover', { textDocument: { uri }, position: pos(0, 7) });
    slowest = Math.max(slowest, ms);
    peak = Math.max(peak, memoryOf(raw.child.pid).peakMiB);
    assert.equal(response.error, undefined, `hover after ${after}: ${JSON.stringify(response.error)}`);
    assert.match(JSON.stringify(response.result?.contents ?? null), /Reinforcement Learning from Human Feedback/, `hover after ${after}`);
  };
  check.slowest = () => slowest;
  check.peak = () => peak;
  return check;
}

const BAD_HEADERS = {
  'negative length': 'Content-Length: -5\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"shutdown"}',
  'not a number': 'Content-Length: abc\r\n\r\n{}',
  'exponent': 'Content-Length: 1e12\r\n\r\n{}',
  'huge number': 'Content-Length: 99999999999999999999\r\n\r\n{}',
  'a NUL': 'Content-Length: 2\u0000\r\n\r\n{}',
  'header missing': '{"jsonrpc":"2.0","id":2,"method":"shutdown"}',
  'junk without LF': 'garbage garbage',
  'junk line': 'hello there\r\n',
  'no Content-Length': 'Content-Type: application/vscode-jsonrpc\r\n\r\n{}',
  'two Content-Lengths': 'Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}',
  'length longer than the body': 'Content-Length: 40\r\n\r\n{"jsonrpc":"2.0"}',
  'a header of 20 KB': 'X-Junk: ' + 'x'.repeat(20_000) + '\r\n\r\n{}',
  'binary junk': String.fromCharCode(...Array.from({ length: 300 }, (_, i) => (i * 37) % 256)),
};

for (const [name, junk] of Object.entries(BAD_HEADERS)) {
  test(`framing: after a bad header (${name}) the next request, shutdown and exit are answered`, T, () =>
    withRaw({}, async (raw) => {
      const hoverStillWorks = hoverProbe(raw);
      await hoverStillWorks('open');
      raw.child.stdin.write(Buffer.from(junk, 'latin1'));
      await hoverStillWorks(name);
      assert.ok(raw.messages.some((m) => m.id === null && m.error?.code === -32700 || m.error?.code === -32600), 'the bad frame was answered with an error');
      assert.equal(await shutdownAndExit(raw), 0);
      record('framing', { tried: 1, slowestAnswerMs: hoverStillWorks.slowest(), peakRssMiB: hoverStillWorks.peak() });
    }));
}

test('framing: a request split into one-byte writes is answered', T, () =>
  withRaw({}, async (raw) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 77, method: 'shutdown' }));
    const frame = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
    for (const byte of frame) raw.child.stdin.write(Buffer.from([byte]));
    const r = await raw.response(77, ANSWER_WITHIN_MS);
    assert.ok('result' in r);
    record('framing', { tried: 1, peakRssMiB: memoryOf(raw.child.pid).peakMiB });
  }));

test('responses to no request of the server are dropped, twice-answered requests too', T, () =>
  withRaw({ capabilities: { workspace: { configuration: true } } }, async (raw) => {
    const hoverStillWorks = hoverProbe(raw);
    for (const id of [99, 'abc', 0, -1, 1.5]) raw.send({ jsonrpc: '2.0', id, result: null });
    raw.send({ jsonrpc: '2.0', id: 98, error: { code: -32603, message: 'no' } });
    await hoverStillWorks('responses to nothing');
    // Answer the server's own workspace/configuration request a second time.
    const configuration = await waitFor(() => raw.messages.find((m) => m.method === 'workspace/configuration'), ANSWER_WITHIN_MS, 'workspace/configuration');
    raw.send({ jsonrpc: '2.0', id: configuration.id, result: [null] });
    raw.send({ jsonrpc: '2.0', id: configuration.id, result: [null] });
    await hoverStillWorks('a duplicate response');
    assert.ok(alive(raw.child));
    assert.equal(await shutdownAndExit(raw), 0);
    record('unrequested responses', { tried: 8, slowestAnswerMs: hoverStillWorks.slowest(), peakRssMiB: hoverStillWorks.peak() });
  }));

test('positions: an insert at a character past the line end lands before the line break', T, () =>
  withRaw({}, async (raw) => {
    const uri = newUri('md');
    raw.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Lor\nok\n' } });
    raw.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: range(0, 99, 0, 99), text: 'a' }] });
    // The client now has "Lora\nok\n": one finding, Lora on line 0.
    const diagnostics = await diagnosticsOf(raw, uri, 2);
    assert.deepEqual(diagnostics.map((d) => d.range), [range(0, 0, 0, 4)]);
    const crlf = newUri('md');
    raw.notify('textDocument/didOpen', { textDocument: { uri: crlf, languageId: 'markdown', version: 1, text: 'Lor\r\nok\r\n' } });
    raw.notify('textDocument/didChange', { textDocument: { uri: crlf, version: 2 }, contentChanges: [{ range: range(0, 4, 0, 4), text: 'a' }] });
    assert.deepEqual((await diagnosticsOf(raw, crlf, 2)).map((d) => d.range), [range(0, 0, 0, 4)]);
    record('positions out of range', { tried: 2, peakRssMiB: memoryOf(raw.child.pid).peakMiB });
  }));

/** A random change: ranges often past line ends or past the end, texts with CRLF, emoji, Han, lone surrogates. */
function randomChange(random, text) {
  const lines = text.split(/\r\n|\r|\n/).length;
  const p = () => ({ line: Math.floor(random() * (lines + 2)), character: Math.floor(random() * 40) });
  const pieces = ['Lora', 'LoRA', ' ', '\n', '\r\n', 'Qlora ', '😀', '检索增强生成', '\uD800', '\uDC00', 'RLHF', 'x', '', 'MOE\n'];
  let newText = '';
  for (let n = Math.floor(random() * 4); n > 0; n--) newText += pieces[Math.floor(random() * pieces.length)];
  return { range: { start: p(), end: p() }, text: newText };
}

/** Diagnostics reduced to what must agree between an edited document and a fresh open of the same text. */
const comparable = (diagnostics) => diagnostics.map((d) => `${JSON.stringify(d.range)} ${d.code} ${d.message}`).sort();

for (const seed of [1, 2, 3]) {
  test(`edit storm (seed ${seed}): 400 random edits leave the server's text equal to the client's`, T, () =>
    withRaw({}, async (raw) => {
      const random = randomFrom(seed);
      const uri = newUri('md');
      let text = 'We use Lora.\nAnd RLHF, then 检索增强生成.\r\nEnd\n';
      raw.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      let version = 1;
      for (let i = 0; i < 400; i++) {
        const change = randomChange(random, text);
        version += 1;
        raw.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        text = applyChange(text, { ...change, text: withoutLoneSurrogates(change.text) });
      }
      // End with findings to compare, whatever the storm left.
      const last = { range: range(1e6, 0, 1e6, 0), text: '\nLora and Qlora\n' };
      version += 1;
      raw.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [last] });
      text = applyChange(text, last);
      const edited = await diagnosticsOf(raw, uri, version);
      const fresh = newUri('md');
      raw.notify('textDocument/didOpen', { textDocument: { uri: fresh, languageId: 'markdown', version: 1, text } });
      const opened = await diagnosticsOf(raw, fresh, 1);
      assert.deepEqual(comparable(edited), comparable(opened));
      assert.ok(edited.length > 0, 'the storm left some findings to compare');
      record('edit storms', { tried: 400, peakRssMiB: memoryOf(raw.child.pid).peakMiB });
    }));
}

test('lone surrogates in didOpen and didChange are accepted as U+FFFD and later edits stay aligned', T, () =>
  withRaw({}, async (raw) => {
    const uri = newUri('md');
    raw.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'a\uD800b Lora\n' } });
    raw.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: range(0, 0, 0, 0), text: '\uDC00\uD800' }] });
    raw.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: range(0, 5, 0, 5), text: ' Qlora' }] });
    // The client's text: "\uDC00\uD800a\uD800b Qlora Lora": Qlora at 6, Lora at 12.
    const diagnostics = await diagnosticsOf(raw, uri, 3);
    assert.deepEqual(diagnostics.map((d) => d.range.start.character).sort((a, b) => a - b), [6, 12]);
    record('lone surrogates', { tried: 3, peakRssMiB: memoryOf(raw.child.pid).peakMiB });
  }));

/** A Markdown document of about `mib` MiB with two wrong spellings on every other line. */
function bigDocument(mib) {
  const flagged = 'Tuning with Lora and Qlora on the cluster, then plain words that fill the line out.\n';
  const plain = 'Plain prose with nothing to flag in it, only words that fill the line out nicely.\n\n';
  const unit = flagged + plain;
  return unit.repeat(Math.ceil((mib * 1024 * 1024) / unit.length));
}

test('memory: a 10,000-edit storm on a 1.6 MB document with 20,000 findings stays under 300 MB', { timeout: 300_000 }, () =>
  withRaw({}, async (raw) => {
    const uri = newUri('md');
    raw.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: bigDocument(1.6) } });
    const shown = await diagnosticsOf(raw, uri, 1, 30_000);
    // At most 10,000 are listed; the last diagnostic counts the rest.
    const rest = shown.find((d) => d.code === 'glossary.too-many');
    const findings = shown.length - 1 + Number(/(\d+) more/.exec(rest?.message ?? '')?.[1] ?? 0);
    assert.ok(findings >= 20_000, `${findings} findings`);
    // Ten bursts of 1,000 edits sent without waiting, each followed by a hover that must be answered in time
    // (it is answered after every edit before it has been applied).
    const random = randomFrom(42);
    let version = 1;
    let peak = 0;
    let slowest = 0;
    for (let burst = 0; burst < 10; burst++) {
      for (let i = 0; i < 1_000; i++) {
        const line = Math.floor(random() * 20_000);
        const change = { range: range(line, 0, line, 1), text: random() < 0.5 ? 'L' : 'T' };
        version += 1;
        raw.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      }
      const { ms } = await timedRequest(raw, 'textDocument/hover', { textDocument: { uri }, position: pos(0, 13) });
      slowest = Math.max(slowest, ms);
      peak = Math.max(peak, memoryOf(raw.child.pid).peakMiB);
    }
    await diagnosticsOf(raw, uri, version, 60_000);
    peak = Math.max(peak, memoryOf(raw.child.pid).peakMiB);
    record('memory: edit storm on 1.6 MB', { tried: 10_000, peakRssMiB: peak, slowestAnswerMs: slowest });
    assert.ok(peak <= 300, `peak RSS ${peak.toFixed(0)} MiB`);
  }));

test('memory: closing a 50 MB document gives memory back (RSS <= 150 MB within 5 s)', { timeout: 300_000 }, () =>
  withRaw({}, async (raw) => {
    const uri = newUri('md');
    raw.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: bigDocument(50) } });
    await diagnosticsOf(raw, uri, 1, 120_000);
    const open = memoryOf(raw.child.pid);
    raw.notify('textDocument/didClose', { textDocument: { uri } });
    const closedAt = Date.now();
    let after = open;
    while (Date.now() - closedAt < 5_000) {
      await new Promise((r) => setTimeout(r, 200));
      after = memoryOf(raw.child.pid);
      if (after.rssMiB <= 150) break;
    }
    record('memory: 50 MB document closed', { tried: 1, peakRssMiB: after.peakMiB, rssOpenMiB: open.rssMiB,
      rssAfterCloseMiB: after.rssMiB, msToRelease: Date.now() - closedAt });
    assert.ok(after.rssMiB <= 150, `RSS ${after.rssMiB.toFixed(0)} MiB 5 s after closing (open: ${open.rssMiB.toFixed(0)} MiB, peak ${after.peakMiB.toFixed(0)} MiB)`);
    const hoverStillWorks = hoverProbe(raw);
    await hoverStillWorks('closing a big document');
  }));
