import { z } from 'zod';
import {
  defineQuery,
  ledgerLogs,
  optionalText,
  requirePermission,
  searchEntries,
  validationError,
} from '../../kernel/index.js';
import type { LedgerSearchResult } from '../../shared/ledger-api-types.js';
import { accountDisplayNames, accountIdOfLoginId } from '../identity/index.js';

const instant = z.iso
  .datetime({ offset: true })
  .or(z.literal(''))
  .optional()
  .transform((v) => (v === undefined || v === '' ? null : new Date(v).toISOString()));

const searchInput = z
  .object({
    log: z.enum(ledgerLogs).default('audit'),
    /** A login ID (`demo-director`) or an actor as the ledger writes it (`account:<id>`, `system:<job>`). */
    actor: optionalText(200),
    kind: optionalText(200),
    subject: optionalText(200),
    from: instant,
    to: instant,
    before: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine((v) => v.from === null || v.to === null || v.from < v.to, {
    path: ['to'],
    params: { ja: '開始より後の日時にしてください。', en: 'Must be after the start.' },
  });

/** A login ID names an account; anything with a colon, or `anonymous`, is already an actor as written. */
const resolveActor = async (db: Parameters<typeof accountIdOfLoginId>[0], actor: string): Promise<string> => {
  if (actor.includes(':') || actor === 'anonymous') return actor;
  const id = await accountIdOfLoginId(db, actor);
  if (id === null)
    throw validationError([
      {
        field: 'actor',
        message: {
          ja: `ログインID「${actor}」のアカウントはありません。`,
          en: `No account has the login ID "${actor}".`,
        },
      },
    ]);
  return `account:${id}`;
};

/**
 * The ledger page's list (第7 1(6), 第9 1(6)): entries of a log newest first, filtered by actor, kind, subject
 * and time, a page at a time, each with its exact bytes and who the actor is.
 */
export const searchLedgerEntries = defineQuery({
  name: 'records.searchLedger',
  input: searchInput,
  authorize: (ctx) => requirePermission(ctx.actor, 'ledger.read'),
  execute: async (ctx, input): Promise<LedgerSearchResult> => {
    const db = ctx.database.db;
    const actor = input.actor === null ? null : await resolveActor(db, input.actor);
    const found = await searchEntries(ctx.database, {
      log: input.log,
      limit: input.limit,
      ...(actor === null ? {} : { actor }),
      ...(input.kind === null ? {} : { kind: input.kind }),
      ...(input.subject === null ? {} : { subject: input.subject }),
      ...(input.from === null ? {} : { from: input.from }),
      ...(input.to === null ? {} : { to: input.to }),
      ...(input.before === undefined ? {} : { before: input.before }),
    });
    if (found === null)
      throw validationError([
        {
          field: 'before',
          message: {
            ja: 'その番号の記録はありません。最新の記録から表示し直してください。',
            en: 'No entry has that index. Start again from the newest entries.',
          },
        },
      ]);
    const accountIds = [
      ...new Set(found.entries.filter((e) => e.actor.startsWith('account:')).map((e) => e.actor.slice(8))),
    ];
    const names = await accountDisplayNames(db, accountIds);
    return {
      log: input.log,
      actor,
      next: found.next === null ? null : String(found.next),
      entries: found.entries.map((e) => ({
        index: e.index,
        time: e.time,
        kind: e.kind,
        actor: e.actor,
        actorName: e.actor.startsWith('account:') ? (names.get(e.actor.slice(8)) ?? null) : null,
        subject: e.subject,
        canonical: e.entry.toString('utf8'),
        leafHash: e.leafHash.toString('base64'),
        columnsMatch: e.columnsMatch,
      })),
    };
  },
});
