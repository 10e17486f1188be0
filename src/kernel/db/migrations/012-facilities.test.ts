import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { newId } from '../../ids.js';

const now = '2026-04-01T01:00:00.000Z';

describeEachDialect('migration 012-facilities', (db) => {
  const unitId = newId();
  const device = (over: Record<string, unknown> = {}) => ({
    id: newId(),
    asset_tag: `DV-${newId().slice(0, 8)}`,
    kind: 'server',
    name: '部門サーバ',
    owning_unit_id: unitId,
    status: 'inUse',
    created_at: now,
    updated_at: now,
    ...over,
  });

  it('creates the device register with its protections off by default, and its records (第5 1)', async () => {
    const { db: k } = db().handle;
    await k
      .insertInto('units')
      .values({
        id: unitId,
        code: 'M012',
        name_ja: '試験課',
        name_en: 'Test Section',
        kind: 'section',
        parent_id: null,
        sort_order: 0,
        phone: null,
        valid_from: '2020-04-01',
        valid_to: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const row = device();
    await k
      .insertInto('devices')
      .values(row as never)
      .execute();
    const stored = await k
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      has_storage: 0,
      environment_protected: 0,
      fixed: 0,
      ups: 0,
      surge_protection: 0,
      anti_theft: 0,
      ups_runtime_minutes: null,
      offsite_request_id: null,
    });
    await k
      .insertInto('device_services')
      .values({
        id: newId(),
        device_id: row.id,
        kind: 'maintenance',
        performed_on: '2026-03-01',
        created_at: now,
      } as never)
      .execute();
    await k
      .insertInto('device_disposals')
      .values({
        id: newId(),
        device_id: row.id,
        kind: 'disposal',
        performed_on: '2026-03-31',
        has_storage: 1,
        erasure_method: 'overwrite',
        confirmed_by_name: '確認者',
        created_at: now,
      })
      .execute();
    const services = await k.selectFrom('device_services').select(['outside_contractor', 'erased']).execute();
    expect(services).toEqual([{ outside_contractor: 0, erased: 0 }]);
  });

  it('keeps an asset tag to one device, and a record to a device that exists', async () => {
    const { db: k } = db().handle;
    await k
      .insertInto('devices')
      .values(device({ asset_tag: 'DV-ONCE' }) as never)
      .execute();
    await expect(
      k
        .insertInto('devices')
        .values(device({ asset_tag: 'DV-ONCE' }) as never)
        .execute(),
    ).rejects.toThrow();
    await expect(
      k
        .insertInto('device_services')
        .values({
          id: newId(),
          device_id: 'none',
          kind: 'repair',
          performed_on: '2026-03-01',
          created_at: now,
        } as never)
        .execute(),
    ).rejects.toThrow();
  });
});
