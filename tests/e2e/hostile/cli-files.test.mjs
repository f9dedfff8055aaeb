// Hostile files for `lsp-glossary check` (issue 8, items 10-13): the published binary against FIFOs, device
// links, huge sparse files, files changed or the process killed while --fix works, other owners, hard and
// symbolic links, long, forged and non-UTF-8 names. Every run is bounded by a timeout and its peak memory is
// sampled; each test records its figures for the reliability table (support.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  appendFileSync, chmodSync, cpSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync,
  symlinkSync, truncateSync, utimesSync, writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { check, processState, record, recordRun, scratch, start, until } from './support.mjs';

const LORA = 'We fine-tune with Lora.\n';
const FIXED = 'We fine-tune with LoRA.\n';
const MB = 1024;
const tmpNames = (dir) => readdirSync(dir).filter((n) => /lsp-glossary-\d+-[0-9a-f]{32}\.tmp$/.test(n));

function folder(name, files = {}) {
  const dir = scratch(name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

// ---------------------------------------------------------------- item 10: regular files only, bounded

test('FIFOs named, walked and behind a link: an error each, no hang, the other files checked', async () => {
  const dir = folder('fifo', { 'a.md': LORA, 'sub/b.md': LORA });
  execFileSync('mkfifo', [path.join(dir, 'named.md'), path.join(dir, 'sub', 'walked.md')]);
  symlinkSync('sub/walked.md', path.join(dir, 'link-to-fifo.md'));
  try {
    for (const args of [['named.md', 'a.md'], [], ['link-to-fifo.md'], ['--fix', 'named.md']]) {
      const r = await check(dir, args, { timeoutMs: 10_000 });
      recordRun('FIFO, socket, .gitignore FIFO', r);
      assert.equal(r.timedOut, false, `check ${args.join(' ')} hung`);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /: error: is a FIFO \(named pipe\), not a regular file/);
    }
    const walked = await check(dir, []);
    assert.match(walked.err, /sub\/walked\.md: error: is a FIFO/);
    assert.match(walked.out, /^a\.md:1:19: glossary\.wrong-variant/m);
    assert.match(walked.out, /^sub\/b\.md:1:19: glossary\.wrong-variant/m);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('a Unix socket named .md, named and walked: an error, no hang', async () => {
  const dir = folder('socket', { 'a.md': LORA });
  const server = net.createServer().listen(path.join(dir, 'sock.md'));
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    for (const args of [['sock.md'], []]) {
      const r = await check(dir, args, { timeoutMs: 10_000 });
      recordRun('FIFO, socket, .gitignore FIFO', r);
      assert.equal(r.timedOut, false);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /sock\.md: error: is a socket, not a regular file/);
    }
  } finally { server.close(); rmSync(dir, { recursive: true, force: true }); }
});

test('.gitignore files that are a FIFO or a link to /dev/zero are not used, and the walk goes on', async () => {
  const dir = folder('gitignore', { 'a/x.md': LORA, 'b/y.md': LORA });
  execFileSync('mkfifo', [path.join(dir, 'a', '.gitignore')]);
  symlinkSync('/dev/zero', path.join(dir, 'b', '.gitignore'));
  try {
    const r = await check(dir, [], { timeoutMs: 10_000 });
    recordRun('FIFO, socket, .gitignore FIFO', r);
    assert.equal(r.timedOut, false);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^a\/x\.md:1:19: /m);
    assert.match(r.out, /^b\/y\.md:1:19: /m);
    assert.ok(r.peakKb < 100 * MB, `peak RSS ${r.peakKb} kB`);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('links to /dev/zero, /dev/urandom and /dev/null: an error, nothing read, memory flat', async () => {
  const dir = folder('devices', { 'ok.md': LORA });
  for (const [name, device] of [['zero.md', '/dev/zero'], ['urandom.md', '/dev/urandom'], ['null.md', '/dev/null']]) {
    symlinkSync(device, path.join(dir, name));
  }
  try {
    for (const name of ['zero.md', 'urandom.md', 'null.md']) {
      for (const fix of [[], ['--fix']]) {
        // From the folder the link leads outside it: not followed. From /dev the device is inside: its type stops it.
        const outside = await check(dir, [...fix, name, 'ok.md'], { timeoutMs: 10_000 });
        const inside = await check('/dev', [...fix, path.join(dir, name)], { timeoutMs: 10_000 });
        for (const r of [outside, inside]) {
          recordRun('device behind a symbolic link', r);
          assert.equal(r.timedOut, false);
          assert.equal(r.code, 2, r.err);
          assert.ok(r.peakKb < 100 * MB, `peak RSS ${r.peakKb} kB`);
        }
        assert.match(outside.err, new RegExp(`${name}: error: is a symbolic link to /dev/\\w+, outside the current folder: not followed`));
        assert.match(inside.err, new RegExp(`${name}: error: is a character device, not a regular file`));
      }
    }
    assert.equal(readFileSync(path.join(dir, 'ok.md'), 'utf8'), FIXED);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('a 1.5 GB sparse file is rejected by its size before reading; --max-file-size raises the limit', async () => {
  const dir = folder('size', {});
  const sparse = path.join(dir, 'huge.md');
  writeFileSync(sparse, '');
  truncateSync(sparse, 1536 * 1024 * 1024);
  const big = path.join(dir, 'docs', 'big.md');
  mkdirSync(path.dirname(big));
  const filler = 'A line of plain prose without any glossary term in it.\n';
  writeFileSync(big, LORA + filler.repeat(Math.ceil((20 << 20) / filler.length)) + LORA); // 20 MiB, two findings
  try {
    for (const args of [['huge.md'], [], ['--fix', 'huge.md']]) {
      const r = await check(dir, args, { timeoutMs: 10_000 });
      recordRun('1.5 GB sparse file (over the limit)', r);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /huge\.md: error: is larger than the limit of 16 MiB \(1\.5 GiB\)/);
      assert.ok(r.ms < 5_000, `${r.ms} ms`);
      assert.ok(r.peakKb < 100 * MB, `peak RSS ${r.peakKb} kB: the file was read`);
    }
    const walked = await check(dir, ['docs']);
    assert.match(walked.err, /docs\/big\.md: error: is larger than the limit of 16 MiB \(20 MiB\)/);
    const raised = await check(dir, ['--max-file-size', '32M', '--format', 'json', 'docs']);
    recordRun('20 MB file read with --max-file-size 32M', raised);
    assert.equal(raised.code, 1, raised.err);
    assert.equal(JSON.parse(raised.out).findingCount, 2);
    assert.equal(statSync(sparse).size, 1536 * 1024 * 1024);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

// ---------------------------------------------------------------- item 11: the lost update in --fix

/**
 * Runs `check --fix` on one file, stopped (SIGSTOP, by the test hook) after the temporary is written and synced
 * and before the file is re-checked and replaced; calls during(pid) there, then lets it go on (SIGCONT).
 */
async function fixWithWindow(dir, file, during) {
  const run = start(dir, ['check', '--no-progress', '--jobs', '1', '--fix', file],
    { env: { LSP_GLOSSARY_TEST_STOP_BEFORE_RENAME: '1' }, timeoutMs: 15_000 });
  await until('the process stopped before the rename', () => processState(run.pid) === 'T');
  await during(run.pid);
  if (processState(run.pid) === 'T') process.kill(run.pid, 'SIGCONT');
  return run.done;
}

test('--fix: an append during the window between the synced temporary and the rename is never lost', async () => {
  const dir = folder('lost-update', { 'a.md': LORA });
  const file = path.join(dir, 'a.md');
  try {
    const appended = LORA + 'A line appended while check --fix was working.\n';
    const r = await fixWithWindow(dir, 'a.md', () => {
      assert.equal(tmpNames(dir).length, 1, 'the temporary is written at this point');
      appendFileSync(file, 'A line appended while check --fix was working.\n');
    });
    const damaged = readFileSync(file, 'utf8') === appended ? 0 : 1;
    recordRun('--fix lost update (append, overwrite in the window)', r, damaged);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /a\.md: error: changed while it was being checked and was not rewritten/);
    assert.equal(readFileSync(file, 'utf8'), appended);
    assert.deepEqual(tmpNames(dir), []);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('--fix: a same-size overwrite with the old modification time put back is noticed too', async () => {
  const dir = folder('same-size', { 'a.md': LORA });
  const file = path.join(dir, 'a.md');
  try {
    const edited = LORA.replace('fine-tune', 'FINE-TUNE');
    const r = await fixWithWindow(dir, 'a.md', () => {
      const { atime, mtime } = statSync(file);
      writeFileSync(file, edited);
      utimesSync(file, atime, mtime);
    });
    recordRun('--fix lost update (append, overwrite in the window)', r, readFileSync(file, 'utf8') === edited ? 0 : 1);
    assert.equal(r.code, 2, r.err);
    assert.equal(readFileSync(file, 'utf8'), edited);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('--fix: with the same stop and nothing changed, the file is fixed (the hook alone refuses nothing)', async () => {
  const dir = folder('window-control', { 'a.md': LORA });
  try {
    const r = await fixWithWindow(dir, 'a.md', () => {});
    recordRun('--fix lost update (append, overwrite in the window)', r);
    assert.equal(r.code, 0, r.err);
    assert.equal(readFileSync(path.join(dir, 'a.md'), 'utf8'), FIXED);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

// ---------------------------------------------------------------- item 12: SIGKILL, owners, links, long names

test('SIGKILL in the window leaves the file whole and a temporary, which the next --fix run deletes', async () => {
  const dir = folder('sigkill-window', { 'a.md': LORA });
  try {
    const r = await fixWithWindow(dir, 'a.md', (pid) => { process.kill(pid, 'SIGKILL'); });
    assert.equal(r.signal, 'SIGKILL');
    assert.equal(readFileSync(path.join(dir, 'a.md'), 'utf8'), LORA);
    assert.equal(tmpNames(dir).length, 1, 'the killed run left its temporary');
    const next = await check(dir, ['--fix']);
    recordRun('SIGKILL during --fix', next, readFileSync(path.join(dir, 'a.md'), 'utf8') === FIXED ? 0 : 1);
    assert.equal(next.code, 0, next.err);
    assert.equal(readFileSync(path.join(dir, 'a.md'), 'utf8'), FIXED);
    assert.deepEqual(tmpNames(dir), []);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('SIGKILL at random moments of --fix over 300 files: each file is its old or its fixed text, never else', async () => {
  const files = {};
  for (let i = 0; i < 300; i++) files[`d${i % 10}/f${i}.md`] = `# File ${i}\n\n` + LORA.repeat(40 + (i % 7)) + '使用Lora微调。\n';
  const reference = folder('sigkill-reference', files);
  try {
    const ref = await check(reference, ['--fix']);
    assert.equal(ref.code, 0, ref.err);
    const fixedText = Object.fromEntries(Object.keys(files).map((f) => [f, readFileSync(path.join(reference, f), 'utf8')]));
    for (let trial = 0; trial < 8; trial++) {
      const dir = folder(`sigkill-${trial}`, files);
      try {
        const run = start(dir, ['check', '--no-progress', '--fix'], { timeoutMs: 15_000 });
        await new Promise((r) => setTimeout(r, 10 + trial * 12));
        run.child.kill('SIGKILL');
        const killed = await run.done;
        let damaged = 0, fixedCount = 0;
        for (const f of Object.keys(files)) {
          const now = readFileSync(path.join(dir, f), 'utf8');
          if (now === fixedText[f]) fixedCount++;
          else if (now !== files[f]) damaged++;
        }
        record('SIGKILL during --fix', { damaged, peakKb: killed.peakKb });
        assert.equal(damaged, 0, `trial ${trial}: ${damaged} files damaged`);
        const again = await check(dir, ['--fix']);
        recordRun('SIGKILL during --fix', again);
        assert.equal(again.code, 0, again.err);
        for (const f of Object.keys(files)) assert.equal(readFileSync(path.join(dir, f), 'utf8'), fixedText[f]);
        const left = readdirSync(dir, { recursive: true }).filter((n) => n.endsWith('.tmp'));
        assert.deepEqual(left, [], `trial ${trial} (${fixedCount} fixed when killed): temporaries left`);
      } finally { rmSync(dir, { recursive: true, force: true }); }
    }
  } finally { rmSync(reference, { recursive: true, force: true }); }
});

test('--fix as root keeps a nobody:nogroup file nobody:nogroup, and its mode', { skip: process.getuid() !== 0 && 'needs root' }, async () => {
  const dir = folder('owner', { 'a.md': LORA });
  const file = path.join(dir, 'a.md');
  try {
    execFileSync('chown', ['nobody:nogroup', file]);
    chmodSync(file, 0o640);
    const before = statSync(file);
    assert.notEqual(before.uid, 0);
    const r = await check(dir, ['--fix']);
    const after = statSync(file);
    const damaged = after.uid !== before.uid || after.gid !== before.gid || (after.mode & 0o7777) !== 0o640 ? 1 : 0;
    recordRun('--fix: owner, links, long names', r, damaged);
    assert.equal(r.code, 0, r.err);
    assert.equal(readFileSync(file, 'utf8'), FIXED);
    assert.deepEqual([after.uid, after.gid, (after.mode & 0o7777).toString(8)], [before.uid, before.gid, '640']);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('--fix refuses a file with a hard link outside the checked tree, and says so; both names keep their text', async () => {
  const dir = folder('hardlink', { 'tree/a.md': LORA, 'outside/keep.txt': '' });
  const inside = path.join(dir, 'tree', 'a.md');
  const outside = path.join(dir, 'outside', 'a-link.md');
  linkSync(inside, outside);
  try {
    const r = await check(path.join(dir, 'tree'), ['--fix']);
    const damaged = readFileSync(inside, 'utf8') !== LORA || readFileSync(outside, 'utf8') !== LORA ? 1 : 0;
    recordRun('--fix: owner, links, long names', r, damaged);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /a\.md: error: has 2 hard links and was not rewritten \(replacing it would split them\)/);
    assert.equal(damaged, 0);
    assert.equal(statSync(inside).ino, statSync(outside).ino);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('a named symbolic link to a file or folder outside the current folder is not followed, not even by --fix', async () => {
  const dir = folder('symlink-out', { 'tree/ok.md': FIXED, 'outside/secret.md': LORA, 'outside/deep/more.md': LORA });
  symlinkSync(path.join(dir, 'outside', 'secret.md'), path.join(dir, 'tree', 'docs.md'));
  symlinkSync('../outside', path.join(dir, 'tree', 'folder'));
  try {
    for (const args of [['docs.md', 'folder'], ['--fix', 'docs.md', 'folder'], ['--dry-run', 'docs.md', 'folder']]) {
      const r = await check(path.join(dir, 'tree'), args);
      const damaged = readFileSync(path.join(dir, 'outside', 'secret.md'), 'utf8') !== LORA ? 1 : 0;
      recordRun('--fix: owner, links, long names', r, damaged);
      assert.equal(r.code, 2, r.err);
      assert.equal(r.out, '', 'nothing of the outside files is shown');
      assert.match(r.err, /docs\.md: error: is a symbolic link to .*outside\/secret\.md, outside the current folder: not followed/);
      assert.match(r.err, /folder: error: is a symbolic link to .*outside, outside the current folder: not followed/);
      assert.equal(damaged, 0);
    }
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('--fix through a symbolic link named on the command line fixes its target and keeps the link', async () => {
  const dir = folder('symlink', { 'real/doc.md': LORA });
  symlinkSync('real/doc.md', path.join(dir, 'link.md'));
  try {
    const r = await check(dir, ['--fix', 'link.md']);
    recordRun('--fix: owner, links, long names', r, readFileSync(path.join(dir, 'real', 'doc.md'), 'utf8') === FIXED ? 0 : 1);
    assert.equal(r.code, 0, r.err);
    assert.equal(readFileSync(path.join(dir, 'real', 'doc.md'), 'utf8'), FIXED);
    assert.ok(lstatSync(path.join(dir, 'link.md')).isSymbolicLink());
    assert.deepEqual(tmpNames(path.join(dir, 'real')), []);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('--fix on 250- and 255-byte names (also 2-byte characters) named and walked', async () => {
  const names = ['n'.repeat(247) + '.md', 'm'.repeat(252) + '.md', '术'.repeat(84) + '.md']; // 250, 255, 255 bytes
  const dir = folder('long-names', Object.fromEntries(names.map((n) => [n, LORA])));
  try {
    for (const args of [['--fix', names[0]], ['--fix']]) {
      const r = await check(dir, args);
      recordRun('--fix: owner, links, long names', r);
      assert.equal(r.code, 0, r.err);
    }
    for (const n of names) assert.equal(readFileSync(path.join(dir, n), 'utf8'), FIXED, `${Buffer.byteLength(n)}-byte name`);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

// ---------------------------------------------------------------- item 13: names that forge output or are not UTF-8

test('file names with line breaks, escape sequences and bidi controls cannot forge or hide output', async () => {
  const forged = ['x\nINJECTED.md:9:9: glossary.wrong-variant: fake finding\ny.md', 'clear\u001b[2J\u001b[31m.md', 'rtl\u202edm.txt.md', 'cr\rOVER.md'];
  const dir = folder('forged', Object.fromEntries(forged.map((n) => [n, LORA])));
  execFileSync('mkfifo', [path.join(dir, 'pipe\nFAKE.md:1:1: error.md')]);
  try {
    for (const args of [[], ['--dry-run'], ['--format', 'text']]) {
      const r = await check(dir, args);
      recordRun('forged and non-UTF-8 names', r);
      const lines = (r.out + r.err).split('\n');
      assert.ok(!lines.some((l) => /^(INJECTED|y\.md|FAKE|OVER)/.test(l)), `a forged line: ${JSON.stringify(lines)}`);
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/.test(r.out + r.err), 'a control character was printed');
    }
    const r = await check(dir, []);
    assert.equal(r.out.trim().split('\n').length, 4, r.out);
    assert.match(r.out, /^x\\nINJECTED\.md:9:9: glossary\.wrong-variant: fake finding\\ny\.md:1:19: /m);
    assert.match(r.err, /^pipe\\nFAKE\.md:1:1: error\.md: error: is a FIFO/m);
    const json = JSON.parse((await check(dir, ['--format', 'json'])).out);
    assert.ok(json.findings.some((f) => f.path === forged[0]), 'JSON keeps the real name');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('names that are not UTF-8 are reported, not skipped silently', async () => {
  const dir = folder('latin1-names', { 'ok.md': FIXED });
  const raw = Buffer.from(dir + '/');
  writeFileSync(Buffer.concat([raw, Buffer.from([0x62, 0xff, 0x2e, 0x6d, 0x64])]), LORA); // b\xff.md
  mkdirSync(Buffer.concat([raw, Buffer.from([0x64, 0xe9])])); // d\xe9/
  try {
    const r = await check(dir, []);
    recordRun('forged and non-UTF-8 names', r);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /b\uFFFD\.md: error: the name is not valid UTF-8, so it cannot be opened: skipped/);
    assert.match(r.err, /d\uFFFD: error: the name is not valid UTF-8/);
    assert.match(r.err, /1 file checked/);
  } finally { execFileSync('rm', ['-rf', dir]); }
});
