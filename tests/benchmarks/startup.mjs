// Spawn → initialize answered, for one server command: ROUNDS fresh processes one after another (default 11),
// each ended with shutdown + exit. Prints one JSON line: { label, rounds, medianMs, minMs, maxMs }.
//   node tests/benchmarks/startup.mjs LABEL COMMAND [ARGS...]     (the server gets --stdio after ARGS)
// The clock starts before spawn() and stops when the initialize response has been read: the server loads its
// glossary before answering. Used by tests/benchmarks/platforms.sh.
import { spawn } from 'node:child_process';

const [label, command, ...args] = process.argv.slice(2);
const rounds = Number(process.env.ROUNDS || 11);

function once() {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, [...args, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${label}: no initialize answer in 60 s`)); }, 60_000);
    const send = (message) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    };
    let buffer = Buffer.alloc(0);
    let elapsed = null;
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length:\s*(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('latin1'))[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.id === 1 && elapsed === null) {
          elapsed = Number(process.hrtime.bigint() - start) / 1e6;
          send({ id: 2, method: 'shutdown', params: null });
        } else if (message.id === 2) {
          send({ method: 'exit', params: null });
        }
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (elapsed === null) reject(new Error(`${label}: exited with ${code} before answering initialize`));
      else resolve(elapsed);
    });
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  });
}

const samples = [];
for (let i = 0; i < rounds; i++) samples.push(await once());
const sorted = [...samples].sort((a, b) => a - b);
const round1 = (x) => Math.round(x * 10) / 10;
console.log(JSON.stringify({ label, rounds, medianMs: round1(sorted[Math.floor(sorted.length / 2)]), minMs: round1(sorted[0]), maxMs: round1(sorted.at(-1)) }));
