// Helper of check-vs-textlint.sh.
//   node compare-findings.mjs --variants PRH_YML      the listed variants as one regex alternation (for ripgrep)
//   node compare-findings.mjs --report CORPUS OUT ...  the Markdown report: figures, then how the findings differ
// Findings are normalised to file:line:col:found (line and column one-based, in UTF-16 code units on both sides).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [mode, ...args] = process.argv.slice(2);

if (mode === '--variants') {
  const listed = [];
  for (const line of readFileSync(args[0], 'utf8').split('\n')) {
    const m = /^\s+- '\/\(\?<!\\w\)(?!\(\?!)(.+)\(s\?\)\(\?!\\w\)\/'$/.exec(line);
    if (m) listed.push(m[1]);
  }
  process.stdout.write(listed.join('|'));
  process.exit(0);
}

const [corpus, out, mdFiles, mdBytes, codeFiles, codeBytes, oursWall, oursRss, codeWall, codeRss, tlWall, tlRss, rgLine] = args;
const MB = 1024 * 1024;

const ours = JSON.parse(readFileSync(path.join(out, 'ours-md.json'), 'utf8'));
const oursCode = JSON.parse(readFileSync(path.join(out, 'ours-code.json'), 'utf8'));
const textlint = JSON.parse(readFileSync(path.join(out, 'textlint.json'), 'utf8'));

const key = (f) => `${f.file}:${f.line}:${f.column}:${f.found}`;
const oursFindings = ours.findings.map((f) => ({ file: f.path, line: f.line, column: f.column, found: f.found, fix: f.replacement }));
const prhFindings = textlint.flatMap((r) => r.messages.map((m) => {
  const [found, fix] = m.message.split(' => ');
  return { file: path.relative(corpus, r.filePath), line: m.line, column: m.column, found, fix };
}));

const oursKeys = new Set(oursFindings.map(key));
const prhKeys = new Set(prhFindings.map(key));
const both = oursFindings.filter((f) => prhKeys.has(key(f)));
const oursOnly = oursFindings.filter((f) => !prhKeys.has(key(f)));
const prhOnly = prhFindings.filter((f) => !oursKeys.has(key(f)));

