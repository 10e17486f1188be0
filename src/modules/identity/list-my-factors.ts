import { z } from 'zod';
import { AppError, defineQuery } from '../../kernel/index.js';
import type { MfaFactorView } from '../../shared/api-types.js';
import { activeRecoveryCodes, listFactors } from './mfa.repository.js';

/** One's own second factors (never their secrets) and how many recovery codes are left. */
export const listMyFactors = defineQuery({
  name: 'identity.listMyFactors',
  input: z.object({}).strict(),
  authorize: (ctx) => {
    if (ctx.actor.accountId === null)
      throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  },
  execute: async (ctx): Promise<{ factors: MfaFactorView[]; recoveryCodesLeft: number }> => {
    const db = ctx.database.db;
    const accountId = ctx.actor.accountId ?? '';
    const factors = (await listFactors(db, accountId)).filter((f) => f.confirmed_at !== null);
    return {
      factors: factors.map((f) => ({
        id: f.id,
        kind: f.kind as MfaFactorView['kind'],
        label: f.label,
        createdAt: f.created_at,
        lastUsedAt: f.last_used_at,
      })),
      recoveryCodesLeft: (await activeRecoveryCodes(db, accountId)).length,
    };
  },
});
