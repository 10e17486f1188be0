import type { UseCaseContext } from '../kernel/index.js';
import { issueCheckpoint, type StoredCheckpoint } from '../kernel/ledger/checkpoints.js';
import type { DeploymentKey } from '../kernel/ledger/keys.js';
import { deploymentKeyLoader } from '../kernel/ledger/operations.js';

/**
 * Signs the audit log's checkpoint now (or returns the latest when nothing was appended since), for a document that
 * must be signed with the checkpoint covering what it read: the compliance report. The key is loaded on first use.
 */
export const checkpointSealer = (keyFile: string): ((ctx: UseCaseContext) => Promise<StoredCheckpoint>) => {
  let loader: (() => Promise<DeploymentKey>) | undefined;
  return async (ctx) => {
    loader ??= deploymentKeyLoader(ctx, keyFile);
    return (await issueCheckpoint(ctx.database, await loader(), 'audit', ctx.clock.now())).checkpoint;
  };
};
