import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { DatabaseHandle } from '../db/index.js';
import { exportLedger, type ExportSummary } from './export.js';
import type { LedgerLog } from './types.js';

/** The folder the archive unpacks to; the standalone verifier is pointed at it. */
export const ARCHIVE_ROOT = 'mamori-ledger-export';

const BLOCK = 512;

const field = (header: Buffer, offset: number, length: number, value: string): void => {
  header.write(value.slice(0, length), offset, length, 'ascii');
};

/** An octal number field; beyond what 11 octal digits hold (8 GiB), the GNU base-256 form. */
const number = (header: Buffer, offset: number, length: number, value: number): void => {
  const octal = value.toString(8);
  if (octal.length < length) {
    field(header, offset, length, `${octal.padStart(length - 1, '0')}\0`);
    return;
  }
  header[offset] = 0x80;
  let rest = BigInt(value);
  for (let i = offset + length - 1; i > offset; i--) {
    header[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
};

/** A POSIX ustar header for a regular file ('0') or a directory ('5'). */
export const tarHeader = (name: string, size: number, mtime: Date, type: '0' | '5'): Buffer => {
  const header = Buffer.alloc(BLOCK);
  field(header, 0, 100, name);
  field(header, 100, 8, type === '5' ? '0000755\0' : '0000644\0');
  number(header, 108, 8, 0);
  number(header, 116, 8, 0);
  number(header, 124, 12, size);
  number(header, 136, 12, Math.floor(mtime.getTime() / 1000));
  header.fill(0x20, 148, 156);
  header[156] = type.charCodeAt(0);
  field(header, 257, 6, 'ustar\0');
  field(header, 263, 2, '00');
  let sum = 0;
  for (const byte of header) sum += byte;
  field(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return header;
};

async function* archive(scratch: string, files: readonly string[], now: Date): AsyncGenerator<Buffer> {
  const dir = join(scratch, ARCHIVE_ROOT);
  try {
    const folders = new Set<string>();
    yield tarHeader(`${ARCHIVE_ROOT}/`, 0, now, '5');
    for (const file of files) {
      const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : null;
      if (folder !== null && !folders.has(folder)) {
        folders.add(folder);
        yield tarHeader(`${ARCHIVE_ROOT}/${folder}`, 0, now, '5');
      }
      const path = join(dir, file);
      const size = statSync(path).size;
      yield tarHeader(`${ARCHIVE_ROOT}/${file}`, size, now, '0');
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
      if (size % BLOCK !== 0) yield Buffer.alloc(BLOCK - (size % BLOCK));
    }
    yield Buffer.alloc(2 * BLOCK);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * `mamori ledger export` over HTTP: the same export, from one snapshot per log, as a tar archive an auditor
 * unpacks (`tar -xf`) and checks with the standalone verifier. Written to a scratch folder first (a tar entry
 * needs its size before its bytes), streamed, then removed.
 */
export const exportArchive = async (
  database: DatabaseHandle,
  logs: readonly LedgerLog[],
  now: Date,
): Promise<{ stream: Readable; summary: ExportSummary }> => {
  const scratch = mkdtempSync(join(tmpdir(), 'mamori-export-'));
  const dir = join(scratch, ARCHIVE_ROOT);
  let summary: ExportSummary;
  try {
    summary = await exportLedger(database, dir, logs, now);
  } catch (e) {
    rmSync(scratch, { recursive: true, force: true });
    throw e;
  }
  const files = ['manifest.json', ...logs.flatMap((l) => [`${l}/entries.jsonl`, `${l}/checkpoints.jsonl`])];
  const stream = Readable.from(archive(scratch, files, now), { objectMode: false });
  stream.on('close', () => rmSync(scratch, { recursive: true, force: true }));
  return { stream, summary };
};
