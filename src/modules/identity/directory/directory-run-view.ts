import type { DirectorySyncRunTable } from '../../../kernel/index.js';
import type {
  DirectoryChangeView,
  DirectoryRunOutcome,
  DirectoryRunSummaryView,
  DirectoryRunView,
} from '../../../shared/directory-api-types.js';

/** A stored run as the API shows it (stored runs are never dry runs: those roll back). */
export const runSummaryOf = (row: DirectorySyncRunTable): DirectoryRunSummaryView => ({
  id: row.id,
  dryRun: false,
  trigger: row.trigger as DirectoryRunSummaryView['trigger'],
  actor: row.actor,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  outcome: row.outcome as DirectoryRunOutcome,
  error: row.error === null ? null : (JSON.parse(row.error) as { ja: string; en: string }),
  summary: JSON.parse(row.summary) as Record<string, number>,
});

export const runViewOf = (row: DirectorySyncRunTable): DirectoryRunView => ({
  ...runSummaryOf(row),
  changes: JSON.parse(row.changes) as DirectoryChangeView[],
  truncated: row.truncated === 1,
});
