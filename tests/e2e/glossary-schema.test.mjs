// glossary/schema.json: every bundled glossary file validates, and the schema accepts and rejects what
// GlossaryFileParser accepts and rejects (unknown fields, missing id, bad category, bad year, ...).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import YAML from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GLOSSARY_DIR = path.join(ROOT, 'glossary');
const schema = JSON.parse(readFileSync(path.join(GLOSSARY_DIR, 'schema.json'), 'utf8'));

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);

/** Parses YAML text (errors on duplicate keys and syntax errors throw) and validates it. */
function check(text) {
  const doc = YAML.parse(text);
  const valid = validate(doc);
  return { valid, errors: validate.errors ?? [] };
}

function describe(errors) {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`).join('\n');
}

function assertValid(text, what) {
  const { valid, errors } = check(text);
  assert.ok(valid, `${what} should be valid:\n${describe(errors)}`);
}

function assertInvalid(text, what, expectPath) {
  const { valid, errors } = check(text);
  assert.equal(valid, false, `${what} should be rejected`);
  if (expectPath) {
    assert.ok(errors.some((e) => e.instancePath.startsWith(expectPath)),
      `${what}: expected an error at ${expectPath}, got:\n${describe(errors)}`);
  }
}

const entry = (lines) => ['terms:', ...lines.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)), ''].join('\n');

const FULL = [
  'id: zorpx',
  'term: ZORPX',
  'category: training',
  'definition:',
  '  en: A made-up term.',
];

test('the schema is a draft 2020-12 schema with an $id, a title and a description', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.ok(schema.$id && schema.title && schema.description);
});

test('every property of the schema has a description', () => {
  const missing = [];
  (function walk(node, where) {
    if (!node || typeof node !== 'object') return;
    if (node.properties) {
      for (const [name, prop] of Object.entries(node.properties)) {
        if (typeof prop.description !== 'string' || prop.description.length < 20) missing.push(`${where}/properties/${name}`);
      }
    }
    for (const [key, value] of Object.entries(node)) if (typeof value === 'object') walk(value, `${where}/${key}`);
  })(schema, '#');
  assert.deepEqual(missing, []);
});

test('every bundled glossary file validates against the schema', () => {
  const files = readdirSync(GLOSSARY_DIR).filter((f) => f.endsWith('.yaml')).sort();
  assert.ok(files.length > 0, 'no glossary/*.yaml files');
  const failures = [];
  for (const file of files) {
    const text = readFileSync(path.join(GLOSSARY_DIR, file), 'utf8');
    assert.match(text.split('\n')[0], /^# yaml-language-server: \$schema=\.\/schema\.json$/, `${file}: first line names the schema`);
    let doc;
    try {
      doc = YAML.parse(text);
    } catch (e) {
      failures.push(`${file}: YAML error: ${e.message}`);
      continue;
    }
    if (!validate(doc)) {
      for (const e of validate.errors) {
        // Name the entry too, so the failing place is easy to find.
        const index = /^\/terms\/(\d+)/.exec(e.instancePath)?.[1];
        const id = index !== undefined ? doc.terms[Number(index)]?.id : undefined;
        failures.push(`${file}${id ? ` (id ${id})` : ''}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
      }
    }
  }
  assert.deepEqual(failures, [], failures.join('\n'));
});

// Negative cases: each is an error for the loader too.
const INVALID = [
  ['an unknown entry field', entry([...FULL, 'colour: red']), '/terms/0'],
  ['an unknown top-level field', 'terms: []\nversion: 2\n', ''],
  ['an entry without id', entry(['term: ZORPX', 'definition:', '  en: No id.']), '/terms/0'],
  ['an unknown category', entry(['id: zorpx', 'term: ZORPX', 'category: chemistry']), '/terms/0/category'],
  ['a year that is not a number', entry([...FULL, 'references:', '  - title: A paper', '    year: last year']), '/terms/0/references/0/year'],
  ['an unknown field inside definition', entry(['id: zorpx', 'definition:', '  en: Text.', '  fr: Texte.']), '/terms/0/definition'],
  ['an unknown field inside a reference', entry([...FULL, 'references:', '  - title: A paper', '    doi: 10.1/x']), '/terms/0/references/0'],
  ['an id with capitals and underscores', entry(['id: Bad_Id', 'term: Bad']), '/terms/0/id'],
  ['an id starting with a hyphen', entry(['id: -lora', 'term: LoRA']), '/terms/0/id'],
  ['a reference without title', entry([...FULL, 'references:', '  - year: 2021']), '/terms/0/references/0'],
  ['references as a single mapping', entry([...FULL, 'references:', '  title: A paper']), '/terms/0/references'],
  ['definition as a string', entry(['id: zorpx', 'term: ZORPX', 'definition: A made-up term.']), '/terms/0/definition'],
  ['an empty item in aliases', entry([...FULL, 'aliases: [zorp, ""]']), '/terms/0/aliases'],
  ['a list where a single value is expected', entry(['id: zorpx', 'term: [ZORPX, Zorpx]']), '/terms/0/term'],
  ['disabled that is not true or false', entry(['id: zorpx', 'disabled: maybe']), '/terms/0/disabled'],
  ['terms that is a mapping', 'terms:\n  id: zorpx\n', '/terms'],
  ['an entry that is a string', 'terms:\n  - zorpx\n', '/terms/0'],
];

for (const [what, text, at] of INVALID) {
  test(`the schema rejects ${what}`, () => assertInvalid(text, what, at));
}

// Positive cases: overlays and the short forms the loader accepts.
const VALID = [
  ['a full new entry', entry([...FULL, 'expansion: Zero-Overhead Reward Propagation eXtended', 'zh: [零开销奖励传播]',
    'aliases: [zorp-x]', 'variants: [Zorpx]', 'related: [lora, sft]', 'note: Made up.',
    'references:', '  - title: A paper', '    year: 2024', '    arxiv: "2401.00001"', '    url: https://example.org/paper'])],
  ['an overlay with only id and definition.en', entry(['id: lora', 'definition:', '  en: Our team uses LoRA with rank 16.'])],
  ['an entry with disabled: true', entry(['id: agent', 'disabled: true'])],
  ['zh as a single string', entry([...FULL, 'zh: 零开销奖励传播'])],
  ['aliases, variants and related as single strings', entry([...FULL, 'aliases: zorp-x', 'variants: Zorpx', 'related: lora'])],
  ['a year written as a quoted number', entry([...FULL, 'references:', '  - title: A paper', '    year: "2021"'])],
  ['an empty terms list', 'terms:\n'],
  ['a file with comments only around an empty list', '# yaml-language-server: $schema=./schema.json\nterms: []\n'],
];

for (const [what, text] of VALID) {
  test(`the schema accepts ${what}`, () => assertValid(text, what));
}
