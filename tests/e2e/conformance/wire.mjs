// A deliberately small LSP client for the conformance suite: it frames and parses every message itself, so the
// suite sees exactly what the server wrote (no library normalises it first), and answers the server's requests the
// way a client with the given capabilities would.
import { spawn } from 'node:child_process';

export class Wire {
  /** @param {string} server the executable; @param {(msg) => any} answer returns the result of a server request, or throws { code, message } */
  constructor(server, answer) {
    this.child = spawn(server, ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdin.on('error', () => {});
    this.stderr = '';
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-20_000); });
    this.answer = answer;
    this.received = []; // every message from the server, in order: { message, at: index of the phase }
    this.malformed = []; // frames that were not valid JSON-RPC framing
    this.pending = new Map();
    this.waiters = [];
    this.nextId = 1;
    this.buffer = Buffer.alloc(0);
    this.exit = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve(code ?? signal)));
    this.child.stdout.on('data', (chunk) => this.onData(chunk));
  }

  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /^Content-Length: (\d+)$/im.exec(header);
      if (!match) { this.malformed.push(header); this.buffer = this.buffer.subarray(headerEnd + 4); continue; }
      const length = Number(match[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      let message;
      try { message = JSON.parse(body); } catch { this.malformed.push(body); continue; }
      this.onMessage(message);
    }
  }

  onMessage(message) {
    this.received.push(message);
    if (message.method === undefined && this.pending.has(message.id)) {
      this.pending.get(message.id)(message);
      this.pending.delete(message.id);
    } else if (message.method !== undefined && message.id !== undefined) {
      let reply;
      try {
        reply = { jsonrpc: '2.0', id: message.id, result: this.answer(message) ?? null };
      } catch (e) {
        reply = { jsonrpc: '2.0', id: message.id, error: { code: e.code ?? -32603, message: String(e.message ?? e) } };
      }
      this.write(reply);
    }
    for (const waiter of [...this.waiters]) waiter();
  }

  write(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  /** Sends a request; resolves with the whole response message (result or error). */
  request(method, params, timeoutMs = 10_000) {
    const id = this.nextId++;
    this.write({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(id); reject(new Error(`${method}: no answer within ${timeoutMs} ms`)); }, timeoutMs);
      this.pending.set(id, (m) => { clearTimeout(timer); resolve(m); });
    });
  }

  /** Sends a request and returns its result; throws when the answer is an error. */
  async call(method, params) {
    const response = await this.request(method, params);
    if (response.error) throw new Error(`${method}: error ${JSON.stringify(response.error)}`);
    return response.result;
  }

  notify(method, params) { this.write({ jsonrpc: '2.0', method, params }); }

  /** Resolves with predicate()'s first truthy value, re-checked on every message; rejects after timeoutMs. */
  waitFor(predicate, what, timeoutMs = 10_000) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = predicate();
        if (!value) return false;
        cleanup(); resolve(value); return true;
      };
      const timer = setTimeout(() => { cleanup(); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)); }, timeoutMs);
      const cleanup = () => { clearTimeout(timer); this.waiters = this.waiters.filter((w) => w !== check); };
      this.waiters.push(check);
      check();
    });
  }

  kill() { if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL'); }
}
