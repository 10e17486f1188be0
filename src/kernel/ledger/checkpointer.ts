import type { DatabaseHandle } from '../db/index.js';
import type { Clock } from '../time/index.js';
import { issueCheckpointsIfGrown, type StoredCheckpoint } from './checkpoints.js';
import type { DeploymentKey } from './keys.js';
import { ledgerLogs } from './types.js';

/** Often enough that an entry is under a signed checkpoint within a minute of its commit. */
export const CHECKPOINT_INTERVAL_MS = 30_000;

export interface Checkpointer {
  /** Signs now for every log that grew (also what each tick does). */
  tick(): Promise<StoredCheckpoint[]>;
  stop(): Promise<void>;
}

/**
 * Started by `mamori serve`: every interval, signs a checkpoint of each log that grew since its last one. Safe
 * with several processes on PostgreSQL: issuance takes a per-log lock and re-checks consistency with the
 * previous checkpoint before signing. A failure is reported and retried at the next tick.
 */
export const startCheckpointer = (options: {
  database: DatabaseHandle;
  clock: Clock;
  key: () => Promise<DeploymentKey>;
  intervalMs?: number;
  onError: (error: unknown) => void;
  onIssued?: (checkpoint: StoredCheckpoint) => void;
}): Checkpointer => {
  let running: Promise<StoredCheckpoint[]> | null = null;
  const tick = (): Promise<StoredCheckpoint[]> => {
    running ??= (async () => {
      try {
        const issued = await issueCheckpointsIfGrown(
          options.database,
          await options.key(),
          ledgerLogs,
          options.clock.now(),
        );
        for (const c of issued) options.onIssued?.(c);
        return issued;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => {
    tick().catch(options.onError);
  }, options.intervalMs ?? CHECKPOINT_INTERVAL_MS);
  timer.unref();
  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
};
