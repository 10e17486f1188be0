import { AppError, defineUseCase } from '../../kernel/index.js';
import { allow, nameOf, requirePast, unitPathOf } from './asset-access.js';
import { logHandling } from './asset-effects.js';
import {
  classNames,
  isClassIIOrAbove,
  recordHandlingInput,
  type ClassificationLevel,
} from './assets.schema.js';
import { loadSubject } from './subjects.js';

/**
 * A transport or a provision of class III or IV information, which needs no permission, entered in the handling
 * log. Class II and above are refused here: they need the Security Manager's approval first (4-2(6)ア, 4-2(7)ア),
 * which enters the log itself.
 */
export const recordHandling = defineUseCase({
  name: 'assets.recordHandling',
  input: recordHandlingInput,
  authorize: allow('assets.register'),
  execute: async (ctx, input, tx) => {
    const ref =
      input.assetId !== null
        ? { kind: 'asset' as const, id: input.assetId }
        : { kind: 'medium' as const, id: input.mediumId ?? '' };
    const subject = await loadSubject(
      tx,
      ctx.actor,
      (unitId) => unitPathOf(ctx, tx, unitId),
      ref,
      ref.kind === 'asset' ? 'assetId' : 'mediumId',
    );
    if (isClassIIOrAbove(subject.classification)) {
      const cls = classNames[subject.classification as ClassificationLevel];
      const transport = input.kind === 'transport';
      const message = transport
        ? {
            ja: `重要性分類${cls}の運搬には情報セキュリティ管理者の許可が必要です。運搬の申請をしてください（第4 2(6)ア）。`,
            en: `Transporting class ${cls} needs the Security Manager's permission: request it (4-2(6)ア).`,
          }
        : {
            ja: `重要性分類${cls}の外部提供には情報セキュリティ管理者の許可が必要です。提供の申請をしてください（第4 2(7)ア）。`,
            en: `Providing class ${cls} outside needs the Security Manager's permission: request it (4-2(7)ア).`,
          };
      throw new AppError('conflict', message, { issues: [{ field: 'kind', message }] });
    }
    requirePast(ctx, input.performedAt, 'performedAt');
    const handling = await logHandling(tx, {
      kind: input.kind,
      status: 'done',
      assetId: subject.assetId,
      mediumId: subject.mediumId,
      subjectName: subject.name,
      unitId: subject.unitId,
      classification: subject.classification,
      applicantStaffId: ctx.actor.staffId,
      performedByStaffId: ctx.actor.staffId,
      performedByName: (await nameOf(ctx, tx, ctx.actor.staffId)) ?? ctx.actor.loginId,
      origin: input.origin,
      destination: input.destination,
      counterparty: input.counterparty,
      protection: input.protection,
      performedAt: input.performedAt,
      now: ctx.clock.now().toISOString(),
      detail: input.purpose === null ? null : { purpose: input.purpose },
    });
    return { result: { id: handling.row.id }, ledger: [handling.entry] };
  },
});
