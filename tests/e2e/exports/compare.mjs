// Helpers of tests/e2e/run-exports.sh: each compares what another tool did with an exported file against what
// `lsp-glossary check` found, and prints "PASS name" or "FAIL name: why" lines.
//   node compare.mjs cspell CSPELL_OUTPUT CHECK_JSON FIXTURE NAME
//   node compare.mjs prh TEXTLINT_JSON CHECK_JSON FIXTURE
//   node compare.mjs vale VALE_DIR CHECK_JSON FIXTURE YAML_MODULE
//   node compare.mjs rules AUTOCORRECTRC YAML_MODULE        (turns autocorrect's other rules off, for the comparison)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [mode, ...args] = process.argv.slice(2);
const result = (ok, name, why) => console.log(ok ? `PASS ${name}` : `FAIL ${name}: ${why}`);
const hasCjk = (s) => /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/.test(s);
const sorted = (set) => [...set].sort();
const same = (a, b) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
const diff = (a, b) => `missing ${JSON.stringify(sorted([...a].filter((x) => !b.has(x))))}, extra ${JSON.stringify(sorted([...b].filter((x) => !a.has(x))))}`;

/** lsp-glossary's findings as "line:column:found", and their fixes, on the lines without inline code. */
function checkFindings(checkJson, fixture, keep = () => true) {
  const lines = fs.readFileSync(fixture, 'utf8').split('\n');
  const findings = JSON.parse(fs.readFileSync(checkJson, 'utf8')).findings
    .filter((f) => !lines[f.line - 1].includes('`') && keep(f.found));
  return { set: new Set(findings.map((f) => `${f.line}:${f.column}:${f.found}`)), fixes: new Map(findings.map((f) => [`${f.line}:${f.column}:${f.found}`, f.replacement])), lines };
}

