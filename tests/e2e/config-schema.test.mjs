// glossary/config-schema.json: the starter config `lsp-glossary init` writes validates, so does a full config, and
// the schema rejects what the server's ProjectConfigParser rejects (unknown keys, bad levels, bad locale).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import YAML from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER = process.env.LSP_GLOSSARY_SERVER || path.join(ROOT, 'dist', 'server', 'lsp-glossary');
const schema = JSON.parse(readFileSync(path.join(ROOT, 'glossary', 'config-schema.json'), 'utf8'));
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
const valid = (text) => validate(YAML.parse(text));

test('the config schema is a draft 2020-12 schema with an $id, a title and a description', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.ok(schema.$id && schema.title && schema.description);
});

test('the config schema accepts the starter config of `lsp-glossary init` and a full config', { skip: !SERVER.endsWith('.mjs') ? false : 'a wrapped server' }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lspg-init-'));
  try {
    execFileSync(SERVER, ['init'], { cwd: dir });
    const starter = readFileSync(path.join(dir, '.lsp-glossary.yaml'), 'utf8');
    assert.ok(valid(starter), JSON.stringify(validate.errors));
    // The commented examples are the lines '# key: …' and '#   key: …' (nested).
    const uncommented = starter.split('\n').map((l) => l.replace(/^# (\s*[a-z][A-Za-z.-]*:( |$))/, '$1')).join('\n');
    assert.ok(Object.keys(YAML.parse(uncommented)).length >= 8, 'the examples were uncommented');
    assert.ok(valid(uncommented), `every example in the starter, uncommented: ${JSON.stringify(validate.errors)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the config schema rejects unknown keys, bad levels and a bad locale', () => {
  assert.equal(valid('colour: red\n'), false);
  assert.equal(valid('rules: { glossary.wrong-variant: loud }\n'), false);
  assert.equal(valid('terms: { LoRA: error }\n'), false);
  assert.equal(valid('locale: fr\n'), false);
  assert.equal(valid('diagnostics: { severity: off }\n'), false);
  assert.ok(valid('terms: { lora: off, moe: false }\nrules: { glossary.wrong-variant: hint }\ninclude: docs/**\n'));
});
