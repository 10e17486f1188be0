import { AppError, defineUseCase, type JsonValue } from '../../kernel/index.js';
import {
  allow,
  fieldError,
  nameOf,
  notFoundOf,
  requireAfterPermission,
  requireApplicantOrKeeper,
  requirePast,
  unitPathOf,
} from './asset-access.js';
import { handlingSubject } from './asset-effects.js';
import {
  completeHandlingInput,
  isClassIIOrAbove,
  provisionProtections,
  transportProtections,
} from './assets.schema.js';
import { lockHandling, updateHandling } from './handlings.repository.js';

/**
 * Records that a transport or a provision the Security Manager approved was carried out: when, by whom and with
 * which protection (4-2(6)イ, 4-2(7)イ; class II and above need one). The handling log line moves from approved to
 * done; the ledger has both.
 */
export const completeHandling = defineUseCase({
  name: 'assets.completeHandling',
  input: completeHandlingInput,
  authorize: allow('assets.register'),
  execute: async (ctx, input, tx) => {
    const handling = await lockHandling(tx, ctx.database.dialect, input.handlingId);
    if (handling === undefined || (handling.kind !== 'transport' && handling.kind !== 'provision'))
      throw notFoundOf('handling');
    requireApplicantOrKeeper(
      ctx.actor,
      handling.applicant_staff_id,
      await unitPathOf(ctx, tx, handling.unit_id),
    );
    if (handling.status !== 'approved')
      throw new AppError('conflict', {
        ja: 'この取扱いは実施済みとして記録されています。',
        en: 'This handling has already been recorded as carried out.',
      });
    requirePast(ctx, input.performedAt, 'performedAt');
    requireAfterPermission(
      input.performedAt,
      handling.created_at,
      handling.kind === 'transport' ? '4-2(6)ア' : '4-2(7)ア',
    );
    const protection = input.protection ?? handling.protection;
    const allowed = handling.kind === 'transport' ? transportProtections : provisionProtections;
    if (
      handling.classification !== null &&
      isClassIIOrAbove(handling.classification) &&
      !allowed.includes(protection ?? '')
    )
      throw handling.kind === 'transport'
        ? fieldError(
            'protection',
            '重要性分類II以上の運搬には、鍵付きケース・暗号化・パスワードのいずれかの措置が必要です（第4 2(6)イ）。',
            'Transporting class II or above needs a locked case, encryption or a password (4-2(6)イ).',
          )
        : fieldError(
            'protection',
            '重要性分類II以上の外部提供には、暗号化またはパスワードの設定が必要です（第4 2(7)イ）。',
            'Providing class II or above outside needs encryption or a password (4-2(7)イ).',
          );
    const now = ctx.clock.now().toISOString();
    const performer = (await nameOf(ctx, tx, ctx.actor.staffId)) ?? ctx.actor.loginId;
    const detail = {
      ...(handling.detail === null ? {} : (JSON.parse(handling.detail) as Record<string, JsonValue>)),
      ...(input.note === null ? {} : { note: input.note }),
    };
    await updateHandling(tx, handling.id, {
      status: 'done',
      performed_at: input.performedAt,
      performed_by_staff_id: ctx.actor.staffId,
      performed_by_name: performer,
      protection,
      detail: JSON.stringify(detail),
      updated_at: now,
    });
    return {
      result: { id: handling.id, status: 'done' as const },
      ledger: [
        {
          kind: 'assets.handling.carriedOut',
          subject: handlingSubject(handling.id),
          payload: {
            handlingKind: handling.kind,
            request: handling.request_ref_no,
            performedAt: input.performedAt,
            performedBy: ctx.actor.staffId,
            protection,
            clause: handling.kind === 'transport' ? '4.2.6.b' : '4.2.7.b',
          },
        },
      ],
    };
  },
});