if (mode === 'cspell') {
  // cspell checks one word at a time and skips CJK text: the wrong spellings of several words or with Chinese are
  // the export's documented gaps. Its default reporter: "file:line:col - Forbidden word (X) fix: (Y)".
  const [output, checkJson, fixture, name] = args;
  const { set: expected, fixes, lines } = checkFindings(checkJson, fixture, (found) => !/\s/.test(found) && !hasCjk(found));
  const reported = new Set(), wrongFix = [], unknown = [];
  for (const line of fs.readFileSync(output, 'utf8').split('\n')) {
    const m = /:(\d+):(\d+) - (Forbidden|Unknown) word \((.+?)\)(?: fix: \((.+?)\))?/.exec(line);
    if (!m) continue;
    const [, l, c, kind, word, fix] = m;
    if (lines[l - 1].includes('`')) continue;
    if (kind === 'Unknown') { unknown.push(`${l}:${c}:${word}`); continue; }
    const key = `${l}:${c}:${word}`;
    reported.add(key);
    // cspell puts a fix in capitals when the word is in capitals (MOE -> "MOE"): compare those ignoring case.
    const want = fixes.get(key);
    if (want !== undefined && (word === word.toUpperCase() ? fix.toLowerCase() !== want.toLowerCase() : fix !== want)) wrongFix.push(`${word}: ${fix} (check: ${want})`);
  }
  result(expected.size > 10 && same(expected, reported), `${name}: cspell flags exactly check's one-word wrong spellings (${expected.size})`, diff(expected, reported));
  result(wrongFix.length === 0, `${name}: cspell suggests check's fix for each`, wrongFix.join('; '));
  result(unknown.length === 0, `${name}: cspell knows every accepted spelling (no unknown words)`, unknown.join(', '));
} else if (mode === 'prh') {
  const [textlintJson, checkJson, fixture] = args;
  const { set: expected, fixes } = checkFindings(checkJson, fixture);
  const reported = new Set(), wrongFix = [];
  for (const m of JSON.parse(fs.readFileSync(textlintJson, 'utf8'))[0].messages) {
    const [found, fix] = m.message.split(' => ');
    const key = `${m.line}:${m.column}:${found}`;
    reported.add(key);
    if (fixes.has(key) && fixes.get(key) !== fix) wrongFix.push(`${found}: ${fix}`);
  }
  result(expected.size > 10 && same(expected, reported), `textlint + prh flags exactly check's wrong spellings (${expected.size}, multi-word and Chinese too)`, diff(expected, reported));
  result(wrongFix.length === 0, 'textlint + prh fixes each as check does', wrongFix.join('; '));
} else if (mode === 'vale') {
  // Vale is not installed here: its files are validated, and its substitution rules are applied as Vale applies them
  // (every swap key, case-sensitive, in one alternation between \b boundaries — none with nonword: true).
  const [dir, checkJson, fixture, yamlModule] = args;
  const YAML = createRequire(import.meta.url)(yamlModule);
  const read = (p) => fs.readFileSync(path.join(dir, p), 'utf8');
  // The part of RE2 (Go's regexp, Vale's) these files may use: no lookaround, backreferences, atomic groups or
  // possessive quantifiers, which RE2 refuses.
  const re2Problem = (re) => /\(\?[=!]|\(\?<[=!]|\\[1-9]|\\k<|\(\?>|[*+?}]\+/.test(re) ? 'not RE2' : null;
  const compiles = (re) => { try { new RegExp(re.replace(/^\(\?i\)/, ''), re.startsWith('(?i)') ? 'i' : ''); return null; } catch (e) { return e.message; } };

  const ini = read('.vale.ini');
  result(/^StylesPath = styles$/m.test(ini) && /^Vocab = LspGlossary$/m.test(ini) && /^BasedOnStyles = .*LspGlossary/m.test(ini),
    '.vale.ini names StylesPath, the LspGlossary vocabulary and style', ini);

  const accept = read('styles/config/vocabularies/LspGlossary/accept.txt').split('\n').filter((l) => l.length > 0);
  const badAccept = accept.map((l) => [l, re2Problem(l) ?? compiles(l)]).filter(([, p]) => p);
  result(accept.length > 50 && badAccept.length === 0, `accept.txt: ${accept.length} patterns, each a valid RE2 expression`, JSON.stringify(badAccept.slice(0, 5)));
  const acceptMatches = (word) => accept.some((l) => new RegExp(`^(?:${l.replace(/^\(\?i\)/, '')})$`, l.startsWith('(?i)') ? 'i' : '').test(word));
  result(['LoRA', 'QLoRA', 'MoE', 'llama.cpp', 'token', 'Token'].every(acceptMatches) && !acceptMatches('Lora') && !acceptMatches('llamaxcpp'),
    'accept.txt accepts the terms as written (plain words in any case) and nothing else', '');

  let swaps = 0, problems = [];
  const rules = [];
  for (const file of ['Terms.yml', 'TermsCJK.yml']) {
    const p = path.join('styles/LspGlossary', file);
    if (!fs.existsSync(path.join(dir, p))) { if (file === 'Terms.yml') problems.push('no Terms.yml'); continue; }
    const rule = YAML.parse(read(p));
    const keys = ['extends', 'message', 'level', 'ignorecase', 'swap', 'vocab', 'action', 'nonword'];
    if (rule.extends !== 'substitution') problems.push(`${file}: extends ${rule.extends}`);
    if ((rule.message.match(/%s/g) ?? []).length !== 2) problems.push(`${file}: message needs two %s`);
    if (!['suggestion', 'warning', 'error'].includes(rule.level)) problems.push(`${file}: level ${rule.level}`);
    if (rule.ignorecase !== false) problems.push(`${file}: ignorecase is not false`);
    if (rule.action?.name !== 'replace') problems.push(`${file}: action is not replace`);
    for (const k of Object.keys(rule)) if (!keys.includes(k)) problems.push(`${file}: unknown key ${k}`);
    if (file === 'TermsCJK.yml' && rule.nonword !== true) problems.push('TermsCJK.yml: nonword is not true');
    for (const [k, v] of Object.entries(rule.swap)) {
      swaps++;
      if (typeof v !== 'string' || v.length === 0) problems.push(`${file}: ${k} -> ${v}`);
      const p2 = re2Problem(k) ?? compiles(k);
      if (p2) problems.push(`${file}: ${k}: ${p2}`);
    }
    rules.push(rule);
  }
  result(swaps > 100 && problems.length === 0, `Terms.yml and TermsCJK.yml: substitution rules with Vale's keys, ${swaps} swaps, each a valid RE2 expression`, problems.slice(0, 8).join('; '));

  const { set: expected, fixes, lines } = checkFindings(checkJson, fixture);
  const reported = new Set(), wrongFix = [];
  for (const rule of rules) {
    const keys = Object.keys(rule.swap);
    const b = rule.nonword ? '' : '\\b';
    const re = new RegExp(`${b}(?:${keys.join('|')})${b}`, 'g');
    lines.forEach((text, i) => {
      if (text.includes('`')) return;
      for (const m of text.matchAll(re)) {
        const key = `${i + 1}:${m.index + 1}:${m[0]}`;
        reported.add(key);
        const fix = keys.map((k) => [k, new RegExp(`^(?:${k})$`)]).find(([, r]) => r.test(m[0]))?.[0];
        if (fixes.has(key) && rule.swap[fix] !== fixes.get(key)) wrongFix.push(`${m[0]}: ${rule.swap[fix]}`);
      }
    });
  }
  result(expected.size > 10 && same(expected, reported), `the Vale rules, applied as Vale applies substitutions, flag exactly check's wrong spellings (${expected.size})`, diff(expected, reported));
  result(wrongFix.length === 0, 'the Vale rules fix each as check does', wrongFix.join('; '));
} else if (mode === 'rules') {
  const [rc, yamlModule] = args;
  const YAML = createRequire(import.meta.url)(yamlModule);
  const config = YAML.parse(fs.readFileSync(rc, 'utf8'));
  for (const rule of ['space-word', 'space-punctuation', 'space-bracket', 'space-dash', 'space-backticks', 'space-dollar',
    'fullwidth', 'no-space-fullwidth', 'no-space-fullwidth-quote', 'halfwidth-word', 'halfwidth-punctuation']) config.rules[rule] = 0;
  fs.writeFileSync(rc, YAML.stringify(config));
} else {
  console.log(`FAIL compare.mjs: unknown mode ${mode}`);
}
