import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { sqliteBlockReader } from './block-reader.js';
import { BlockHasher, type BlockOutcome, type BlockTask } from './block-verify.js';
import type { LedgerLog } from './types.js';

/** What a verification worker is started with (see block-pool.ts). */
export interface VerifyWorkerSetup {
  readonly file: string;
  readonly log: LedgerLog;
  readonly level: number;
}

export type VerifyWorkerReply =
  { readonly id: number; readonly outcome: BlockOutcome } | { readonly id: number; readonly error: string };

/**
 * A worker thread of `mamori ledger verify`: its own read-only connection, blocks checked as the main thread
 * asks. Rows below the head the main thread read are never rewritten by the ledger, so a connection of its own
 * (not the main thread's snapshot) reads what the snapshot holds; a block that differs goes back to the main
 * thread's exact path, which reads the snapshot.
 */
const setup = workerData as VerifyWorkerSetup;
const db = new SQLite(setup.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -2000');
const read = sqliteBlockReader(db, setup.log);
const hasher = new BlockHasher(setup.level);

parentPort?.on('message', (message: { id: number; task: BlockTask }) => {
  let reply: VerifyWorkerReply;
  try {
    reply = {
      id: message.id,
      outcome: hasher.verify(message.task, read(message.task.start, message.task.level)),
    };
  } catch (e) {
    reply = { id: message.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
