import fc from 'fast-check';
import type { DatabaseHandle } from '../src/kernel/db/index.js';
import { appendEntries, entryBytes } from '../src/kernel/ledger/append.js';
import { issueCheckpoint, recordCosignature } from '../src/kernel/ledger/checkpoints.js';
import type { DeploymentKey } from '../src/kernel/ledger/keys.js';
import { CompactRange, STORED_NODE_MIN_LEVEL, hashLeaf } from '../src/kernel/ledger/merkle.js';
import {
  SIG_COSIGNATURE_V1,
  formatVerifierKey,
  noteSigner,
  parseNote,
  parseVerifierKey,
  signNote,
} from '../src/kernel/ledger/note.js';
import type { VerifyResult } from '../src/kernel/ledger/verify.js';

/**
 * Histories of the vault log and every kind of tampering with them, each with what verification must report:
 * shared by the verification tests of the exact path, the fast path and its worker threads.
 */
export const log = 'vault';

/**
 * What an administrator with database access could do: replace an entry's bytes and leaf hash and recompute every
 * stored interior hash, so that the stored tree is self-consistent again. Only signed checkpoints can tell.
 */
export const rewriteConsistently = async (
  handle: DatabaseHandle,
  logName: string,
  index: number,
  forged: Buffer,
): Promise<void> => {
  await handle.db
    .updateTable('ledger_entries')
    .set({ entry: forged, leaf_hash: hashLeaf(forged) })
    .where('log', '=', logName)
    .where('idx', '=', index)
    .execute();
  const rows = await handle.db
    .selectFrom('ledger_entries')
    .select('leaf_hash')
    .where('log', '=', logName)
    .orderBy('idx')
    .execute();
  const range = new CompactRange();
  const nodes: { log: string; level: number; idx: number; hash: Buffer }[] = [];
  for (const r of rows)
    range.push(Buffer.from(r.leaf_hash), (n) => {
      if (n.level >= STORED_NODE_MIN_LEVEL)
        nodes.push({ log: logName, level: n.level, idx: n.index, hash: n.hash });
    });
  await handle.db.deleteFrom('ledger_nodes').where('log', '=', logName).execute();
  if (nodes.length > 0) await handle.db.insertInto('ledger_nodes').values(nodes).execute();
};

/** Empties a log: its entries, interior hashes, checkpoints and cosignatures, and its head back to 0. */
export const resetLog = async (handle: DatabaseHandle, logName: string): Promise<void> => {
  for (const table of [
    'ledger_entries',
    'ledger_nodes',
    'ledger_checkpoints',
    'ledger_cosignatures',
  ] as const)
    await handle.db.deleteFrom(table).where('log', '=', logName).execute();
  await handle.db.updateTable('ledger_heads').set({ size: 0 }).where('log', '=', logName).execute();
};

const cosigner = noteSigner(Buffer.alloc(32, 9), SIG_COSIGNATURE_V1, 'auditor.example/w1');
const cosignerKey = parseVerifierKey(
  formatVerifierKey(cosigner.name, SIG_COSIGNATURE_V1, cosigner.publicKey),
);

/** Appends batches, signing a checkpoint after each chosen batch and cosigning some. Returns the log's size. */
export const buildHistory = async (
  handle: DatabaseHandle,
  key: DeploymentKey,
  batches: readonly { count: number; checkpoint: boolean }[],
): Promise<number> => {
  await resetLog(handle, log);
  let size = 0;
  for (const [b, batch] of batches.entries()) {
    await handle.db.transaction().execute((tx) =>
      appendEntries(
        tx,
        handle.dialect,
        { actor: `account:${b}`, time: new Date(Date.UTC(2026, 3, 1, 0, b)).toISOString(), log },
        Array.from({ length: batch.count }, (_, i) => ({
          kind: 'vault.ingested',
          subject: `host:${b}`,
          payload: { line: `${b}-${i} ${'ログ'.repeat(i % 3)}` },
        })),
      ),
    );
    size += batch.count;
    if (batch.checkpoint) {
      const { checkpoint } = await issueCheckpoint(handle, key, log, new Date());
      if (b % 2 === 0) {
        const body = parseNote(checkpoint.note).text;
        await recordCosignature(handle.db, log, signNote(body, [cosigner]), cosignerKey, new Date());
      }
    }
  }
  // The final checkpoint covers everything, as the interval job makes sure within a minute.
  await issueCheckpoint(handle, key, log, new Date());
  return size;
};

const entryRow = async (handle: DatabaseHandle, idx: number) =>
  handle.db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('log', '=', log)
    .where('idx', '=', idx)
    .executeTakeFirstOrThrow();

