import { Worker } from 'node:worker_threads';
import type { BlockRead } from './block-reader.js';
import { BlockHasher, type BlockOutcome, type BlockTask } from './block-verify.js';
import type { LedgerLog } from './types.js';
import type { VerifyWorkerReply, VerifyWorkerSetup } from './verify-worker.js';

/** Checks blocks for the fast path of verification, in this thread or in worker threads. */
export interface BlockVerifier {
  verify(task: BlockTask): Promise<BlockOutcome>;
  close(): Promise<void>;
}

/** Lets the event loop run between blocks: a synchronous read and hash must not starve the server. */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** In this thread, on the snapshot's own connection: for small logs, and where threads are not wanted. */
export const inlineBlockVerifier = (read: BlockRead, level: number): BlockVerifier => {
  const hasher = new BlockHasher(level);
  return {
    verify: async (task) => {
      await breathe();
      return hasher.verify(task, read(task.start, task.level));
    },
    close: () => Promise.resolve(),
  };
};

/**
 * Started from TypeScript sources (tests, the bench, `npm run mamori`) the worker registers tsx before loading
 * its module; built, it is plain JavaScript beside this file.
 */
const startWorker = (setup: VerifyWorkerSetup): Worker => {
  const here = import.meta.url;
  // A small young generation: each block's garbage dies young, and `mamori ledger verify` must stay under 200 MB
  // with its threads (V8's default let each grow by ≈ 15 MB for no gain in speed).
  const options = { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 4 } };
  if (!here.endsWith('.ts')) return new Worker(new URL('./verify-worker.js', here), options);
  const entry = JSON.stringify(new URL('./verify-worker.ts', here).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); });`, {
    ...options,
    eval: true,
  });
};

interface Waiting {
  readonly resolve: (outcome: BlockOutcome) => void;
  readonly reject: (error: Error) => void;
}

/** Worker threads, each with its own read-only connection; blocks handed out in turn. */
export const threadedBlockVerifier = (
  file: string,
  log: LedgerLog,
  level: number,
  threads: number,
): BlockVerifier => {
  const waiting = new Map<number, Waiting>();
  let failure: Error | null = null;
  const fail = (error: Error): void => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  const workers = Array.from({ length: threads }, () => {
    const worker = startWorker({ file, log, level });
    worker.on('message', (reply: VerifyWorkerReply) => {
      const w = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('error' in reply) w?.reject(new Error(reply.error));
      else w?.resolve(reply.outcome);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (waiting.size > 0) fail(new Error(`a verification worker stopped (${code})`));
    });
    return worker;
  });
  let next = 0;
  return {
    verify: (task) =>
      new Promise<BlockOutcome>((resolve, reject) => {
        if (failure) {
          reject(failure);
          return;
        }
        const id = next++;
        waiting.set(id, { resolve, reject });
        workers[id % workers.length]?.postMessage({ id, task });
      }),
    // better-sqlite3 closes a terminated thread's connection as its environment is torn down.
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
};
