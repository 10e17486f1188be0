import { systemActor } from '../access/index.js';
import type { AppContext } from '../usecase/index.js';
import type { Mailer } from './mailer.js';
import { recordDeliveries } from './record-deliveries.js';

const mailText = (
  n: { body_ja: string; body_en: string; title_en: string; link: string | null },
  base: string | null,
) => {
  const link = n.link === null ? null : `${base ?? ''}${n.link}`;
  return [
    n.body_ja,
    ...(link === null ? [] : ['', `確認・決裁: ${link}`]),
    '',
    '――――',
    n.title_en,
    n.body_en,
    ...(link === null ? [] : ['', `Open: ${link}`]),
    '',
    '――',
    '守り Mamori（このメールは自動送信です / sent automatically）',
  ].join('\n');
};

/**
 * The mail run: sends the queued e-mails of notifications over SMTP, then records what was sent and what failed
 * (`recordDeliveries`, a ledger entry per run). Sending happens outside any transaction; a notification is
 * marked sent only after the server accepted it, so a crash in between sends it again rather than never.
 */
export const deliverEmails = async (
  app: AppContext,
  mailer: Mailer,
  limit = 50,
): Promise<{ sent: number; failed: number }> => {
  const queued = await app.database.db
    .selectFrom('notifications')
    .select(['id', 'email_to', 'title_ja', 'title_en', 'body_ja', 'body_en', 'link'])
    .where('email_status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  if (queued.length === 0) return { sent: 0, failed: 0 };
  const results: { id: string; ok: boolean; messageId?: string; error?: string }[] = [];
  for (const n of queued) {
    if (n.email_to === null) continue;
    try {
      const { messageId } = await mailer.send({
        to: n.email_to,
        subject: `［守り］${n.title_ja}`,
        text: mailText(n, mailer.publicUrl),
      });
      results.push({ id: n.id, ok: true, messageId });
    } catch (e) {
      results.push({
        id: n.id,
        ok: false,
        error: (e instanceof Error ? e.message : String(e)).slice(0, 500),
      });
    }
  }
  if (results.length === 0) return { sent: 0, failed: 0 };
  return recordDeliveries({ ...app, actor: systemActor('scheduler') }, { results });
};
