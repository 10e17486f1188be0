import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { actorOf, rejectionOf, seedSmallHospital } from '../../../test/approvals/fixtures.js';
import { importDevices, listDevices } from './index.js';

/** An existing device register brought in from a spreadsheet: all or nothing, each row's problems named. */
describeEachDialect('facilities: importing a device register (第5 1, 4(1))', (db) => {
  beforeAll(async () => {
    await seedSmallHospital(db());
  });

  const rows = [
    {
      assetTag: 'IMP-SV-1',
      kind: 'server',
      name: '病棟サーバ',
      owningUnitCode: 'KANGO-3E',
      fixed: 'はい',
      ups: '有',
      upsRuntimeMinutes: '20',
    },
    {
      assetTag: 'IMP-PC-1',
      kind: 'terminal',
      name: '端末',
      owningUnitCode: 'KANGO-3E',
      antiTheft: '○',
      antiTheftMethod: 'ワイヤーロック',
    },
  ];

  it('names every wrong row and field in both languages, and writes nothing', async () => {
    const manager = await actorOf(db(), 'S006');
    const before = await auditSize(db().handle);
    const error = await rejectionOf(
      importDevices(db().ctx(manager), {
        rows: [
          ...rows,
          { assetTag: 'IMP-SV-1', kind: 'server', name: '重複', owningUnitCode: 'KANGO-3E' },
          { assetTag: 'IMP-X', kind: 'robot', name: 'x', owningUnitCode: 'KANGO-3E' },
          { assetTag: 'IMP-Y', kind: 'server', name: 'y', owningUnitCode: 'JIMU-SOMU' },
          { assetTag: 'IMP-Z', kind: 'server', name: 'z', owningUnitCode: 'KANGO-3E', ups: 'yes' },
        ],
      }),
      'validation',
    );
    expect(error.issues.map((i) => [i.row, i.field])).toEqual([
      [3, 'assetTag'],
      [4, 'kind'],
      [5, 'owningUnitCode'],
      [6, 'upsRuntimeMinutes'],
    ]);
    expect(error.issues[0]?.message.ja).toContain('1行目');
    expect(error.issues[3]?.message.ja).toContain('第5 1(2)ア');
    expect(await auditSize(db().handle)).toBe(before);
  });

  it('checks a dry run without keeping anything, then imports with an entry per device', async () => {
    const manager = await actorOf(db(), 'S006');
    const before = await auditSize(db().handle);
    const dry = await importDevices(db().ctx(manager), { rows, dryRun: true });
    expect(dry).toEqual({ dryRun: true, created: 2 });
    expect((await listDevices(db().ctx(manager), { q: 'IMP-' })).total).toBe(0);
    expect(await auditSize(db().handle)).toBe(before);
    await importDevices(db().ctx(manager), { rows, source: 'spreadsheet' });
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual([
      'facilities.import.applied',
      'facilities.device.registered',
      'facilities.device.registered',
    ]);
    expect(entries[0]?.payload).toMatchObject({ source: 'spreadsheet', created: 2 });
    const listed = await listDevices(db().ctx(manager), { q: 'IMP-' });
    expect(listed.items.map((d) => [d.assetTag, d.fixed, d.upsRuntimeMinutes, d.antiTheft])).toEqual([
      ['IMP-PC-1', false, null, true],
      ['IMP-SV-1', true, 20, false],
    ]);
  });
});
