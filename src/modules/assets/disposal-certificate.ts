import { z } from 'zod';
import {
  calendarDate,
  defineQuery,
  disposalMethods,
  formatEraDate,
  type Bilingual,
} from '../../kernel/index.js';
import { allow, notFoundOf, today } from './asset-access.js';
import { disposalSubject } from './asset-effects.js';
import { unitNames } from './assets.repository.js';
import { classNames, type ClassificationLevel } from './assets.schema.js';
import { approverOf, assetsOfDisposal, findDisposal, refNosOf } from './handlings.repository.js';
import { visibleRecords } from './record-visibility.js';

/** Everything the disposal certificate prints (4-2(8)ア・イ・ウ), read in one place. */
export interface DisposalCertificate {
  readonly hospitalName: Bilingual;
  readonly recordNo: string;
  readonly issuedOn: string;
  readonly subjectName: string;
  readonly unitName: string;
  readonly classification: string;
  readonly method: string;
  readonly unrecoverable: boolean;
  readonly sanitization: string | null;
  readonly performedAt: string;
  readonly performedByName: string;
  readonly witnessName: string | null;
  readonly contractor: string | null;
  readonly contractorCertificate: string | null;
  readonly note: string | null;
  readonly requestRefNo: string;
  readonly approver: {
    readonly name: string;
    readonly role: string | null;
    readonly on: string | null;
  } | null;
  readonly recordedAt: string;
  readonly assets: readonly { readonly code: string; readonly name: string }[];
  readonly ledgerSubject: string;
  readonly timeZone: string;
}

const methodName = (method: string): string => disposalMethods.find(([v]) => v === method)?.[1] ?? method;

/** The certificate's data for a disposal the reader may see. */
export const getDisposalCertificate = defineQuery({
  name: 'assets.getDisposalCertificate',
  input: z.strictObject({ disposalId: z.string().min(1).max(64) }),
  authorize: allow('assets.read'),
  execute: async (ctx, input): Promise<DisposalCertificate> => {
    const db = ctx.database.db;
    const disposal = await findDisposal(db, input.disposalId);
    if (disposal === undefined || (await visibleRecords(ctx, db, [disposal])).length === 0)
      throw notFoundOf('disposal');
    const [refNos, approver, units] = await Promise.all([
      refNosOf(db, [disposal.request_id]),
      approverOf(db, disposal.request_id),
      unitNames(db),
    ]);
    // The assets that left the register with this disposal: the asset, or what was on the medium.
    const assets = await assetsOfDisposal(db, disposal);
    const unit = units.find((u) => u.id === disposal.unit_id);
    return {
      hospitalName: ctx.hospitalName,
      recordNo: disposal.record_no,
      issuedOn: today(ctx),
      subjectName: disposal.subject_name,
      unitName: unit?.name_ja ?? disposal.unit_id,
      classification: classNames[disposal.classification as ClassificationLevel],
      method: methodName(disposal.method),
      unrecoverable: disposal.unrecoverable === 1,
      sanitization: disposal.sanitization,
      performedAt: disposal.performed_at,
      performedByName: disposal.performed_by_name,
      witnessName: disposal.witness_name,
      contractor: disposal.contractor,
      contractorCertificate: disposal.contractor_certificate,
      note: disposal.note,
      requestRefNo: refNos.get(disposal.request_id) ?? disposal.request_id,
      approver:
        approver === undefined || approver.decided_by_name === null
          ? null
          : {
              name: approver.decided_by_name,
              role: approver.decided_as_role,
              on:
                approver.decided_at === null
                  ? null
                  : calendarDate(new Date(approver.decided_at), ctx.timeZone),
            },
      recordedAt: disposal.recorded_at,
      assets: assets
        .map((a) => ({ code: a.code, name: a.name }))
        .sort((a, b) => a.code.localeCompare(b.code)),
      ledgerSubject: disposalSubject(disposal.id),
      timeZone: ctx.timeZone,
    };
  },
});

/** 令和8年4月1日 10:30 */
export const eraDateTime = (instant: string, timeZone: string): string => {
  const time = new Intl.DateTimeFormat('ja-JP', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  return `${formatEraDate(calendarDate(new Date(instant), timeZone))} ${time.format(new Date(instant))}`;
};
