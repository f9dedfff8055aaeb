// Hostile glossary files for the published server: FIFOs and devices named in the settings or found in the
// workspace, an alias bomb, and a secrets file outside the workspace. The server must keep answering, stay
// small, and never show the content of a file outside the workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { newUri, pos, withRaw, waitFor } from '../lsp-support.mjs';
import { ANSWER_WITHIN_MS, record, memoryOf, timedRequest, shutdownAndExit } from './support.mjs';

const T = { timeout: 60_000 };
const workspace = () => mkdtempSync(path.join(tmpdir(), 'hostile-glossary-'));
const withConfiguration = { workspace: { configuration: true, didChangeConfiguration: {} } };

async function hoverAnswers(raw) {
  const uri = newUri('md');
  raw.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'We use LoRA.\n' } });
  const { response, ms } = await timedRequest(raw, 'textDocument/hover', { textDocument: { uri }, position: pos(0, 8) });
  assert.match(JSON.stringify(response.result?.contents ?? null), /Low-Rank Adaptation/);
  return ms;
}

const NOT_REGULAR = {
  'a FIFO': (dir) => { const p = path.join(dir, 'pipe.yaml'); execFileSync('mkfifo', [p]); return p; },
  '/dev/zero': () => '/dev/zero',
  '/dev/urandom': () => '/dev/urandom',
  '/dev/stdin (the protocol pipe)': () => '/dev/stdin',
  'a link to /dev/zero': (dir) => { const p = path.join(dir, 'zero.yaml'); symlinkSync('/dev/zero', p); return p; },
};

for (const [name, make] of Object.entries(NOT_REGULAR)) {
  test(`glossaryFiles naming ${name}: refused, the server keeps answering, and removing it is answered too`, T, async () => {
    const dir = workspace();
    const file = make(dir);
    await withRaw({ capabilities: withConfiguration, rootUri: pathToFileURL(dir).href, settings: { glossaryFiles: [file] } }, async (raw) => {
      const first = await hoverAnswers(raw);
      await waitFor(() => raw.messages.find((m) => m.method === 'textDocument/publishDiagnostics' && /not a regular file/.test(JSON.stringify(m.params))),
        ANSWER_WITHIN_MS, 'the refusal as a diagnostic');
      raw.notify('workspace/didChangeConfiguration', { settings: { lspGlossary: { glossaryFiles: [] } } });
      const second = await hoverAnswers(raw);
      const { peakMiB } = memoryOf(raw.child.pid);
      assert.ok(peakMiB < 200, `peak RSS ${peakMiB.toFixed(0)} MiB`);
      assert.equal(await shutdownAndExit(raw), 0);
      record('glossary files: FIFOs and devices', { tried: 1, peakRssMiB: peakMiB, slowestAnswerMs: Math.max(first, second) });
    });
  });
}

test('a FIFO named like a workspace glossary is skipped; hover and shutdown are answered', T, async () => {
  const dir = workspace();
  execFileSync('mkfifo', [path.join(dir, 'team.glossary.yaml')]);
  await withRaw({ rootUri: pathToFileURL(dir).href }, async (raw) => {
    const ms = await hoverAnswers(raw);
    const { peakMiB } = memoryOf(raw.child.pid);
    assert.equal(await shutdownAndExit(raw), 0);
    record('glossary files: FIFOs and devices', { tried: 1, peakRssMiB: peakMiB, slowestAnswerMs: ms });
  });
});

test('an alias bomb (60,000 variants aliased by 100 entries) neither delays hover nor grows memory', T, async () => {
  const dir = workspace();
  const variants = Array.from({ length: 60_000 }, (_, i) => `v${i}`).join(', ');
  let yaml = `terms:\n  - id: e0\n    term: E0\n    definition: { en: x }\n    variants: &v [${variants}]\n`;
  for (let i = 1; i < 100; i++) yaml += `  - id: e${i}\n    term: E${i}\n    definition: { en: x }\n    variants: *v\n`;
  writeFileSync(path.join(dir, 'bomb.glossary.yaml'), yaml);
  await withRaw({ rootUri: pathToFileURL(dir).href }, async (raw) => {
    const ms = await hoverAnswers(raw);
    const { peakMiB } = memoryOf(raw.child.pid);
    assert.ok(peakMiB < 300, `peak RSS ${peakMiB.toFixed(0)} MiB`);
    assert.ok(raw.messages.some((m) => m.method === 'textDocument/publishDiagnostics' && /at most 256/.test(JSON.stringify(m.params))));
    record('glossary files: alias bomb', { tried: 1, peakRssMiB: peakMiB, slowestAnswerMs: ms });
  });
});

test('a secrets file outside the workspace named as a glossary: nothing of it reaches the client or the log', T, async () => {
  const dir = workspace();
  const elsewhere = workspace();
  const secrets = path.join(elsewhere, 'credentials');
  writeFileSync(secrets, 'aws_secret_access_key: wJalrXUtnFEMI-K7MDENG\n[default]\npassword = hunter2\n');
  const link = path.join(dir, 'team.yaml');
  symlinkSync(secrets, link);
  await withRaw({ capabilities: withConfiguration, rootUri: pathToFileURL(dir).href, settings: { glossaryFiles: [secrets, link] } }, async (raw) => {
    const ms = await hoverAnswers(raw);
    await waitFor(() => raw.messages.filter((m) => m.method === 'textDocument/publishDiagnostics'
      && [pathToFileURL(secrets).href, pathToFileURL(link).href].includes(m.params.uri)).length >= 2, ANSWER_WITHIN_MS, 'problems of both files');
    const everything = JSON.stringify(raw.messages) + raw.child.stderrText;
    for (const secret of ['wJalrXUtnFEMI', 'hunter2', 'aws_secret_access_key', 'password']) {
      assert.ok(!everything.includes(secret), `"${secret}" reached the client or the log`);
    }
    record('glossary files: secrets outside the workspace', { tried: 2, peakRssMiB: memoryOf(raw.child.pid).peakMiB, slowestAnswerMs: ms });
  });
});
