import { AppError, defineUseCase, newId, type LedgerDraft } from '../../kernel/index.js';
import {
  allow,
  fieldError,
  nameOf,
  notFoundOf,
  requireAfterPermission,
  requireApplicantOrKeeper,
  requirePast,
  today,
  unitPathOf,
} from './asset-access.js';
import {
  assetSubject,
  disposalSubject,
  handlingSubject,
  mediumSubject,
  refreshMediaClassification,
} from './asset-effects.js';
import { findAsset, liveAssetsOnMedia, nextCode, updateAsset, type AssetRow } from './assets.repository.js';
import { classNames, isClassIIOrAbove, isUnrecoverable, recordDisposalInput } from './assets.schema.js';
import { insertDisposal, lockHandling, updateHandling, type DisposalRow } from './handlings.repository.js';
import { findMedium, updateMedium } from './storage.repository.js';

/**
 * Records a disposal the Security Manager approved (4-2(8)ア): the date and time, the person and what was done
 * (4-2(8)ウ). Class II and above must have been made unrecoverable, and how is written down (4-2(8)イ). The asset —
 * or the medium and everything on it — leaves the register as disposed; the disposal record can be printed as a
 * certificate.
 */
export const recordDisposal = defineUseCase({
  name: 'assets.recordDisposal',
  input: recordDisposalInput,
  authorize: allow('assets.register'),
  execute: async (ctx, input, tx) => {
    const handling = await lockHandling(tx, ctx.database.dialect, input.handlingId);
    if (handling?.kind !== 'disposal' || handling.request_id === null) throw notFoundOf('handling');
    requireApplicantOrKeeper(
      ctx.actor,
      handling.applicant_staff_id,
      await unitPathOf(ctx, tx, handling.unit_id),
    );
    if (handling.status !== 'approved')
      throw new AppError('conflict', {
        ja: 'この廃棄は記録済みです。',
        en: 'This disposal has already been recorded.',
      });
    requirePast(ctx, input.performedAt, 'performedAt');
    requireAfterPermission(input.performedAt, handling.created_at, '4-2(8)ア');
    const classification = handling.classification ?? 4;
    if (isClassIIOrAbove(classification)) {
      const cls = classNames[classification as 1];
      if (!isUnrecoverable(input.method))
        throw fieldError(
          'method',
          `重要性分類${cls}の情報は、初期化・上書き消去・破壊など復元できない方法で廃棄してください（第4 2(8)イ）。`,
          `Class ${cls} is disposed of so that nothing can be recovered (4-2(8)イ).`,
        );
      if (input.sanitization === null)
        throw fieldError(
          'sanitization',
          '情報を復元できないようにした処置（使用したソフトウェア・回数、破壊の方法など）を記入してください（第4 2(8)イ）。',
          'Say how recovery was made impossible (tool and passes, how it was destroyed…) (4-2(8)イ).',
        );
    }
    const performerId = input.performedByStaffId ?? ctx.actor.staffId;
    const performerName = await nameOf(ctx, tx, performerId);
    if (performerId === null || performerName === null)
      throw fieldError(
        'performedByStaffId',
        '実施者が職員として見つかりません。',
        'The person who did it was not found.',
      );
    const recorderId = ctx.actor.staffId;
    if (recorderId === null)
      throw new AppError('forbidden', {
        ja: '廃棄の記録は職員に紐づいたアカウントで行ってください。',
        en: 'Disposals are recorded by an account linked to a staff member.',
      });

    // What leaves the register: the asset, or the medium and every asset on it.
    const now = ctx.clock.now().toISOString();
    const disposed: AssetRow[] = [];
    const ledger: LedgerDraft[] = [];
    if (handling.asset_id !== null) {
      const asset = await findAsset(tx, handling.asset_id);
      if (asset === undefined || (asset.status !== 'active' && asset.status !== 'draft'))
        throw new AppError('conflict', {
          ja: 'この情報資産はすでに廃棄・消去されています。',
          en: 'This asset has already been disposed of or erased.',
        });
      disposed.push(asset);
    }
    if (handling.medium_id !== null) {
      const medium = await findMedium(tx, handling.medium_id);
      if (medium !== undefined && medium.status !== 'disposed') {
        await updateMedium(tx, medium.id, {
          status: 'disposed',
          disposed_at: input.performedAt,
          updated_at: now,
        });
        ledger.push({
          kind: 'assets.medium.disposed',
          subject: mediumSubject(medium.id),
          payload: { code: medium.code, request: handling.request_ref_no, method: input.method },
        });
        disposed.push(...(await liveAssetsOnMedia(tx, [medium.id])));
      }
    }
    const row: DisposalRow = {
      id: newId(),
      record_no: await nextCode(tx, 'D', Number(today(ctx).slice(0, 4))),
      handling_id: handling.id,
      request_id: handling.request_id,
      asset_id: handling.asset_id,
      medium_id: handling.medium_id,
      subject_name: handling.subject_name,
      unit_id: handling.unit_id,
      classification,
      method: input.method,
      unrecoverable: isUnrecoverable(input.method) ? 1 : 0,
      sanitization: input.sanitization,
      performed_at: input.performedAt,
      performed_by_staff_id: performerId,
      performed_by_name: performerName,
      witness_name: input.witnessName,
      contractor: input.contractor,
      contractor_certificate: input.contractorCertificate,
      note: input.note,
      recorded_by_staff_id: recorderId,
      recorded_at: now,
    };
    await insertDisposal(tx, row);
    for (const asset of disposed) {
      await updateAsset(tx, asset.id, {
        status: 'disposed',
        disposed_at: input.performedAt,
        updated_at: now,
      });
      ledger.push({
        kind: 'assets.asset.disposed',
        subject: assetSubject(asset.id),
        payload: { code: asset.code, disposal: row.record_no, request: handling.request_ref_no },
      });
    }
    await updateHandling(tx, handling.id, {
      status: 'done',
      performed_at: input.performedAt,
      performed_by_staff_id: performerId,
      performed_by_name: performerName,
      detail: JSON.stringify({ method: input.method, disposal: row.record_no }),
      updated_at: now,
    });
    ledger.push(
      ...(await refreshMediaClassification(
        tx,
        disposed.map((a) => a.medium_id),
        now,
      )),
    );
    return {
      result: { id: row.id, recordNo: row.record_no, disposedAssets: disposed.length },
      ledger: [
        {
          kind: 'assets.disposal.recorded',
          subject: disposalSubject(row.id),
          payload: {
            recordNo: row.record_no,
            request: handling.request_ref_no,
            subjectName: row.subject_name,
            unitId: row.unit_id,
            classification,
            method: row.method,
            unrecoverable: row.unrecoverable === 1,
            sanitization: row.sanitization,
            performedAt: row.performed_at,
            performedBy: performerId,
            performedByName: performerName,
            clauses: ['4.2.8.a', '4.2.8.b', '4.2.8.c'],
          },
        },
        {
          kind: 'assets.handling.carriedOut',
          subject: handlingSubject(handling.id),
          payload: { handlingKind: 'disposal', request: handling.request_ref_no, disposal: row.record_no },
        },
        ...ledger,
      ],
    };
  },
});
