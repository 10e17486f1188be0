import type { UseCaseContext } from '../../kernel/index.js';
import { disposeDevice, listDevices, recordMaintenance, recordRepair } from '../facilities/index.js';
import type { OrgData } from '../org/index.js';
import { addDays, createRandom } from './demo-random.js';
import { demoUnits, facilitiesSectionCode, medicalInformationSectionCode } from './demo-units.js';

/**
 * A synthetic device register for the demo hospital (第5 1, 4(1)): the servers and core network devices of the
 * medical informatics section's server room, a switch per ward, and PCs, terminals and printers in every section,
 * about three hundred in all. Some fall short on purpose so the compliance view shows partly met and not met: PCs
 * without a wire lock, a server without surge protection, a backup power of five minutes, a ward switch not fixed,
 * maintenance overdue, a disposal without the contractor's certificate.
 */

type Row = Record<string, unknown>;

const servers = [
  ['電子カルテ DB サーバ', true],
  ['電子カルテ AP サーバ', true],
  ['医用画像（PACS）サーバ', true],
  ['検査部門システム サーバ', true],
  ['放射線部門システム サーバ', true],
  ['薬剤部門システム サーバ', true],
  ['ファイルサーバ', true],
  ['バックアップサーバ', true],
  ['認証（ディレクトリ）サーバ', true],
  ['ログ収集サーバ', true],
  ['ウイルス対策管理サーバ', true],
  ['院内ポータル Web サーバ', true],
] as const;
const network = [
  'コアスイッチ 1',
  'コアスイッチ 2',
  'ファイアウォール',
  'UTM（インターネット接続）',
  'VPN 装置',
  '無線 LAN コントローラ',
];

export const generateDemoDevices = (data: OrgData, options: { seed: number; asOf: string }): Row[] => {
  const random = createRandom(options.seed + 5);
  const rows: Row[] = [];
  const maintained = (overdue: boolean): string =>
    addDays(options.asOf, overdue ? -random.int(400, 700) : -random.int(20, 300));
  servers.forEach(([name], i) =>
    rows.push({
      assetTag: `SV-${String(i + 1).padStart(3, '0')}`,
      kind: 'server',
      name,
      maker: '架空電機',
      model: `MX-${String(200 + i)}`,
      owningUnitCode: medicalInformationSectionCode,
      location: `本館4階 サーバ室 ラック${String(1 + (i % 4))}`,
      hasStorage: true,
      environmentProtected: true,
      fixed: true,
      ups: true,
      upsRuntimeMinutes: i === 10 ? 5 : 15,
      surgeProtection: i !== 11,
      maintenanceIntervalMonths: i < 2 ? 6 : null,
      lastMaintainedOn: maintained(i === 9),
    }),
  );
  network.forEach((name, i) =>
    rows.push({
      assetTag: `NW-${String(i + 1).padStart(3, '0')}`,
      kind: 'network',
      name,
      maker: '架空ネットワークス',
      owningUnitCode: medicalInformationSectionCode,
      location: '本館4階 サーバ室 ネットワークラック',
      hasStorage: i >= 2,
      environmentProtected: true,
      fixed: true,
      ups: true,
      upsRuntimeMinutes: 20,
      surgeProtection: true,
      lastMaintainedOn: maintained(false),
    }),
  );
  const profileOf = new Map(demoUnits.map((u) => [u.code, u.profile]));
  let pc = 0;
  let sw = 0;
  for (const unit of data.units.filter((u) => u.kind === 'section')) {
    const profile = profileOf.get(unit.code) ?? 'none';
    if (profile === 'ward') {
      sw++;
      const unfixed = sw === 2;
      rows.push({
        assetTag: `NW-F${String(sw).padStart(3, '0')}`,
        kind: 'network',
        name: `フロアスイッチ（${unit.nameJa}）`,
        maker: '架空ネットワークス',
        owningUnitCode: unit.code,
        location: `${unit.nameJa} EPS`,
        environmentProtected: !unfixed,
        fixed: !unfixed,
        installationNote: unfixed ? '仮設置（棚の上）' : '施錠ラックに固定',
        ups: sw % 4 !== 0,
        upsRuntimeMinutes: sw % 4 !== 0 ? 10 : null,
        surgeProtection: true,
        lastMaintainedOn: maintained(sw % 5 === 0),
      });
    }
    const terminals = unit.code === facilitiesSectionCode ? 2 : random.int(3, 5);
    for (let i = 0; i < terminals; i++) {
      pc++;
      const locked = !random.chance(0.07);
      rows.push({
        assetTag: `PC-${String(pc).padStart(4, '0')}`,
        kind: 'terminal',
        name: i === 0 && profile === 'ward' ? '電子カルテ端末（ナースステーション）' : '業務用パソコン',
        maker: '架空コンピュータ',
        model: `NB-${String(10 + (pc % 5))}`,
        owningUnitCode: unit.code,
        location: `${unit.nameJa} 執務室`,
        hasStorage: true,
        antiTheft: locked,
        antiTheftMethod: locked ? 'ワイヤーロック' : null,
      });
    }
    rows.push({
      assetTag: `PR-${String(rows.length).padStart(4, '0')}`,
      kind: 'other',
      name: '複合機',
      owningUnitCode: unit.code,
      location: `${unit.nameJa} 執務室`,
      hasStorage: true,
    });
  }
  return rows;
};

/**
 * A few records the register's history shows and the clauses judge: maintenance of the core switches, two outside
 * repairs of servers (one erased, one under an NDA after checking the repairer, 1(4)イ), two PCs returned to the
 * lessor with certificates and one disposed of by a contractor whose certificate has not arrived (1(6)).
 */
export const seedDemoDeviceRecords = async (
  ctx: UseCaseContext,
  confirmedByStaffId: string,
  asOf: string,
): Promise<void> => {
  const tagged = async (q: string) => (await listDevices(ctx, { q, limit: 10 })).items;
  for (const sw of await tagged('NW-00'))
    await recordMaintenance(ctx, {
      deviceId: sw.id,
      performedOn: addDays(asOf, -45),
      performedBy: '架空ネットワークス 保守部',
    });
  const [pacs] = await tagged('SV-003');
  const [lab] = await tagged('SV-004');
  if (pacs !== undefined)
    await recordRepair(ctx, {
      deviceId: pacs.id,
      performedOn: addDays(asOf, -60),
      contractorName: '架空電機 サービス部',
      erased: true,
      erasureMethod: '故障ディスクを院内で消去ソフトにより上書き消去してから引渡し',
    });
  if (lab !== undefined)
    await recordRepair(ctx, {
      deviceId: lab.id,
      performedOn: addDays(asOf, -20),
      contractorName: '架空電機 サービス部',
      ndaConcluded: true,
      confidentialityChecked: true,
      note: 'マザーボード故障のため消去不能。秘密保持契約（2025年度）と作業体制を確認',
    });
  const pcs = await tagged('PC-000');
  for (const [i, device] of pcs.slice(0, 3).entries())
    await disposeDevice(ctx, {
      deviceId: device.id,
      kind: i < 2 ? 'leaseReturn' : 'disposal',
      performedOn: addDays(asOf, -10 - i),
      erasureMethod: i < 2 ? 'overwrite' : 'physicalDestruction',
      erasureDetail: i < 2 ? '消去ソフトで全領域を3回上書き' : 'ディスクを物理破壊',
      contractor: i < 2 ? '架空リース' : '架空リサイクルセンター',
      certificate: i < 2 ? `LR-2026-${String(i + 1).padStart(3, '0')}` : null,
      confirmedByStaffId,
    });
};