/** Moves rows idx ≥ from by `delta` without tripping the primary key on the way. */
const shiftRows = async (handle: DatabaseHandle, from: number, delta: number): Promise<void> => {
  await handle.db
    .updateTable('ledger_entries')
    .set((eb) => ({ idx: eb('idx', '+', 1_000_000) }))
    .where('log', '=', log)
    .where('idx', '>=', from)
    .execute();
  await handle.db
    .updateTable('ledger_entries')
    .set((eb) => ({ idx: eb('idx', '-', 1_000_000 - delta) }))
    .where('log', '=', log)
    .where('idx', '>=', 1_000_000)
    .execute();
  await handle.db
    .updateTable('ledger_heads')
    .set((eb) => ({ size: eb('size', '+', delta) }))
    .where('log', '=', log)
    .execute();
};

export type Tampering =
  | { kind: 'flipByte'; at: number; byte: number }
  | { kind: 'deleteEntry'; at: number }
  | { kind: 'deleteAndClose'; at: number }
  | { kind: 'swap'; at: number; other: number }
  | { kind: 'insert'; at: number }
  | { kind: 'insertCopy'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'alterNode'; at: number }
  | { kind: 'replaceSignature'; at: number }
  | { kind: 'replaceCheckpoint'; at: number }
  | { kind: 'alterCosignature'; at: number }
  | { kind: 'alterColumn'; at: number; column: 'kind' | 'actor' | 'subject' | 'created_at' }
  | { kind: 'rewriteConsistently'; at: number };

