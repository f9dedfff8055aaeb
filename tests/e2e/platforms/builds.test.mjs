// Every build of `npm run build:all`, as far as this machine can run it (tests/e2e/run-platforms.sh):
// - each Linux and Windows server (x64 natively, arm64 under qemu-user, Windows under Wine): --version, and
//   `check` of a Markdown file with one wrong spelling gives exactly that finding. None has a glossary folder
//   beside it: they answer from the glossary embedded in the binary.
// - each macOS server: a Mach-O executable of the right architecture whose ad-hoc signature is valid (every code
//   page hashes to the signature's value). macOS itself is not available here.
// - each VSIX: the right TargetPlatform, its platform's server, and no binary of another platform; at most 25 MB.
// - dist/release: the seven VSIXs, one server archive per runtime, and SHA256SUMS that match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { binaryFormat, verifyAdHocSignature } from './binary-formats.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const version = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
const release = path.join(repo, 'dist', 'release');
const servers = path.join(repo, 'dist', 'servers');
const MAX_VSIX_BYTES = 25 * 1024 * 1024;

/** client-vscode/targets.txt: [{ target, rid }]. */
const targets = readFileSync(path.join(repo, 'client-vscode', 'targets.txt'), 'utf8').split('\n')
  .map((line) => line.trim()).filter((line) => line && !line.startsWith('#'))
  .map((line) => { const [target, rid] = line.split(/\s+/); return { target, rid }; });
const rids = [...new Set(targets.map((t) => t.rid))].sort();

/** What a runtime's binaries are: the format and architecture binaryFormat() reports. */
const expected = (rid) => {
  const [os, arch] = rid.split('-');
  return { os: { linux: 'elf', win: 'pe', osx: 'macho' }[os], arch };
};
const executableName = (rid) => (rid.startsWith('win-') ? 'lsp-glossary.exe' : 'lsp-glossary');

/** How this machine runs a runtime's server: a command prefix, or null when it cannot (run-platforms.sh checks the tools). */
function runner(rid) {
  if (rid === 'linux-x64') return [];
  if (rid === 'linux-arm64') return ['qemu-aarch64-static'];
  if (rid === 'win-x64') return [process.env.WINE64 || 'wine64'];
  return null;
}

