import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import { assetInput, mediumFields, placeFields } from '../../../test/factories/assets.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { actorOf, rejectionOf, seedSmallHospital, unitIdOf } from '../../../test/approvals/fixtures.js';
import {
  checkStorage,
  listMediaRegister,
  listStoragePlaces,
  monthsBefore,
  registerAsset,
  registerMedium,
  registerPlace,
  updateMediumRecord,
  updatePlaceRecord,
} from './index.js';

describe('long-term storage is counted in calendar months', () => {
  it('steps back whole months, keeping the day or the month’s last day', () => {
    expect(monthsBefore('2026-04-01', 12)).toBe('2025-04-01');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
  });
});

/** The clock says 2026-04-01; the pack's long-term threshold is 12 months, so stored on 2025-04-01 or before. */
describeEachDialect('assets: storage checks with their evidence (第4 2(5))', (db) => {
  let ward = '';
  let vault = '';
  let offsite = '';
  let cabinet = '';

  beforeAll(async () => {
    await seedSmallHospital(db());
    ward = await unitIdOf(db(), 'KANGO-3E');
    const director = await actorOf(db(), 'S002');
    vault = (
      await registerPlace(
        db().ctx(director),
        placeFields({
          code: 'VAULT-4F',
          name: '医療情報課 耐火保管庫',
          kind: 'vault',
          fireproof: true,
          heatproof: true,
          waterproof: true,
          humidityproof: true,
        }),
      )
    ).id;
    offsite = (
      await registerPlace(
        db().ctx(director),
        placeFields({
          code: 'OFFSITE-DC',
          name: '遠隔地データ保管センター',
          kind: 'offsite',
          lowDisasterRisk: true,
          disasterRiskBasis: '市ハザードマップで浸水・土砂災害警戒区域外（2025年度確認）',
          assessedOn: '2025-10-01',
        }),
      )
    ).id;
    const manager = await actorOf(db(), 'S006');
    cabinet = (
      await registerPlace(db().ctx(manager), placeFields({ code: 'WARD-3E-CAB', owningUnitId: ward }))
    ).id;
  });

  const findingsOf = async (mediumId: string) => {
    const manager = await actorOf(db(), 'S006');
    const media = await listMediaRegister(db().ctx(manager), { unitId: ward });
    return media.find((m) => m.id === mediumId)?.findings.map((f) => [f.clauseId, f.ok]) ?? [];
  };

  it('asks for the basis of a low natural-disaster risk, and lets only the security office keep shared places', async () => {
    const director = await actorOf(db(), 'S002');
    const noBasis = await rejectionOf(
      registerPlace(db().ctx(director), placeFields({ lowDisasterRisk: true })),
      'validation',
    );
    expect(noBasis.issues[0]?.field).toBe('disasterRiskBasis');
    expect(noBasis.issues[0]?.message.ja).toContain('第4 2(5)ウ');
    const manager = await actorOf(db(), 'S006');
    await rejectionOf(registerPlace(db().ctx(manager), placeFields()), 'forbidden');
    const nurse = await actorOf(db(), 'S007');
    await rejectionOf(registerPlace(db().ctx(nurse), placeFields({ owningUnitId: ward })), 'forbidden');
    const places = await listStoragePlaces(db().ctx(nurse), {});
    expect(places.find((p) => p.code === 'VAULT-4F')).toMatchObject({
      fireproof: true,
      heatproof: true,
      waterproof: true,
      humidityproof: true,
      lowDisasterRisk: false,
    });
  });

  it('keeps the media of a unit to its Managers and Staff: another unit’s Manager and staff are refused, nothing written', async () => {
    const before = await auditSize(db().handle);
    await rejectionOf(registerMedium(db().ctx(await actorOf(db(), 'S004')), mediumFields(ward)), 'forbidden');
    await rejectionOf(registerMedium(db().ctx(await actorOf(db(), 'S007')), mediumFields(ward)), 'forbidden');
    expect(await auditSize(db().handle)).toBe(before);
  });

  it('wants removable media stored long-term write-protected (第4 2(5)イ)', async () => {
    const manager = await actorOf(db(), 'S006');
    const fields = mediumFields(ward, {
      code: 'DVD-3E-ARCH-2024',
      label: '2024年度 病棟日誌アーカイブ（DVD-R）',
      kind: 'opticalDisc',
      purpose: 'archive',
      status: 'stored',
      storedSince: '2025-03-31',
      storagePlaceId: cabinet,
    });
    const medium = await registerMedium(db().ctx(manager), fields);
    const recent = await registerMedium(
      db().ctx(manager),
      mediumFields(ward, {
        purpose: 'archive',
        status: 'stored',
        storedSince: '2025-10-01',
        storagePlaceId: cabinet,
      }),
    );
    expect(await findingsOf(medium.id)).toEqual([['4.2.5.b', false]]);
    expect(await findingsOf(recent.id)).toEqual([]);
    const noMethod = await rejectionOf(
      updateMediumRecord(db().ctx(manager), {
        mediumId: medium.id,
        medium: { ...fields, writeProtected: true },
      }),
      'validation',
    );
    expect(noMethod.issues[0]?.field).toBe('medium.writeProtectionMethod');
    const before = await auditSize(db().handle);
    await updateMediumRecord(db().ctx(manager), {
      mediumId: medium.id,
      medium: {
        ...fields,
        writeProtected: true,
        writeProtectedOn: '2025-03-31',
        writeProtectionMethod: '追記不可媒体（DVD-R）をファイナライズ',
      },
    });
    expect(await findingsOf(medium.id)).toEqual([['4.2.5.b', true]]);
    const [entry] = await auditEntries(db().handle, before);
    expect(entry).toMatchObject({
      kind: 'assets.medium.updated',
      subject: `medium:${medium.id}`,
      payload: { writeProtected: true, previous: { writeProtected: false } },
    });
  });

  it('wants rarely used and backup media stored long-term at a site of low natural-disaster risk (第4 2(5)ウ)', async () => {
    const manager = await actorOf(db(), 'S006');
    const fields = mediumFields(ward, {
      code: 'LTO-3E-2024',
      label: '部門システム バックアップ（LTO-8）',
      kind: 'tape',
      purpose: 'backup',
      status: 'stored',
      storedSince: '2024-12-01',
      writeProtected: true,
      writeProtectionMethod: 'ライトプロテクトタブ',
      storagePlaceId: cabinet,
    });
    const tape = await registerMedium(db().ctx(manager), fields);
    expect(await findingsOf(tape.id)).toEqual([
      ['4.2.5.b', true],
      ['4.2.5.c', false],
    ]);
    await updateMediumRecord(db().ctx(manager), {
      mediumId: tape.id,
      medium: { ...fields, storagePlaceId: offsite },
    });
    expect(await findingsOf(tape.id)).toEqual([
      ['4.2.5.b', true],
      ['4.2.5.c', true],
    ]);
    const check = await checkStorage(db().ctx(manager), { unitId: ward });
    const found = check.media.find((m) => m.id === tape.id)?.findings.find((f) => f.clauseId === '4.2.5.c');
    expect(found?.reason.ja).toContain('市ハザードマップ');
  });

  it('wants media with class II or above kept where fire, heat, water and humidity are kept out (第4 2(5)エ)', async () => {
    const manager = await actorOf(db(), 'S006');
    const fields = mediumFields(ward, { code: 'USB-3E-01', storagePlaceId: cabinet, encrypted: true });
    const usb = await registerMedium(db().ctx(manager), fields);
    expect(await findingsOf(usb.id)).toEqual([]);
    await registerAsset(db().ctx(manager), assetInput(ward, { classification: 2, mediumId: usb.id }));
    expect(await findingsOf(usb.id)).toEqual([['4.2.5.d', false]]);
    const media = await listMediaRegister(db().ctx(manager), { unitId: ward });
    expect(media.find((m) => m.id === usb.id)?.findings[0]?.reason.en).toContain(
      'lacks fire, heat, water, humidity',
    );
    await updateMediumRecord(db().ctx(manager), {
      mediumId: usb.id,
      medium: { ...fields, storagePlaceId: vault },
    });
    expect(await findingsOf(usb.id)).toEqual([['4.2.5.d', true]]);
    // A place that loses a protection fails the media it keeps.
    const director = await actorOf(db(), 'S002');
    await updatePlaceRecord(db().ctx(director), {
      ...placeFields({
        code: 'VAULT-4F',
        name: '医療情報課 耐火保管庫',
        kind: 'vault',
        fireproof: true,
        heatproof: true,
        waterproof: true,
      }),
      placeId: vault,
      retiredOn: null,
    });
    expect(await findingsOf(usb.id)).toEqual([['4.2.5.d', false]]);
    const check = await checkStorage(db().ctx(manager), { unitId: ward, failing: 'true' });
    expect(check.longTermMonths).toBe(12);
    expect(check.rules.map((r) => [r.clauseId, r.checked, r.failing])).toEqual([
      ['4.2.5.b', 2, 0],
      ['4.2.5.c', 1, 0],
      ['4.2.5.d', 1, 1],
    ]);
    expect(check.media.map((m) => m.code)).toEqual(['USB-3E-01']);
  });

  it('shows a unit’s media to its people and hospital-wide roles only', async () => {
    const other = await listMediaRegister(db().ctx(await actorOf(db(), 'S004')), { unitId: ward });
    expect(other).toEqual([]);
    const ciso = await listMediaRegister(db().ctx(await actorOf(db(), 'S001')), { unitId: ward });
    expect(ciso.length).toBeGreaterThan(2);
  });
});
