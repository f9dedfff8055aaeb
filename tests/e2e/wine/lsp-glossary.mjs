#!/usr/bin/env node
// Stands in for lsp-glossary in the end-to-end suites: runs the Windows build under Wine with the same arguments
// (tests/e2e/run-win-wine.sh sets LSP_GLOSSARY_WINE_EXE, WINE64 and WINEPREFIX). One change to the conversation:
// the processId of `initialize` becomes null, because a Linux process id means nothing inside Wine and the server
// would exit at once, believing its client gone. Everything else passes through unchanged, byte for byte.
import { spawn } from 'node:child_process';

const exe = process.env.LSP_GLOSSARY_WINE_EXE;
const wine = process.env.WINE64 || 'wine64';
const args = process.argv.slice(2);
const env = { ...process.env, WINEDEBUG: process.env.WINEDEBUG || '-all' };
const lsp = args.length === 0 || args.includes('--stdio');
const child = spawn(wine, [exe, ...args], { stdio: [lsp ? 'pipe' : 'inherit', 'inherit', 'inherit'], env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));

if (lsp) {
  child.stdin.on('error', () => {}); // the server may exit before its input ends
  let pending = Buffer.alloc(0);
  let parsing = true; // until initialize has passed, or a frame is not understood
  process.stdin.on('data', (chunk) => {
    if (!parsing) { child.stdin.write(chunk); return; }
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      const headerEnd = pending.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length:\s*(\d+)/i.exec(pending.subarray(0, headerEnd).toString('latin1'))?.[1]);
      if (!Number.isInteger(length)) { passThrough(); return; }
      const bodyStart = headerEnd + 4;
      if (pending.length < bodyStart + length) return;
      let body = pending.subarray(bodyStart, bodyStart + length);
      pending = pending.subarray(bodyStart + length);
      const text = body.toString('utf8');
      if (/"method"\s*:\s*"initialize"/.test(text)) {
        body = Buffer.from(text.replace(/"processId"\s*:\s*\d+/, '"processId":null'), 'utf8');
        child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
        child.stdin.write(body);
        passThrough();
        return;
      }
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    }
  });
  process.stdin.on('end', () => child.stdin.end());

  function passThrough() {
    parsing = false;
    if (pending.length > 0) child.stdin.write(pending);
    pending = Buffer.alloc(0);
  }
}
