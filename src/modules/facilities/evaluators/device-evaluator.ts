import { bi, type Bilingual } from '../../../kernel/index.js';
import {
  evidence,
  type ClauseEvaluator,
  type ClauseFinding,
  type EvaluationContext,
} from '../../policy/index.js';
import { isInfrastructure } from '../facilities.schema.js';
import {
  deviceDisposals,
  liveDevices,
  monthsBefore,
  outsideRepairs,
  type LiveDevice,
} from './device-data.js';
import { judgeByUnit, type Judged } from './judge.js';

/**
 * 第5 1(1), (2)ア・イ, (4)ア・イ, (5), (6) and 4(1) judged from the device register, unit by unit (the section that
 * keeps each device): servers and network devices for installation and power, every device due for periodic
 * maintenance, outside repairs of devices with storage, off-site devices, disposals and lease returns, terminals for
 * anti-theft fixing. The intervals and the backup power's runtime are the pack's parameters in force.
 */

const numberParam = (ctx: EvaluationContext, key: string, fallback: number): number => {
  const v = ctx.parameter(key);
  return typeof v === 'number' ? v : fallback;
};

const deviceItem = (d: LiveDevice, ok: boolean, note: Bilingual, at: string | null = null) =>
  evidence({
    kind: 'record',
    type: 'Device',
    ref: `device:${d.id}`,
    label: bi(`${d.asset_tag} ${d.name}: ${note.ja}`, `${d.asset_tag} ${d.name}: ${note.en}`),
    unitId: d.owning_unit_id,
    at,
    ok,
  });

const judged = (d: LiveDevice, ok: boolean, note: () => Bilingual, at: string | null = null): Judged => ({
  ok,
  unitId: d.owning_unit_id,
  item: () => deviceItem(d, ok, note(), at),
});

const missing = (parts: readonly [boolean, string, string][]): Bilingual => {
  const absent = parts.filter(([has]) => !has);
  return absent.length === 0
    ? bi('記録あり', 'recorded')
    : bi(
        `未記録: ${absent.map(([, ja]) => ja).join('、')}`,
        `not recorded: ${absent.map(([, , en]) => en).join(', ')}`,
      );
};

const none = (ja: string, en: string): Bilingual => bi(ja, en);

const installation = (devices: readonly LiveDevice[]): ClauseFinding =>
  judgeByUnit(
    '5.1.1',
    devices
      .filter((d) => isInfrastructure(d.kind))
      .map((d) => {
        const parts: [boolean, string, string][] = [
          [d.location !== null, '設置場所', 'installation place'],
          [
            d.environment_protected === 1,
            '火災・水害・埃・振動・温湿度への対策',
            'protection from fire, water, dust, vibration, heat and humidity',
          ],
          [d.fixed === 1, '固定', 'fixing'],
        ];
        return judged(
          d,
          parts.every(([has]) => has),
          () => missing(parts),
        );
      }),
    {
      what: bi(
        'サーバ・ネットワーク機器の設置と固定（第5 1(1)）',
        'Installation and fixing of servers and network devices (5-1(1))',
      ),
      none: none(
        '機器台帳にサーバ・ネットワーク機器が登録されていません。',
        'No servers or network devices are registered.',
      ),
    },
  );

const backupPower = (devices: readonly LiveDevice[], minutes: number): ClauseFinding =>
  judgeByUnit(
    '5.1.2.a',
    devices
      .filter((d) => isInfrastructure(d.kind))
      .map((d) => {
        const runtime = d.ups_runtime_minutes ?? 0;
        const ok = d.ups === 1 && runtime >= minutes;
        return judged(d, ok, () =>
          d.ups !== 1
            ? bi('予備電源なし', 'no backup power')
            : bi(
                `予備電源 ${String(runtime)}分（基準 ${String(minutes)}分）`,
                `backup power ${String(runtime)} min (rule ${String(minutes)} min)`,
              ),
        );
      }),
    {
      what: bi(
        `予備電源（${String(minutes)}分以上、第5 1(2)ア）`,
        `Backup power (${String(minutes)} min or more, 5-1(2)ア)`,
      ),
      none: none(
        '機器台帳にサーバ・ネットワーク機器が登録されていません。',
        'No servers or network devices are registered.',
      ),
    },
  );

