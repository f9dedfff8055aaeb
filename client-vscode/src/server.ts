// Finds the lsp-glossary executable: the setting, then the environment variable, then the binary bundled in
// this platform's VSIX. The first one that is set is used; one that is set but missing is an error, so that a
// typo is reported rather than silently replaced by another server. The setting has scope "machine": only the
// user's own settings set it, never a workspace's (a cloned repository must not choose what runs). A path must
// be absolute or start with ~: a relative one would name a file inside whatever folder is open.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type ServerLocation =
  | { ok: true; command: string; source: string }
  | { ok: false; message: string; checked: string[] };

export const settingName = 'lspGlossary.server.path';
export const environmentVariable = 'LSP_GLOSSARY_SERVER';

export function locateServer(configured: string | undefined, extensionPath: string): ServerLocation {
  const candidates: Array<{ source: string; value: string | undefined }> = [
    { source: `setting "${settingName}"`, value: configured },
    { source: `environment variable ${environmentVariable}`, value: process.env[environmentVariable] },
  ];
  const checked: string[] = [];
  for (const { source, value } of candidates) {
    if (!value?.trim()) { checked.push(`${source}: not set`); continue; }
    const command = resolvePath(value.trim());
    if (command === undefined) {
      checked.push(`${source}: ${value.trim()} is not an absolute path`);
      return { ok: false, checked, message: `The ${source} must be an absolute path or start with ~; it is ${value.trim()}.` };
    }
    if (isExecutableFile(command)) return { ok: true, command, source };
    checked.push(`${source}: ${command} is not an executable file`);
    return { ok: false, checked, message: `The ${source} names ${command}, which is not an executable file.` };
  }
  const bundled = path.join(extensionPath, 'dist', 'server', process.platform === 'win32' ? 'lsp-glossary.exe' : 'lsp-glossary');
  makeExecutable(bundled);
  if (isExecutableFile(bundled)) return { ok: true, command: bundled, source: 'bundled binary' };
  checked.push(`bundled binary: ${bundled} does not exist`);
  return {
    ok: false, checked,
    message: `This extension has no language server for ${process.platform}-${process.arch}. Install the LSP Glossary ` +
      `VSIX built for your platform, or point the setting "${settingName}" (or ${environmentVariable}) at an lsp-glossary binary.`,
  };
}

/** The absolute path a setting names (~ is the home folder), or undefined for a relative path. */
export function resolvePath(value: string): string | undefined {
  if (value === '~' || value.startsWith('~/')) value = path.join(os.homedir(), value.slice(1));
  return path.isAbsolute(value) ? path.resolve(value) : undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== 'win32') fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** An unzipped VSIX may lose the executable bit of the bundled binary: restore it (our own file). */
function makeExecutable(file: string): void {
  if (process.platform === 'win32') return;
  try {
    const mode = fs.statSync(file).mode;
    if ((mode & 0o111) === 0) fs.chmodSync(file, mode | 0o755);
  } catch {
    // Missing or read-only: the check that follows reports it.
  }
}