/** Applies one tampering to a log of `size` entries; returns what verification must report. */
export const tamper = async (
  handle: DatabaseHandle,
  size: number,
  t: Tampering,
): Promise<Partial<VerifyResult> | null> => {
  const k = t.at % size;
  switch (t.kind) {
    case 'flipByte': {
      const row = await entryRow(handle, k);
      const bytes = Buffer.from(row.entry);
      const i = t.byte % bytes.length;
      bytes[i] = (bytes[i] ?? 0) ^ 0x01;
      await handle.db
        .updateTable('ledger_entries')
        .set({ entry: bytes })
        .where('log', '=', log)
        .where('idx', '=', k)
        .execute();
      return { firstBadIndex: k, reason: 'leafHashMismatch' };
    }
    case 'deleteEntry':
      await handle.db.deleteFrom('ledger_entries').where('log', '=', log).where('idx', '=', k).execute();
      return { firstBadIndex: k, reason: 'missingEntry' };
    case 'deleteAndClose':
      await handle.db.deleteFrom('ledger_entries').where('log', '=', log).where('idx', '=', k).execute();
      await shiftRows(handle, k + 1, -1);
      return k === size - 1
        ? { firstBadIndex: k, reason: 'logTruncated' }
        : { firstBadIndex: k, reason: 'entryOutOfPlace' };
    case 'swap': {
      const j = Math.min(k, t.other % size);
      const m = Math.max(k, t.other % size);
      if (j === m) return null;
      const [a, b] = [await entryRow(handle, j), await entryRow(handle, m)];
      const { idx: _a, ...restA } = a;
      const { idx: _b, ...restB } = b;
      await handle.db
        .updateTable('ledger_entries')
        .set(restB)
        .where('log', '=', log)
        .where('idx', '=', j)
        .execute();
      await handle.db
        .updateTable('ledger_entries')
        .set(restA)
        .where('log', '=', log)
        .where('idx', '=', m)
        .execute();
      return { firstBadIndex: j, reason: 'entryOutOfPlace' };
    }
    case 'insert':
    case 'insertCopy': {
      if (t.kind === 'insertCopy' && k === 0) return null;
      const forged =
        t.kind === 'insert'
          ? entryBytes({
              index: k,
              time: '2026-04-01T00:00:00.000Z',
              kind: 'vault.ingested',
              actor: 'account:intruder',
              subject: 'host:forged',
              payload: { line: 'a forged line' },
            })
          : Buffer.from((await entryRow(handle, k - 1)).entry);
      await shiftRows(handle, k, 1);
      await handle.db
        .insertInto('ledger_entries')
        .values({
          log,
          idx: k,
          entry: forged,
          leaf_hash: hashLeaf(forged),
          kind: 'vault.ingested',
          actor: 'account:intruder',
          subject: 'host:forged',
          created_at: '2026-04-01T00:00:00.000Z',
        })
        .execute();
      return t.kind === 'insert'
        ? { firstBadIndex: k, reason: 'entryDisplaced' }
        : { firstBadIndex: k, reason: 'duplicateEntry' };
    }
    case 'truncate':
      await handle.db.deleteFrom('ledger_entries').where('log', '=', log).where('idx', '>=', k).execute();
      await handle.db.updateTable('ledger_heads').set({ size: k }).where('log', '=', log).execute();
      return { firstBadIndex: k, reason: 'logTruncated' };
    case 'alterNode': {
      const nodes = await handle.db
        .selectFrom('ledger_nodes')
        .selectAll()
        .where('log', '=', log)
        .orderBy('level')
        .orderBy('idx')
        .execute();
      const node = nodes[t.at % Math.max(1, nodes.length)];
      if (!node) return null;
      const hash = Buffer.from(node.hash);
      hash[t.at % 32] = (hash[t.at % 32] ?? 0) ^ 0x80;
      await handle.db
        .updateTable('ledger_nodes')
        .set({ hash })
        .where('log', '=', log)
        .where('level', '=', node.level)
        .where('idx', '=', node.idx)
        .execute();
      return { firstBadIndex: node.idx * 2 ** node.level, reason: 'interiorHashMismatch' };
    }
    case 'replaceSignature':
    case 'replaceCheckpoint': {
      const rows = await handle.db
        .selectFrom('ledger_checkpoints')
        .select(['size', 'note'])
        .where('log', '=', log)
        .orderBy('size')
        .execute();
      const row = rows[t.at % rows.length]!;
      let note: string;
      if (t.kind === 'replaceSignature') {
        // A signature by another key under the same name and key ID would be needed; a changed one fails.
        const sig = row.note.trimEnd().split(' ').at(-1)!;
        const bytes = Buffer.from(sig, 'base64');
        bytes[10] = (bytes[10] ?? 0) ^ 0x01;
        note = row.note.replace(sig, bytes.toString('base64'));
      } else {
        const other = rows.find((r) => r.size !== row.size);
        if (!other) return null;
        note = other.note;
      }
      await handle.db
        .updateTable('ledger_checkpoints')
        .set({ note })
        .where('log', '=', log)
        .where('size', '=', row.size)
        .execute();
      return {
        firstBadIndex: null,
        checkpointSize: row.size,
        reason: t.kind === 'replaceSignature' ? 'checkpointSignature' : 'checkpointMalformed',
      };
    }
    case 'alterColumn': {
      // Bytes and hashes untouched: the entry is only hidden from searches and history tabs by its columns.
      const value = t.column === 'created_at' ? '2020-01-01T00:00:00.000Z' : 'hidden:elsewhere';
      await handle.db
        .updateTable('ledger_entries')
        .set({ [t.column]: value })
        .where('log', '=', log)
        .where('idx', '=', k)
        .execute();
      return { firstBadIndex: k, reason: 'indexColumnsMismatch' };
    }
    case 'rewriteConsistently': {
      // An entry rewritten with its leaf hash and every stored interior hash recomputed: only the signed
      // checkpoints can tell, at the first one after it.
      const row = await entryRow(handle, k);
      const parsed = JSON.parse(Buffer.from(row.entry).toString('utf8')) as Parameters<typeof entryBytes>[0];
      const forged = entryBytes({ ...parsed, payload: { line: 'rewritten afterwards' } });
      await rewriteConsistently(handle, log, k, forged);
      const checkpoints = await handle.db
        .selectFrom('ledger_checkpoints')
        .select('size')
        .where('log', '=', log)
        .where('size', '>', k)
        .orderBy('size')
        .execute();
      const before = await handle.db
        .selectFrom('ledger_checkpoints')
        .select('size')
        .where('log', '=', log)
        .where('size', '<=', k)
        .orderBy('size', 'desc')
        .executeTakeFirst();
      const first = checkpoints[0]?.size ?? size;
      return {
        firstBadIndex: null,
        reason: 'checkpointRoot',
        checkpointSize: first,
        suspectRange: { from: before?.size ?? 0, to: first },
      };
    }
    case 'alterCosignature': {
      const rows = await handle.db
        .selectFrom('ledger_cosignatures')
        .selectAll()
        .where('log', '=', log)
        .execute();
      const row = rows[t.at % Math.max(1, rows.length)];
      if (!row) return null;
      const sig = row.signature.trimEnd().split(' ').at(-1)!;
      const bytes = Buffer.from(sig, 'base64');
      bytes[20] = (bytes[20] ?? 0) ^ 0x01;
      await handle.db
        .updateTable('ledger_cosignatures')
        .set({ signature: row.signature.replace(sig, bytes.toString('base64')) })
        .where('log', '=', log)
        .where('size', '=', row.size)
        .execute();
      return { firstBadIndex: null, checkpointSize: row.size, reason: 'cosignature' };
    }
  }
};

export const tamperingArb: fc.Arbitrary<Tampering> = fc.oneof(
  fc.record({ kind: fc.constant('flipByte' as const), at: fc.nat(), byte: fc.nat() }),
  fc.record({ kind: fc.constant('deleteEntry' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('deleteAndClose' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insertCopy' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('alterNode' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replaceSignature' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replaceCheckpoint' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('alterCosignature' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('rewriteConsistently' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('alterColumn' as const),
    at: fc.nat(),
    column: fc.constantFrom('kind' as const, 'actor' as const, 'subject' as const, 'created_at' as const),
  }),
);

// Up to 6 batches of up to 24 entries: long enough for stored interior hashes (level 4 covers 16 entries).
export const historyArb = fc.array(
  fc.record({ count: fc.integer({ min: 1, max: 24 }), checkpoint: fc.boolean() }),
  {
    minLength: 1,
    maxLength: 6,
  },
);
