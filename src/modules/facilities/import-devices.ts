import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  canonicalJson,
  defineUseCase,
  issuesFromZod,
  newId,
  validationError,
  type FieldIssue,
  type LedgerDraft,
} from '../../kernel/index.js';
import { allow, deviceSubject, mayKeepDevices, today, unitPathsOf } from './device-access.js';
import { deviceColumns, devicePayload } from './device-rules.js';
import { kindFromText } from './device-file.js';
import { deviceInput } from './facilities.schema.js';
import { findDevicesByTags, insertDevice, type DeviceRow } from './facilities.repository.js';

/** One row of a device register spreadsheet: the form's fields, the unit by its code (as the hospital writes it). */
export const importDevicesInput = z.strictObject({
  rows: z.array(z.record(z.string(), z.unknown())).min(1).max(20_000),
  /** The row number each row has in its file (Excel's: the header is row 1); 1, 2, … by default. */
  rowNumbers: z.array(z.number().int().min(1)).optional(),
  dryRun: z.boolean().default(false),
  source: z.string().max(200).default('api'),
});

const issue = (row: number, field: string, ja: string, en: string): FieldIssue => ({
  row,
  field,
  message: { ja, en },
});

/**
 * Imports an existing device register (機器台帳) of new devices: all or nothing, every row's problems named with
 * its row number (the file's, or 1 for the first row) and the field, and nothing written; a dry run does the same
 * and rolls back.
 * Rows name their unit by `owningUnitCode`; the importer must keep the devices of each unit.
 */
export const importDevices = defineUseCase({
  name: 'facilities.import',
  input: importDevicesInput,
  authorize: allow('facilities.manage'),
  execute: async (ctx, input, tx) => {
    const units = new Map(
      (await tx.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]),
    );
    const paths = await unitPathsOf(ctx, tx, units.values());
    const issues: FieldIssue[] = [];
    const parsed: { row: number; value: z.output<typeof deviceInput> }[] = [];
    const seen = new Map<string, number>();
    input.rows.forEach((raw, i) => {
      const row = input.rowNumbers?.[i] ?? i + 1;
      const { owningUnitCode, ...rest } = raw;
      const unitId = typeof owningUnitCode === 'string' ? units.get(owningUnitCode.trim()) : undefined;
      if (unitId === undefined) {
        issues.push(issue(row, 'owningUnitCode', '部署コードが見つかりません。', 'No unit has this code.'));
        return;
      }
      if (!mayKeepDevices(ctx.actor, paths.get(unitId) ?? [])) {
        issues.push(
          issue(
            row,
            'owningUnitCode',
            'この部署の機器は管理できません。',
            'You do not keep the devices of this unit.',
          ),
        );
        return;
      }
      const result = deviceInput.safeParse({
        ...rest,
        kind: kindFromText(rest['kind']),
        owningUnitId: unitId,
      });
      if (!result.success) {
        issues.push(...issuesFromZod(result.error, { row }));
        return;
      }
      const earlier = seen.get(result.data.assetTag);
      if (earlier !== undefined)
        issues.push(
          issue(
            row,
            'assetTag',
            `${String(earlier)}行目と同じ資産番号です。`,
            `Same asset tag as row ${String(earlier)}.`,
          ),
        );
      seen.set(result.data.assetTag, row);
      if (result.data.lastMaintainedOn !== null && result.data.lastMaintainedOn > today(ctx))
        issues.push(issue(row, 'lastMaintainedOn', '未来の日付です。', 'A date in the future.'));
      parsed.push({ row, value: result.data });
    });
    const existing = await findDevicesByTags(
      tx,
      parsed.map((p) => p.value.assetTag),
    );
    const taken = new Set(existing.map((d) => d.asset_tag));
    for (const p of parsed)
      if (taken.has(p.value.assetTag))
        issues.push(
          issue(p.row, 'assetTag', '登録済みの資産番号です。', 'This asset tag is already registered.'),
        );
    if (issues.length > 0)
      throw validationError(issues, `device import rejected: ${String(issues.length)} issues`);
    const now = ctx.clock.now().toISOString();
    const ledger: LedgerDraft[] = [];
    for (const { value } of parsed) {
      const row: DeviceRow = {
        id: newId(),
        ...deviceColumns(value),
        status: 'inUse',
        offsite_request_id: null,
        offsite_request_ref_no: null,
        offsite_location: null,
        offsite_approved_at: null,
        offsite_check_interval_months: null,
        offsite_checked_on: null,
        created_by_staff_id: ctx.actor.staffId,
        created_at: now,
        updated_at: now,
        ended_on: null,
      };
      await insertDevice(tx, row);
      ledger.push({
        kind: 'facilities.device.registered',
        subject: deviceSubject(row.id),
        payload: devicePayload(row),
      });
    }
    const digest = createHash('sha256')
      .update(canonicalJson(input.rows as never))
      .digest('hex');
    return {
      result: { dryRun: input.dryRun, created: parsed.length },
      ledger: [
        {
          kind: 'facilities.import.applied',
          subject: `import:${newId()}`,
          payload: { source: input.source, sha256: digest, created: parsed.length },
        },
        ...ledger,
      ],
      commit: !input.dryRun,
    };
  },
});
