// End-to-end tests of `lsp-glossary check` and `lsp-glossary export prh`: the published binary, run as CI runs it.
// Exit codes, the three formats (the SARIF validated against the SARIF 2.1.0 JSON schema), --fix round trips.
// The binary: $LSP_GLOSSARY_SERVER, else <repo>/dist/server/lsp-glossary.
import { test, SERVER_IS_WINDOWS } from './platform.mjs';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const BIN = process.env.LSP_GLOSSARY_SERVER || path.join(repo, 'dist', 'server', 'lsp-glossary');
// The Windows build prints paths with its own separator.
const SEP = SERVER_IS_WINDOWS ? '\\' : '/';

// The SARIF 2.1.0 schema (draft-04) as Microsoft's SARIF SDK for JavaScript ships it.
const SARIF_SCHEMA = JSON.parse(readFileSync(
  path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

function workspace(files) {
  const dir = mkdtempSync(path.join(tmpdir(), 'lsp-glossary-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function check(dir, ...args) {
  const r = spawnSync(BIN, ['check', '--no-progress', ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const DOCS = {
  'README.md': '# Guide\n\n使用Lora微调，then RLHF with PPO.\n\n```python\nLora = LoraConfig()  # LoRA\n```\n\nSee `Lora` and https://example.com/Lora.\n',
  'docs/zh.md': '我们用 Qlora 和 MOE。\n',
  'src/train.py': '# Qlora training\nname = "Qlora"\n',
  'clean.md': 'LoRA, QLoRA and MoE.\n',
};

test('exit codes: 0 clean, 1 findings, 2 usage error or unreadable path', () => {
  const dir = workspace(DOCS);
  try {
    assert.equal(check(dir, 'clean.md').code, 0);
    assert.equal(check(dir).code, 1);
    assert.equal(check(dir, '--format', 'yaml').code, 2);
    const missing = check(dir, 'clean.md', 'missing.md');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /missing\.md: error: no such file or directory/);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('text format: file:line:col: code: message, in path order, never in code, inline code or URLs', () => {
  const dir = workspace(DOCS);
  try {
    const { out, err } = check(dir);
    const heads = out.trim().split('\n').map((l) => l.split(': ').slice(0, 2).join(': '));
    assert.deepEqual(heads, [
      'README.md:3:3: glossary.wrong-variant',
      `docs${SEP}zh.md:1:5: glossary.wrong-variant`,
      `docs${SEP}zh.md:1:13: glossary.wrong-variant`,
      `src${SEP}train.py:1:3: glossary.wrong-variant`,
    ]);
    assert.ok(!out.includes('\u001b['), 'no colour when stdout is not a terminal');
    assert.match(err, /4 findings in 3 files \(4 files checked\)/);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('json format', () => {
  const dir = workspace(DOCS);
  try {
    const report = JSON.parse(check(dir, '--format', 'json').out);
    assert.equal(report.findingCount, 4);
    assert.deepEqual(report.findings[0], {
      path: 'README.md', line: 3, column: 3, endLine: 3, endColumn: 7, code: 'glossary.wrong-variant', severity: 'warning',
      message: "'Lora' is not the glossary's spelling: write 'LoRA' (Low-Rank Adaptation).", found: 'Lora', replacement: 'LoRA',
    });
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('sarif format validates against the SARIF 2.1.0 schema; URIs use / on every platform', () => {
  // A backslash is part of a file name on Linux (%5C in the URI) and a separator on Windows, where it cannot be in a name.
  const odd = SERVER_IS_WINDOWS ? {} : { 'odd\\name/a.md': 'Lora\n' };
  const dir = workspace({ ...DOCS, ...odd, 'docs/sub dir/b.md': 'Lora\n' });
  try {
    const { code, out } = check(dir, '--format', 'sarif', '.', 'missing.md');
    assert.equal(code, 2);
    const sarif = JSON.parse(out);
    // unicodeRegExp: false, because one pattern of the schema (a language tag) is not valid with the u flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(SARIF_SCHEMA);
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    const run = sarif.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.tool.driver.rules[0].id, 'glossary.wrong-variant');
    assert.equal(run.results.length, SERVER_IS_WINDOWS ? 5 : 6);
    const uris = run.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.includes('docs/sub%20dir/b.md'), uris.join(' '));
    if (!SERVER_IS_WINDOWS) assert.ok(uris.includes('odd%5Cname/a.md'), uris.join(' '));
    // The base: file:///tmp/…/ here, file:///Z:/tmp/…/ from the Windows build; never a percent-encoded backslash.
    const base = run.originalUriBaseIds.SRCROOT.uri;
    assert.match(base, SERVER_IS_WINDOWS ? /^file:\/\/\/[A-Za-z]:\/.*\/$/ : /^file:\/\/\/.*\/$/);
    assert.ok(!base.includes('%5C') && !uris.some((u) => u.includes('%5C') && !u.startsWith('odd')), `${base} ${uris.join(' ')}`);
    assert.equal(run.results[0].fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'LoRA');
    assert.equal(run.invocations[0].executionSuccessful, false);
    assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /missing\.md/);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('--fix round trip: CRLF, BOM and Chinese kept, code untouched, second run clean', () => {
  const crlfBom = '\uFEFF# 标题\r\n\r\n使用Lora微调，MOE 模型。\r\n\r\n```\r\nLora\r\n```\r\n';
  const codeOnly = '```python\nLora = LoraConfig()\n```\n\nUse `Lora` from <https://example.com/Lora>.\n';
  const dir = workspace({ 'crlf.md': crlfBom, 'code-only.md': codeOnly, 'src/train.py': DOCS['src/train.py'] });
  try {
    const dry = check(dir, '--dry-run');
    assert.equal(dry.code, 1);
    assert.ok(dry.out.startsWith('--- a/crlf.md\n+++ b/crlf.md\n@@ -1,6 +1,6 @@\n # 标题\r\n \r\n-使用Lora微调，MOE 模型。\r\n+使用LoRA微调，MoE 模型。\r\n \r\n'), dry.out);
    assert.equal(readFileSync(path.join(dir, 'crlf.md'), 'utf8'), crlfBom);

    const fix = check(dir, '--fix');
    assert.equal(fix.code, 0, fix.err);
    assert.match(fix.err, /fixed 3 spellings in 2 files; 0 left/);
    assert.equal(readFileSync(path.join(dir, 'crlf.md'), 'utf8'), crlfBom.replace('Lora微调', 'LoRA微调').replace('MOE', 'MoE'));
    assert.equal(readFileSync(path.join(dir, 'code-only.md'), 'utf8'), codeOnly);
    assert.equal(readFileSync(path.join(dir, 'src/train.py'), 'utf8'), '# QLoRA training\nname = "Qlora"\n');

    const again = check(dir);
    assert.equal(again.code, 0);
    assert.equal(again.out, '');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('export prh writes a prh dictionary', () => {
  const r = spawnSync(BIN, ['export', 'prh'], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^version: 1$/m);
  assert.match(r.stdout, /- expected: 'LoRA\$1'\n {4}patterns:\n {6}- '\/\(\?<!\\w\)Lora\(s\?\)\(\?!\\w\)\/'/);
});

test('the nearest project config sets a term\'s severity, and so the exit code; a broken one stops the run with exit 2', () => {
  const dir = workspace({ 'docs/a.md': 'We tune Lora adapters.\n' });
  let r = check(dir, '--format', 'json');
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /"severity":\s*"warning"/);
  writeFileSync(path.join(dir, '.lsp-glossary.yaml'), 'terms: { lora: off }\n');
  r = check(dir, '--format', 'json');
  assert.equal(r.code, 0, `lora: off: ${r.out}${r.err}`);
  writeFileSync(path.join(dir, 'docs', '.lsp-glossary.yaml'), 'terms: { lora: error }\n'); // the nearer config wins
  r = check(dir, '--format', 'json');
  assert.equal(r.code, 1, r.err);
  assert.match(r.out, /"severity":\s*"error"/);
  r = check(dir, '--format', 'json', '--config', '.lsp-glossary.yaml'); // one config for every file
  assert.equal(r.code, 0, r.err);
  writeFileSync(path.join(dir, 'docs', '.lsp-glossary.yaml'), 'terms: { lora: loud }\n');
  r = check(dir);
  assert.equal(r.code, 2);
  assert.match(r.err, /\.lsp-glossary\.yaml:1:16: error: 'terms\.lora' must be off/);
  rmSync(dir, { recursive: true, force: true });
});
