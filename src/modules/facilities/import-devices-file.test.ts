import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import { auditSize } from '../../../test/ledger-helpers.js';
import { actorOf, rejectionOf, seedSmallHospital } from '../../../test/approvals/fixtures.js';
import { importDevicesFile, listDevices } from './index.js';

const csv = (lines: readonly string[]) => ({
  format: 'csv' as const,
  contentBase64: Buffer.from(lines.join('\n'), 'utf8').toString('base64'),
  fileName: '機器台帳.csv',
});

/** The device register as the offices keep it: a CSV with Japanese headers, read like the asset register. */
describeEachDialect('facilities: importing the device register from a file (第5 1, 4(1))', (db) => {
  beforeAll(async () => {
    await seedSmallHospital(db());
  });

  it('names the rows as the file numbers them, writes nothing on an error, and imports a right file', async () => {
    const manager = await actorOf(db(), 'S006');
    const header =
      '資産番号,種別,名称,所管部署コード,固定,予備電源,予備電源の稼働時間（分）,盗難防止,盗難防止の方法';
    const before = await auditSize(db().handle);
    const wrong = await rejectionOf(
      importDevicesFile(
        db().ctx(manager),
        csv([
          header,
          'CSV-SV-1,サーバ,病棟サーバ,KANGO-3E,○,有,,,',
          'CSV-PC-1,端末,端末,KANGO-3E,,,,○,ワイヤー',
        ]),
        true,
      ),
      'validation',
    );
    expect(wrong.issues.map((i) => [i.row, i.field])).toEqual([[2, 'upsRuntimeMinutes']]);
    expect(await auditSize(db().handle)).toBe(before);
    const right = csv([
      header,
      'CSV-SV-1,サーバ,病棟サーバ,KANGO-3E,○,有,15,,',
      'CSV-PC-1,端末,端末,KANGO-3E,,,,○,ワイヤー',
    ]);
    expect(await importDevicesFile(db().ctx(manager), right, true)).toEqual({ dryRun: true, created: 2 });
    expect(await auditSize(db().handle)).toBe(before);
    expect(await importDevicesFile(db().ctx(manager), right, false)).toEqual({ dryRun: false, created: 2 });
    const listed = await listDevices(db().ctx(manager), { q: 'CSV-' });
    expect(
      listed.items.map((d) => [d.assetTag, d.kind, d.fixed, d.upsRuntimeMinutes, d.antiTheftMethod]),
    ).toEqual([
      ['CSV-PC-1', 'terminal', false, null, 'ワイヤー'],
      ['CSV-SV-1', 'server', true, 15, null],
    ]);
  });
});
