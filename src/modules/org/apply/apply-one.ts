import { AppError, type Db, type LedgerDraft, type UseCaseContext } from '../../../kernel/index.js';
import type { OrgData } from '../org.schema.js';
import { applyOrgData } from './apply-org-data.js';

type Ledger = readonly [LedgerDraft, ...LedgerDraft[]];

/** One record through the API or CLI: the same rules as an import, without row numbers. */
export const applyOne = async (
  ctx: UseCaseContext,
  tx: Db,
  data: Partial<OrgData>,
  mode: 'create' | 'upsert',
): Promise<Ledger> => {
  const { ledger } = await applyOrgData(tx, ctx.clock.now().toISOString(), data, { mode, withRows: false });
  const [first, ...rest] = ledger;
  if (!first) {
    throw new AppError('conflict', { ja: '変更点がありません。', en: 'Nothing would change.' });
  }
  return [first, ...rest];
};
