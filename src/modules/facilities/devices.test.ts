import { beforeAll, expect, it } from 'vitest';
import { decideStep, submitRequest } from '../../kernel/index.js';
import { describeEachDialect } from '../../../test/db-harness.js';
import { deviceFields, terminalFields } from '../../../test/factories/facilities.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { actorOf, rejectionOf, seedSmallHospital, unitIdOf } from '../../../test/approvals/fixtures.js';
import {
  disposeDevice,
  getDevice,
  listDevices,
  recordMaintenance,
  recordRepair,
  registerDevice,
  updateDeviceRecord,
} from './index.js';

/** The device register (第5 1, 4(1)): S006 is the Security Manager of 3階東病棟, S007 a nurse there. */
describeEachDialect('facilities: the device register and its records (第5 1)', (db) => {
  let ward = '';

  beforeAll(async () => {
    await seedSmallHospital(db());
    ward = await unitIdOf(db(), 'KANGO-3E');
  });

  it('registers a device for the unit one keeps, with its ledger entry; others are refused and nothing is written (第5 1(1))', async () => {
    const manager = await actorOf(db(), 'S006');
    const before = await auditSize(db().handle);
    const server = await registerDevice(db().ctx(manager), deviceFields(ward, { assetTag: 'SV-3E-01' }));
    const [entry] = await auditEntries(db().handle, before);
    expect(entry).toMatchObject({
      kind: 'facilities.device.registered',
      subject: `device:${server.id}`,
      payload: { assetTag: 'SV-3E-01', kind: 'server', fixed: true, ups: true, upsRuntimeMinutes: 15 },
    });
    const after = await auditSize(db().handle);
    await rejectionOf(registerDevice(db().ctx(await actorOf(db(), 'S004')), deviceFields(ward)), 'forbidden');
    await rejectionOf(registerDevice(db().ctx(await actorOf(db(), 'S007')), deviceFields(ward)), 'forbidden');
    const twice = await rejectionOf(
      registerDevice(db().ctx(manager), deviceFields(ward, { assetTag: 'SV-3E-01' })),
      'conflict',
    );
    expect(twice.issues[0]?.field).toBe('assetTag');
    expect(twice.userMessage.ja).toContain('SV-3E-01');
    expect(await auditSize(db().handle)).toBe(after);
  });

  it('asks for the backup power’s runtime and the anti-theft method, naming the field and the clause (第5 1(2)ア, 4(1))', async () => {
    const manager = await actorOf(db(), 'S006');
    const ups = await rejectionOf(
      registerDevice(db().ctx(manager), deviceFields(ward, { upsRuntimeMinutes: null })),
      'validation',
    );
    expect(ups.issues[0]?.field).toBe('upsRuntimeMinutes');
    expect(ups.issues[0]?.message.ja).toContain('第5 1(2)ア');
    expect(ups.issues[0]?.message.en).toContain('minutes');
    const lock = await rejectionOf(
      registerDevice(db().ctx(manager), terminalFields(ward, { antiTheftMethod: null })),
      'validation',
    );
    expect(lock.issues[0]?.field).toBe('antiTheftMethod');
    expect(lock.issues[0]?.message.ja).toContain('第5 4(1)');
  });

  it('changes a device keeping the previous values in the entry, and records maintenance moving the last date forward (第5 1(4)ア)', async () => {
    const manager = await actorOf(db(), 'S006');
    const fields = deviceFields(ward, { kind: 'network', name: 'フロアスイッチ', lastMaintainedOn: null });
    const sw = await registerDevice(db().ctx(manager), fields);
    let before = await auditSize(db().handle);
    await updateDeviceRecord(db().ctx(manager), {
      deviceId: sw.id,
      device: { ...fields, location: '3階 EPS 施錠ラック' },
    });
    const [updated] = await auditEntries(db().handle, before);
    expect(updated).toMatchObject({
      kind: 'facilities.device.updated',
      payload: { location: '3階 EPS 施錠ラック', previous: { location: '本館4階 サーバ室 ラック2' } },
    });
    const future = await rejectionOf(
      recordMaintenance(db().ctx(manager), { deviceId: sw.id, performedOn: '2026-05-01' }),
      'validation',
    );
    expect(future.issues[0]?.field).toBe('performedOn');
    before = await auditSize(db().handle);
    await recordMaintenance(db().ctx(manager), {
      deviceId: sw.id,
      performedOn: '2026-03-10',
      performedBy: '保守業者 テストネットワークス',
    });
    await recordMaintenance(db().ctx(manager), { deviceId: sw.id, performedOn: '2025-09-01' });
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual([
      'facilities.device.maintained',
      'facilities.device.maintained',
    ]);
    expect(entries[0]?.payload).toMatchObject({ performedOn: '2026-03-10', clause: '5.1.4.a' });
    const device = await getDevice(db().ctx(manager), { deviceId: sw.id });
    expect(device.lastMaintainedOn).toBe('2026-03-10');
    expect(device.services.map((s) => s.performedOn)).toEqual(['2026-03-10', '2025-09-01']);
    expect(device.history.map((h) => h.kind)).toContain('facilities.device.updated');
  });

  it('sends a device with storage to an outside repairer only erased, or under an NDA after checking the repairer (第5 1(4)イ)', async () => {
    const manager = await actorOf(db(), 'S006');
    const server = await registerDevice(db().ctx(manager), deviceFields(ward));
    const base = { deviceId: server.id, performedOn: '2026-03-20', contractorName: 'テスト修理サービス' };
    const before = await auditSize(db().handle);
    const bare = await rejectionOf(recordRepair(db().ctx(manager), base), 'validation');
    expect(bare.issues[0]?.field).toBe('erased');
    expect(bare.issues[0]?.message.ja).toContain('第5 1(4)イ');
    const ndaOnly = await rejectionOf(
      recordRepair(db().ctx(manager), { ...base, ndaConcluded: true }),
      'validation',
    );
    expect(ndaOnly.issues[0]?.field).toBe('confidentialityChecked');
    const noName = await rejectionOf(
      recordRepair(db().ctx(manager), {
        ...base,
        contractorName: null,
        erased: true,
        erasureMethod: '上書き消去',
      }),
      'validation',
    );
    expect(noName.issues[0]?.field).toBe('contractorName');
    expect(await auditSize(db().handle)).toBe(before);
    await recordRepair(db().ctx(manager), { ...base, ndaConcluded: true, confidentialityChecked: true });
    const [entry] = await auditEntries(db().handle, before);
    expect(entry).toMatchObject({
      kind: 'facilities.device.repaired',
      subject: `device:${server.id}`,
      payload: { hasStorage: true, erased: false, ndaConcluded: true, confidentialityChecked: true },
    });
  });

  it('disposes of a device only with its storage erased beyond recovery, and keeps no more records of it (第5 1(6))', async () => {
    const manager = await actorOf(db(), 'S006');
    const pc = await registerDevice(db().ctx(manager), terminalFields(ward));
    const base = { deviceId: pc.id, kind: 'leaseReturn' as const, performedOn: '2026-03-31' };
    const before = await auditSize(db().handle);
    const unerased = await rejectionOf(
      disposeDevice(db().ctx(manager), { ...base, erasureMethod: 'noStorage' }),
      'validation',
    );
    expect(unerased.issues[0]?.field).toBe('erasureMethod');
    expect(unerased.issues[0]?.message.ja).toContain('第5 1(6)');
    expect(await auditSize(db().handle)).toBe(before);
    const done = await disposeDevice(db().ctx(manager), {
      ...base,
      erasureMethod: 'overwrite',
      contractor: 'テストリース',
      certificate: 'CERT-0001',
    });
    expect(done.status).toBe('returned');
    const [entry] = await auditEntries(db().handle, before);
    expect(entry).toMatchObject({
      kind: 'facilities.device.returned',
      payload: { erasureMethod: 'overwrite', certificate: 'CERT-0001', confirmedBy: '病棟 六子' },
    });
    await rejectionOf(
      recordMaintenance(db().ctx(manager), { deviceId: pc.id, performedOn: '2026-03-31' }),
      'conflict',
    );
  });

  it('places a device off-site on the CISO’s approval, then records its security checks (第5 1(5))', async () => {
    const manager = await actorOf(db(), 'S006');
    const server = await registerDevice(db().ctx(manager), deviceFields(ward, { assetTag: 'SV-3E-DR' }));
    const form = {
      device: '（台帳から）',
      location: '遠隔地データセンター',
      startDate: '2026-04-10',
      measures: '施錠ラック、入館管理',
      checkIntervalMonths: 6,
      purpose: '災害対策',
    };
    await rejectionOf(
      submitRequest(db().ctx(await actorOf(db(), 'S004')), {
        draft: { typeId: 'facilities.offsitePlacement', form, resourceRef: `device:${server.id}` },
      }),
      'forbidden',
    );
    const submitted = await submitRequest(db().ctx(manager), {
      draft: { typeId: 'facilities.offsitePlacement', form, resourceRef: `device:${server.id}` },
    });
    await rejectionOf(
      recordMaintenance(db().ctx(manager), {
        deviceId: server.id,
        kind: 'offsiteCheck',
        performedOn: '2026-04-01',
      }),
      'validation',
    );
    const before = await auditSize(db().handle);
    await decideStep(db().ctx(await actorOf(db(), 'S001')), { requestId: submitted.id, decision: 'approve' });
    const placed = (await auditEntries(db().handle, before)).find(
      (e) => e.kind === 'facilities.device.placedOffsite',
    );
    expect(placed).toMatchObject({
      subject: `device:${server.id}`,
      payload: {
        assetTag: 'SV-3E-DR',
        location: '遠隔地データセンター',
        checkIntervalMonths: 6,
        clause: '5.1.5',
      },
    });
    const device = await getDevice(db().ctx(manager), { deviceId: server.id });
    expect(device.status).toBe('offsite');
    expect(device.offsite).toMatchObject({ requestRefNo: submitted.refNo, location: '遠隔地データセンター' });
    await recordMaintenance(db().ctx(manager), {
      deviceId: server.id,
      kind: 'offsiteCheck',
      performedOn: '2026-04-01',
    });
    const checked = await getDevice(db().ctx(manager), { deviceId: server.id });
    expect(checked.offsite?.checkedOn).toBe('2026-04-01');
    // Brought back: in use again, the placement only in the history.
    await updateDeviceRecord(db().ctx(manager), {
      deviceId: server.id,
      device: deviceFields(ward, { assetTag: 'SV-3E-DR' }),
      status: 'inUse',
    });
    const back = await getDevice(db().ctx(manager), { deviceId: server.id });
    expect([back.status, back.offsite]).toEqual(['inUse', null]);
    expect(back.history.map((h) => h.kind)).toContain('facilities.device.placedOffsite');
  });

  it('shows a unit’s devices to its people and hospital-wide roles only, filtered by kind and status', async () => {
    const other = await listDevices(db().ctx(await actorOf(db(), 'S004')), { unitId: ward });
    expect(other.total).toBe(0);
    const nurse = await listDevices(db().ctx(await actorOf(db(), 'S007')), { kind: 'server' });
    expect(nurse.total).toBeGreaterThan(1);
    expect(nurse.items.every((d) => d.kind === 'server' && d.owningUnit.nameJa === '3階東病棟')).toBe(true);
    const returned = await listDevices(db().ctx(await actorOf(db(), 'S001')), { status: 'returned' });
    expect(returned.items.map((d) => d.kind)).toEqual(['terminal']);
    await rejectionOf(
      getDevice(db().ctx(await actorOf(db(), 'S004')), { deviceId: returned.items[0]?.id ?? '' }),
      'forbidden',
    );
  });
});
