import type { Actor } from '../access/index.js';
import type { OrgDirectory } from '../approvals/directory.js';
import type { ApprovalHooks } from '../approvals/hooks.js';
import type { DatabaseHandle } from '../db/index.js';
import type { Bilingual } from '../errors/index.js';
import type { Clock } from '../time/index.js';

/** What every use case runs with: the database, the clock, and who is acting. */
export interface AppContext {
  readonly database: DatabaseHandle;
  readonly clock: Clock;
  readonly timeZone: string;
  /** The hospital's name as printed on reports. */
  readonly hospitalName: Bilingual;
  /** The organisation as the approvals engine sees it (a port the org module implements). */
  readonly orgDirectory?: OrgDirectory;
  /** What modules do when requests about their records are routed and approved (ports they implement). */
  readonly approvalHooks?: ApprovalHooks;
}

export interface UseCaseContext extends AppContext {
  readonly actor: Actor;
  readonly requestId?: string;
}