function run(rid, args, cwd) {
  const [command, ...prefix] = [...runner(rid), path.join(servers, rid, executableName(rid))];
  const r = spawnSync(command, [...prefix, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout ?? '', err: `${r.stderr ?? ''}${r.error ?? ''}` };
}

for (const rid of rids.filter((r) => runner(r) !== null)) {
  test(`${rid}: the server runs alone, prints its version, and check finds exactly the one wrong spelling`, () => {
    assert.ok(!existsSync(path.join(servers, rid, 'glossary')), 'no glossary folder beside the binary');
    const v = run(rid, ['--version']);
    assert.equal(v.code, 0, v.err);
    assert.equal(v.out.trim(), version);

    const dir = mkdtempSync(path.join(tmpdir(), `lsp-glossary-${rid}-`));
    try {
      writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\nWe fine-tune with Lora, then RLHF.\n\n```\nLora = 1\n```\n');
      const c = run(rid, ['check', '--no-progress', 'notes.md'], dir);
      assert.equal(c.code, 1, `exit code 1 (findings) expected\n${c.out}\n${c.err}`);
      const lines = c.out.trim().split(/\r?\n/);
      assert.equal(lines.length, 1, c.out);
      assert.match(lines[0], /^notes\.md:3:19: glossary\.wrong-variant: 'Lora' .*'LoRA'/);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
}

for (const rid of rids.filter((r) => r.startsWith('osx-'))) {
  test(`${rid}: a Mach-O executable for ${expected(rid).arch} with a valid ad-hoc signature`, () => {
    const data = readFileSync(path.join(servers, rid, executableName(rid)));
    assert.deepEqual(binaryFormat(data), expected(rid));
    const signature = verifyAdHocSignature(data);
    assert.equal(signature.identifier, 'lsp-glossary');
    assert.ok(signature.adHoc, 'the ad-hoc flag is set');
    assert.ok(signature.pages > 1000, `pages: ${signature.pages}`);
    assert.equal(signature.badPages, 0);
    assert.ok(signature.codeLimitIsSignatureOffset, 'the signed code ends where the signature begins');
  });
}

for (const { target, rid } of targets) {
  test(`${target} VSIX: carries the ${rid} server and nothing of another platform`, () => {
    const vsix = path.join(release, `lsp-glossary-${target}-${version}.vsix`);
    assert.ok(statSync(vsix).size <= MAX_VSIX_BYTES, `${vsix} is larger than 25 MB`);
    const dir = mkdtempSync(path.join(tmpdir(), `lsp-glossary-vsix-${target}-`));
    try {
      const unzip = spawnSync('unzip', ['-q', vsix, '-d', dir], { encoding: 'utf8' });
      assert.equal(unzip.status, 0, unzip.stderr);
      const manifest = readFileSync(path.join(dir, 'extension.vsixmanifest'), 'utf8');
      assert.match(manifest, new RegExp(`TargetPlatform="${target}"`));

      const serverDir = path.join(dir, 'extension', 'dist', 'server');
      const exe = path.join(serverDir, executableName(rid));
      assert.deepEqual(binaryFormat(readFileSync(exe)), expected(rid), 'the server executable');
      if (!rid.startsWith('win-')) assert.ok(statSync(exe).mode & 0o100, 'the executable bit is kept');

      // Every binary anywhere in the VSIX is of this platform (managed .NET assemblies count as Windows PE files;
      // ReadyToRun code compiled for Linux or macOS would show a different machine).
      const binaries = files(dir).map((f) => ({ f, format: binaryFormat(readFileSync(f)) })).filter((b) => b.format);
      for (const { f, format } of binaries) {
        const ok = rid.startsWith('win-')
          ? format.os === 'pe' && (format.arch === 'x64' || format.arch === 'any')
          : format.os === expected(rid).os && format.arch === expected(rid).arch;
        assert.ok(ok, `${path.relative(dir, f)} is ${JSON.stringify(format)}`);
      }
      if (!rid.startsWith('win-')) assert.deepEqual(binaries.map((b) => path.relative(serverDir, b.f)), ['lsp-glossary']);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
}

test('dist/release: seven VSIXs, a server archive per runtime, and SHA256SUMS that match', () => {
  const names = readdirSync(release).filter((n) => n !== 'SHA256SUMS').sort();
  const wanted = [
    ...targets.map((t) => `lsp-glossary-${t.target}-${version}.vsix`),
    ...rids.map((r) => `lsp-glossary-server-${version}-${r}.${r.startsWith('win-') ? 'zip' : 'tar.gz'}`),
  ].sort();
  assert.deepEqual(names, wanted);
  const sums = readFileSync(path.join(release, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => l.split(/\s+\*?/));
  assert.deepEqual(sums.map(([, name]) => name).sort(), wanted);
  for (const [sum, name] of sums) {
    assert.equal(createHash('sha256').update(readFileSync(path.join(release, name))).digest('hex'), sum, name);
  }
  // Each server archive holds its runtime's executable at the top.
  for (const rid of rids) {
    const archive = path.join(release, wanted.find((n) => n.startsWith(`lsp-glossary-server-${version}-${rid}.`)));
    const list = rid.startsWith('win-') ? spawnSync('unzip', ['-Z1', archive], { encoding: 'utf8' }) : spawnSync('tar', ['-tzf', archive], { encoding: 'utf8' });
    const entries = list.stdout.split('\n').map((entry) => entry.replace(/^\.\//, ''));
    assert.ok(entries.includes(executableName(rid)), `${archive}: ${entries.slice(0, 5).join(' ')}`);
  }
});

function files(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath ?? e.path, e.name));
}