const surge = (devices: readonly LiveDevice[]): ClauseFinding =>
  judgeByUnit(
    '5.1.2.b',
    devices
      .filter((d) => isInfrastructure(d.kind))
      .map((d) =>
        judged(d, d.surge_protection === 1, () =>
          d.surge_protection === 1
            ? bi('過電流対策あり', 'surge protection')
            : bi('過電流対策なし', 'no surge protection'),
        ),
      ),
    {
      what: bi('落雷等の過電流対策（第5 1(2)イ）', 'Surge protection (5-1(2)イ)'),
      none: none(
        '機器台帳にサーバ・ネットワーク機器が登録されていません。',
        'No servers or network devices are registered.',
      ),
    },
  );

const maintenance = (devices: readonly LiveDevice[], asOf: string, months: number): ClauseFinding =>
  judgeByUnit(
    '5.1.4.a',
    devices
      .filter((d) => isInfrastructure(d.kind) || d.maintenance_interval_months !== null)
      .map((d) => {
        const interval = Math.min(d.maintenance_interval_months ?? months, months);
        const last = d.last_maintained_on;
        const ok = last !== null && last >= monthsBefore(asOf, interval);
        return judged(
          d,
          ok,
          () =>
            last === null
              ? bi(
                  `保守の記録なし（間隔 ${String(interval)}か月）`,
                  `no maintenance recorded (every ${String(interval)} months)`,
                )
              : bi(
                  `最終保守 ${last}（間隔 ${String(interval)}か月）`,
                  `last maintained ${last} (every ${String(interval)} months)`,
                ),
          last,
        );
      }),
    {
      what: bi(
        `定期保守（${String(months)}か月以内、第5 1(4)ア）`,
        `Periodic maintenance (within ${String(months)} months, 5-1(4)ア)`,
      ),
      none: none(
        '定期保守の対象となる機器が登録されていません。',
        'No devices due for periodic maintenance are registered.',
      ),
    },
  );

const offsite = (devices: readonly LiveDevice[], asOf: string, months: number): ClauseFinding =>
  judgeByUnit(
    '5.1.5',
    devices
      .filter((d) => d.status === 'offsite')
      .map((d) => {
        const interval = Math.min(d.offsite_check_interval_months ?? months, months);
        const approved = d.offsite_approved_at?.slice(0, 10) ?? null;
        const checked =
          [approved, d.offsite_checked_on]
            .filter((x): x is string => x !== null)
            .sort()
            .at(-1) ?? null;
        const ok =
          d.offsite_request_id !== null && checked !== null && checked >= monthsBefore(asOf, interval);
        return judged(
          d,
          ok,
          () =>
            d.offsite_request_id === null
              ? bi('最高情報統括責任者の承認の記録なし', 'no approval by the CISO recorded')
              : bi(
                  `承認 ${d.offsite_request_ref_no ?? ''}、最終確認 ${checked ?? '—'}（間隔 ${String(interval)}か月）`,
                  `approved ${d.offsite_request_ref_no ?? ''}, last checked ${checked ?? '—'} (every ${String(interval)} months)`,
                ),
          checked,
        );
      }),
    {
      what: bi(
        '敷地外に設置した機器の承認と定期確認（第5 1(5)）',
        'Off-site devices: approval and periodic checks (5-1(5))',
      ),
      none: none(
        '敷地外に設置された機器は記録されていません。',
        'No devices are recorded as placed off-site.',
      ),
    },
  );

