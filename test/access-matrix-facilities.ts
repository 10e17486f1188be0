// The access-matrix test's requests for the device register (第5 1, 4(1)): each person registers a server for the
// ward (own unit) and acts on it.
import { code, fixed, keep, type Case } from './access-matrix-kit.js';

const device = (who: Parameters<typeof code>[0], ownUnitId: string) => ({
  assetTag: `DEV-${code(who)}`,
  kind: 'server',
  name: '行列試験サーバ',
  owningUnitId: ownUnitId,
  location: 'サーバ室',
  hasStorage: true,
  fixed: true,
});
const own = (who: Parameters<typeof code>[0]): string =>
  `/api/facilities/devices/${who.created.get('device') ?? 'none'}`;

export const facilitiesRequests: Record<string, readonly Case[]> = {
  'POST /api/facilities/devices': [
    {
      url: fixed('/api/facilities/devices'),
      body: (who, w) => device(who, w.ownUnitId),
      then: keep('device'),
    },
  ],
  'POST /api/facilities/devices/import': [
    {
      name: 'dry run',
      url: fixed('/api/facilities/devices/import'),
      body: (who) => ({
        rows: [
          {
            assetTag: `IMP-${code(who)}`,
            kind: 'terminal',
            name: '行列試験端末',
            owningUnitCode: 'KANGO-4E',
            antiTheft: true,
            antiTheftMethod: 'ワイヤーロック',
          },
        ],
        dryRun: true,
      }),
    },
  ],
  'POST /api/facilities/devices/import-file': [
    {
      name: 'dry run of a CSV',
      url: fixed('/api/facilities/devices/import-file?dryRun=true'),
      body: (who) => ({
        format: 'csv',
        contentBase64: Buffer.from(
          `資産番号,種別,名称,所管部署コード\nCSV-${code(who)},端末,行列試験端末,KANGO-4E\n`,
        ).toString('base64'),
      }),
    },
  ],
  'GET /api/facilities/devices/{id}': [{ name: 'own device', url: own }],
  'PUT /api/facilities/devices/{id}': [
    {
      name: 'own device',
      url: own,
      body: (who, w) => ({ device: { ...device(who, w.ownUnitId), location: '行列試験室' } }),
    },
  ],
  'POST /api/facilities/devices/{id}/maintenance': [
    {
      name: 'own device',
      url: (who) => `${own(who)}/maintenance`,
      body: () => ({ performedOn: '2026-03-31' }),
    },
  ],
  'POST /api/facilities/devices/{id}/repairs': [
    {
      name: 'own device',
      url: (who) => `${own(who)}/repairs`,
      body: () => ({
        performedOn: '2026-03-31',
        contractorName: '行列試験修理',
        erased: true,
        erasureMethod: '上書き',
      }),
    },
  ],
  'POST /api/facilities/devices/{id}/disposal': [
    {
      name: 'own device',
      url: (who) => `${own(who)}/disposal`,
      body: () => ({ kind: 'disposal', performedOn: '2026-03-31', erasureMethod: 'overwrite' }),
    },
  ],
};
