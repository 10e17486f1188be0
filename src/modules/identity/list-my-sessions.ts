import { z } from 'zod';
import { AppError, defineQuery } from '../../kernel/index.js';
import type { MySessionView } from '../../shared/api-types.js';
import { listOpenSessions, sessionRef } from './sessions.repository.js';

/** One's own open sessions (where, from which client, since when), to see and end them. */
export const listMySessions = defineQuery({
  name: 'identity.listMySessions',
  input: z.object({ currentSessionId: z.string().length(64) }).strict(),
  authorize: (ctx) => {
    if (ctx.actor.accountId === null)
      throw new AppError('unauthenticated', { ja: 'サインインが必要です。', en: 'You need to sign in.' });
  },
  execute: async (ctx, input): Promise<MySessionView[]> => {
    const now = ctx.clock.now().toISOString();
    const rows = await listOpenSessions(ctx.database.db, ctx.actor.accountId ?? '', now);
    return rows.map((s) => ({
      ref: sessionRef(s.id),
      current: s.id === input.currentSessionId,
      createdAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      ip: s.ip,
      userAgent: s.user_agent,
      stage: s.stage as MySessionView['stage'],
      elevatedUntil: s.elevated_until !== null && s.elevated_until > now ? s.elevated_until : null,
      expiresAt: s.idle_expires_at < s.absolute_expires_at ? s.idle_expires_at : s.absolute_expires_at,
      absoluteExpiresAt: s.absolute_expires_at,
    }));
  },
});