export const deviceEvaluator: ClauseEvaluator = {
  id: 'facilities.devices',
  module: 'facilities',
  clauseIds: ['5.1.1', '5.1.2.a', '5.1.2.b', '5.1.4.a', '5.1.4.b', '5.1.5', '5.1.6', '5.4.1'],
  evaluate: async (ctx): Promise<ClauseFinding[]> => {
    const [devices, repairs, disposals] = await Promise.all([
      liveDevices(ctx.db),
      outsideRepairs(ctx.db),
      deviceDisposals(ctx.db),
    ]);
    const upsMinutes = numberParam(ctx, 'facilities.upsMinimumRuntime', 10);
    const maintenanceMonths = numberParam(ctx, 'facilities.maintenanceInterval', 12);
    const offsiteMonths = numberParam(ctx, 'facilities.offsiteCheckInterval', 6);
    const repairFinding = judgeByUnit(
      '5.1.4.b',
      repairs.map((r) => {
        const ok = r.erased === 1 || (r.nda_concluded === 1 && r.confidentiality_checked === 1);
        const note =
          r.erased === 1
            ? bi('消去して修理', 'erased before repair')
            : bi(
                `秘密保持契約${r.nda_concluded === 1 ? 'あり' : 'なし'}・秘密保持体制の確認${r.confidentiality_checked === 1 ? 'あり' : 'なし'}`,
                `NDA ${r.nda_concluded === 1 ? 'concluded' : 'missing'}, confidentiality ${r.confidentiality_checked === 1 ? 'checked' : 'not checked'}`,
              );
        return {
          ok,
          unitId: r.owning_unit_id,
          item: () =>
            evidence({
              kind: 'record',
              type: 'RepairRecord',
              ref: `device:${r.device_id}`,
              label: bi(
                `${r.asset_tag} ${r.name} ${r.performed_on} ${r.contractor_name ?? ''}: ${note.ja}`,
                `${r.asset_tag} ${r.name} ${r.performed_on} ${r.contractor_name ?? ''}: ${note.en}`,
              ),
              unitId: r.owning_unit_id,
              at: r.performed_on,
              ok,
            }),
        };
      }),
      {
        what: bi(
          '記憶媒体を内蔵する機器の外部修理（第5 1(4)イ）',
          'Outside repairs of devices with storage (5-1(4)イ)',
        ),
        none: none(
          '記憶媒体を内蔵する機器の外部修理は記録されていません。',
          'No outside repairs of devices with storage are recorded.',
        ),
      },
    );
    const disposalFinding = judgeByUnit(
      '5.1.6',
      disposals.map((x) => {
        const erased = x.has_storage === 0 || x.erasure_method !== 'noStorage';
        const certified = x.contractor === null || x.certificate !== null;
        const ok = erased && certified;
        const note = !erased
          ? bi('記憶装置の消去の記録なし', 'no erasure of the storage recorded')
          : !certified
            ? bi(`${x.contractor ?? ''}の消去証明書なし`, `no erasure certificate from ${x.contractor ?? ''}`)
            : bi(
                `消去方法 ${x.erasure_method}、確認 ${x.confirmed_by_name}`,
                `erased by ${x.erasure_method}, confirmed by ${x.confirmed_by_name}`,
              );
        return {
          ok,
          unitId: x.owning_unit_id,
          item: () =>
            evidence({
              kind: 'record',
              type: 'DeviceDisposal',
              ref: `device:${x.device_id}`,
              label: bi(
                `${x.asset_tag} ${x.name} ${x.performed_on}: ${note.ja}`,
                `${x.asset_tag} ${x.name} ${x.performed_on}: ${note.en}`,
              ),
              unitId: x.owning_unit_id,
              at: x.performed_on,
              ok,
            }),
        };
      }),
      {
        what: bi(
          '機器の廃棄・リース返却時の消去（第5 1(6)）',
          'Erasure before disposal or lease return (5-1(6))',
        ),
        none: none(
          '機器の廃棄・リース返却は記録されていません。',
          'No disposals or lease returns are recorded.',
        ),
      },
    );
    const theft = judgeByUnit(
      '5.4.1',
      devices
        .filter((d) => d.kind === 'terminal')
        .map((d) =>
          judged(d, d.anti_theft === 1, () =>
            d.anti_theft === 1
              ? bi(`盗難防止: ${d.anti_theft_method ?? ''}`, `secured: ${d.anti_theft_method ?? ''}`)
              : bi('盗難防止の措置なし', 'not secured against theft'),
          ),
        ),
      {
        what: bi('パソコン等の端末の盗難防止（第5 4(1)）', 'Anti-theft fixing of PCs and terminals (5-4(1))'),
        none: none('機器台帳にパソコン等の端末が登録されていません。', 'No PCs or terminals are registered.'),
      },
    );
    return [
      installation(devices),
      backupPower(devices, upsMinutes),
      surge(devices),
      maintenance(devices, ctx.asOf, maintenanceMonths),
      repairFinding,
      offsite(devices, ctx.asOf, offsiteMonths),
      disposalFinding,
      theft,
    ];
  },
};
