import { z } from 'zod';
import {
  can,
  defineQuery,
  entriesForSubject,
  requirePermission,
  type UseCaseContext,
} from '../../kernel/index.js';
import type { HistoryEntry } from '../../shared/api-types.js';
import { accountDisplayNames } from '../identity/index.js';

/** Organisation records are readable by every account; other records' history needs ledger access. */
const orgSubjects = ['unit', 'staff', 'position', 'roleAssignment', 'delegation'];

const authorize = (ctx: UseCaseContext, subject: string): void => {
  const type = subject.split(':')[0] ?? '';
  if (orgSubjects.includes(type)) {
    requirePermission(ctx.actor, 'org.read');
    return;
  }
  if (subject === `account:${ctx.actor.accountId ?? ''}` && can(ctx.actor, 'org.read')) return;
  requirePermission(ctx.actor, 'ledger.read');
};

/** The history tab of a record: its ledger entries, newest first, with who did each. */
export const listRecordHistory = defineQuery({
  name: 'records.listHistory',
  input: z
    .object({
      subject: z
        .string()
        .max(120)
        .refine((s) => /^[a-zA-Z]+:[A-Za-z0-9._-]+$/.test(s), {
          params: {
            ja: '対象は「種類:ID」の形式で指定してください。',
            en: 'The subject must look like type:id.',
          },
        }),
    })
    .strict(),
  authorize: (ctx, input) => authorize(ctx, input.subject),
  execute: async (ctx, input): Promise<HistoryEntry[]> => {
    const entries = await entriesForSubject(ctx.database.db, input.subject);
    const accountIds = [
      ...new Set(
        entries
          .map((e) => e.actor)
          .filter((a) => a.startsWith('account:'))
          .map((a) => a.slice(8)),
      ),
    ];
    const names = await accountDisplayNames(ctx.database.db, accountIds);
    return entries.map((e) => ({
      index: e.index,
      time: e.time,
      kind: e.kind,
      actor: e.actor,
      actorName: e.actor.startsWith('account:') ? (names.get(e.actor.slice(8)) ?? null) : null,
      payload: e.payload,
    }));
  },
});