// ---- classification: where does a finding that only one side reports sit?
const files = new Map();
function lines(file) {
  if (!files.has(file)) files.set(file, readFileSync(path.join(corpus, file), 'utf8').split(/\r\n|\n|\r/));
  return files.get(file);
}
function inFence(file, lineNo) {
  let fence = null;
  const all = lines(file);
  for (let i = 0; i < lineNo - 1; i++) {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(all[i]);
    if (!m) continue;
    if (fence === null) fence = m[1][0];
    else if (m[1][0] === fence) fence = null;
  }
  return fence !== null;
}
const CJK = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
function classify(f) {
  const text = lines(f.file)[f.line - 1] ?? '';
  const start = f.column - 1, end = start + f.found.length;
  if (inFence(f.file, f.line)) return 'code block';
  const ticksBefore = (text.slice(0, start).match(/`/g) || []).length;
  if (ticksBefore % 2 === 1) return 'inline code';
  let left = start, right = end;
  while (left > 0 && /\S/.test(text[left - 1]) && !CJK.test(text[left - 1]) && !/[(<\[“"'，。]/.test(text[left - 1])) left--;
  while (right < text.length && /\S/.test(text[right]) && !CJK.test(text[right]) && !/[)>\]”"'，。,;]/.test(text[right])) right++;
  const token = text.slice(left, right).replace(/[.:!?]+$/, '');
  if (/:\/\/|^www\./.test(token) || /\]\([^)]*$/.test(text.slice(0, start))) return 'URL';
  if (/<[^>]*$/.test(text.slice(0, start)) && />/.test(text.slice(end))) return 'HTML tag';
  if (/[_\\/=@$]|\w\.\w/.test(token)) return 'identifier, path or file name';
  if (/-/.test(token) && (/\d/.test(token) || (token.match(/-/g) || []).length >= 2)) return 'hyphenated name';
  if (/\[[^\]]*$/.test(text.slice(0, start)) && /^[^\[]*\]\(/.test(text.slice(end))) return 'link text';
  if (/^\s*\|/.test(text)) return 'table cell';
  if (/^\s*#/.test(text)) return 'heading';
  if (/^\s*>/.test(text)) return 'block quote';
  if (/\*\*|__|(^|[^*])\*[^*]/.test(text.slice(Math.max(0, start - 3), start)) ) return 'emphasis';
  if (CJK.test(text[start - 1] ?? '') || CJK.test(text[end] ?? '')) return 'glued to Chinese text';
  return 'prose';
}
function snippet(f) {
  const text = lines(f.file)[f.line - 1] ?? '';
  const start = Math.max(0, f.column - 1 - 40), end = Math.min(text.length, f.column - 1 + f.found.length + 40);
  return (start > 0 ? '…' : '') + text.slice(start, end).replace(/\|/g, '\\|') + (end < text.length ? '…' : '');
}
function groups(list) {
  const byKind = new Map();
  for (const f of list) {
    const kind = classify(f);
    if (!byKind.has(kind)) byKind.set(kind, []);
    byKind.get(kind).push(f);
  }
  return [...byKind.entries()].sort((a, b) => b[1].length - a[1].length);
}

const fmt = (n, d = 2) => Number(n).toFixed(d);
const mbps = (bytes, wall) => fmt(bytes / MB / Math.max(Number(wall), 0.001), 1);
const rssMb = (kb) => fmt(Number(kb) / 1024, 0);
const rows = [
  ['lsp-glossary check, Markdown', mdFiles, mdBytes, oursWall, oursRss, ours.findingCount],
  ['textlint + textlint-rule-prh, Markdown', mdFiles, mdBytes, tlWall, tlRss, prhFindings.length],
  ['lsp-glossary check, code files', codeFiles, codeBytes, codeWall, codeRss, oursCode.findingCount],
];
if (rgLine) {
  const [w, r, n] = rgLine.split(' ');
  rows.push(['ripgrep, plain alternation of the listed variants (no Markdown awareness)', mdFiles, mdBytes, w, r, n]);
}
console.log('| run | files | MB | wall (s) | MB/s | peak RSS (MB) | findings |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [name, n, bytes, wall, rss, findings] of rows) {
  console.log(`| ${name} | ${n} | ${fmt(bytes / MB, 1)} | ${fmt(wall)} | ${mbps(bytes, wall)} | ${rssMb(rss)} | ${findings} |`);
}
console.log();
console.log(`textlint + prh / lsp-glossary check on the same Markdown: **${fmt(Number(tlWall) / Number(oursWall), 0)}x** the wall time, **${fmt(Number(tlRss) / Number(oursRss), 1)}x** the peak memory.`);
console.log();
const oursInCode = oursFindings.map(classify).filter((k) => k === 'code block' || k === 'inline code' || k === 'URL').length;
console.log(`lsp-glossary findings inside code blocks, inline code or URLs (by this script's own Markdown reading): **${oursInCode}**.`);
console.log();
console.log(`Findings: ${both.length} reported by both, ${oursOnly.length} only by lsp-glossary, ${prhOnly.length} only by prh (matched on file:line:col:found).`);
for (const [title, list] of [['Only lsp-glossary', oursOnly], ['Only prh', prhOnly]]) {
  console.log();
  console.log(`### ${title}: ${list.length}`);
  console.log();
  console.log('| where | count | samples |');
  console.log('|---|---:|---|');
  for (const [kind, items] of groups(list)) {
    const samples = items.filter((_, i) => i % Math.max(1, Math.floor(items.length / 3)) === 0).slice(0, 3)
      .map((f) => `\`${f.file}:${f.line}:${f.column}\` ${f.found}→${f.fix}: ${snippet(f).replace(/`/g, 'ˋ')}`);
    console.log(`| ${kind} | ${items.length} | ${samples.join('<br>')} |`);
  }
}
