import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { newId } from '../../ids.js';

const now = '2026-04-01T01:00:00.000Z';

describeEachDialect('migration 006-assets', (db) => {
  const unitId = newId();

  const asset = (over: Record<string, unknown> = {}) => ({
    id: newId(),
    code: `IA-${newId().slice(0, 8)}`,
    name: '入院診療計画書（紙）',
    form: 'paper',
    owning_unit_id: unitId,
    classification: 2,
    classification_basis: 'creator',
    classified_at: now,
    origin: 'created',
    status: 'active',
    created_at: now,
    updated_at: now,
    ...over,
  });

  it('creates the register tables: places with their protections, media, assets, handling log, disposals', async () => {
    const { db: k } = db().handle;
    await k
      .insertInto('units')
      .values({
        id: unitId,
        code: 'M006',
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
    const placeId = newId();
    await k
      .insertInto('storage_places')
      .values({
        id: placeId,
        code: 'VAULT-1',
        name: '耐火金庫',
        kind: 'vault',
        fireproof: 1,
        heatproof: 1,
        waterproof: 1,
        humidityproof: 1,
        low_disaster_risk: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const mediumId = newId();
    await k
      .insertInto('media')
      .values({
        id: mediumId,
        code: 'USB-001',
        label: 'USBメモリ',
        kind: 'usbMemory',
        removable: 1,
        owning_unit_id: unitId,
        storage_place_id: placeId,
        purpose: 'archive',
        usage: 'rare',
        status: 'stored',
        created_at: now,
        updated_at: now,
        // write_protected, encrypted and classification are left to their defaults
      } as never)
      .execute();
    await k
      .insertInto('information_assets')
      .values(asset({ medium_id: mediumId }))
      .execute();
    const row = await k.selectFrom('media').selectAll().where('id', '=', mediumId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ write_protected: 0, encrypted: 0, classification: null });
    const place = await k
      .selectFrom('storage_places')
      .select(['fireproof', 'low_disaster_risk'])
      .executeTakeFirstOrThrow();
    expect(place).toEqual({ fireproof: 1, low_disaster_risk: 0 });
  });

  it('refuses an asset without a classification at the database too (第4 2(2)イ)', async () => {
    const { db: k } = db().handle;
    const { classification: _omitted, ...withoutClass } = asset();
    await expect(
      k
        .insertInto('information_assets')
        .values(withoutClass as never)
        .execute(),
    ).rejects.toThrow();
  });

  it('refuses a disposal record without its approved request (第4 2(8)ア)', async () => {
    const { db: k } = db().handle;
    await expect(
      k
        .insertInto('asset_disposals')
        .values({
          id: newId(),
          record_no: 'D-1',
          handling_id: 'none',
          subject_name: 'x',
          unit_id: unitId,
          classification: 2,
          method: 'shred',
          unrecoverable: 1,
          performed_at: now,
          performed_by_staff_id: 'none',
          performed_by_name: 'x',
          recorded_by_staff_id: 'none',
          recorded_at: now,
        } as never)
        .execute(),
    ).rejects.toThrow();
  });
});
