// Reads just enough of ELF, PE and Mach-O headers to say what a file is for, and verifies a Mach-O ad-hoc code
// signature page by page (what macOS checks before running arm64 code), so builds for other platforms can be
// checked on Linux.
import { createHash } from 'node:crypto';

/** { os: 'elf' | 'pe' | 'macho', arch: 'x64' | 'arm64' | 'any' (managed .NET, AnyCPU) | 'machine-0x…' } or null. */
export function binaryFormat(data) {
  if (data.length < 64) return null;
  if (data.readUInt32BE(0) === 0x7f454c46) {
    return { os: 'elf', arch: { 62: 'x64', 183: 'arm64' }[data.readUInt16LE(18)] ?? `machine-${hex(data.readUInt16LE(18))}` };
  }
  if (data.readUInt32LE(0) === 0xfeedfacf) {
    return { os: 'macho', arch: { 0x01000007: 'x64', 0x0100000c: 'arm64' }[data.readUInt32LE(4)] ?? `machine-${hex(data.readUInt32LE(4))}` };
  }
  if (data.readUInt16LE(0) === 0x5a4d) { // MZ
    const pe = data.readUInt32LE(0x3c);
    if (pe + 24 + 112 + 15 * 8 > data.length || data.readUInt32LE(pe) !== 0x4550) return null;
    const machine = data.readUInt16LE(pe + 4);
    const optional = pe + 24;
    const directories = optional + (data.readUInt16LE(optional) === 0x20b ? 112 : 96);
    const managed = data.readUInt32LE(directories + 14 * 8) !== 0; // the CLR runtime header
    if (machine === 0x8664) return { os: 'pe', arch: 'x64' };
    if (machine === 0xaa64) return { os: 'pe', arch: 'arm64' };
    if (machine === 0x14c && managed) return { os: 'pe', arch: 'any' };
    // ReadyToRun code for Linux or macOS marks the machine with an OS value (0x8664 ^ 0x7b79, ^ 0x4644 …).
    return { os: 'pe', arch: `machine-${hex(machine)}` };
  }
  return null;
}

/**
 * Verifies the code signature of a thin 64-bit Mach-O: finds LC_CODE_SIGNATURE, its CodeDirectory, and compares
 * the SHA-256 of every code page with the hash stored there. Returns { identifier, adHoc, pages, badPages, codeLimitIsSignatureOffset }.
 */
export function verifyAdHocSignature(data) {
  const commandCount = data.readUInt32LE(16);
  let offset = 32;
  let signature = null;
  for (let i = 0; i < commandCount; i++) {
    const command = data.readUInt32LE(offset);
    if (command === 0x1d) signature = { offset: data.readUInt32LE(offset + 8), size: data.readUInt32LE(offset + 12) };
    offset += data.readUInt32LE(offset + 4);
  }
  if (!signature) throw new Error('no LC_CODE_SIGNATURE load command');
  const blob = data.subarray(signature.offset, signature.offset + signature.size);
  if (blob.readUInt32BE(0) !== 0xfade0cc0) throw new Error(`not an embedded signature: ${hex(blob.readUInt32BE(0))}`);
  const count = blob.readUInt32BE(8);
  for (let i = 0; i < count; i++) {
    const at = blob.readUInt32BE(12 + 8 * i + 4);
    if (blob.readUInt32BE(at) !== 0xfade0c02) continue; // not the CodeDirectory
    const flags = blob.readUInt32BE(at + 12);
    const hashOffset = blob.readUInt32BE(at + 16);
    const identOffset = blob.readUInt32BE(at + 20);
    const codeSlots = blob.readUInt32BE(at + 28);
    const codeLimit = blob.readUInt32BE(at + 32);
    const hashSize = blob.readUInt8(at + 36);
    const hashType = blob.readUInt8(at + 37);
    const pageSize = 2 ** blob.readUInt8(at + 39);
    if (hashType !== 2 || hashSize !== 32) throw new Error(`not SHA-256 page hashes: type ${hashType}, size ${hashSize}`);
    const identEnd = blob.indexOf(0, at + identOffset);
    let badPages = 0;
    for (let page = 0; page < codeSlots; page++) {
      const start = page * pageSize;
      const actual = sha256(data.subarray(start, Math.min(start + pageSize, codeLimit)));
      const stored = blob.subarray(at + hashOffset + page * 32, at + hashOffset + (page + 1) * 32);
      if (!actual.equals(stored)) badPages++;
    }
    return {
      identifier: blob.subarray(at + identOffset, identEnd).toString('utf8'),
      adHoc: (flags & 0x2) !== 0,
      pages: codeSlots,
      badPages,
      codeLimitIsSignatureOffset: codeLimit === signature.offset,
    };
  }
  throw new Error('no CodeDirectory in the signature');
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest();
const hex = (n) => `0x${n.toString(16)}`;
