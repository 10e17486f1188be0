import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/db-harness.js';
import { call, startSignedInServer, type Browserish } from '../../test/server-harness.js';
import { latestCheckpoint, ledgerSize, type MamoriApp } from '../kernel/index.js';

describeEachDialect('the compliance report over HTTP', (db) => {
  let app: MamoriApp;
  let ciso: Browserish;
  beforeAll(async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'mamori-report-key-')), 'ledger.key');
    const server = await startSignedInServer(db(), { ciso: 'S001' }, { ledgerKeyFile: keyFile });
    app = server.app;
    ciso = server.as('ciso');
  });

  it('is signed with a checkpoint covering every record the evaluation read (第9 1(6))', async () => {
    // Nothing has signed the audit log yet: without sealing, the report could only say so.
    expect(await latestCheckpoint(db().handle.db, 'audit')).toBeNull();
    const res = await call(app, ciso, 'GET', '/api/compliance/report.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const summary = (book.getWorksheet('概要')?.getSheetValues() ?? [])
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .join('\n');
    const checkpoint = await latestCheckpoint(db().handle.db, 'audit');
    expect(checkpoint?.size).toBe(await ledgerSize(db().handle.db));
    expect(summary).toContain(`記録数 ${String(checkpoint?.size)}件`);
    expect(summary).toContain('このチェックポイントは評価時点の監査ログ全体を含みます。');
    expect(summary).toContain(checkpoint?.note.split('\n')[0] ?? 'no checkpoint');
  });
});
