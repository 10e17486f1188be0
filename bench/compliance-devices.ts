import type SQLite from 'better-sqlite3';

/**
 * The device register of the generated hospital (第5 1, 4(1)), straight into SQLite like the asset registers: 5,000
 * devices across the units (600 servers, 400 network devices, 3,700 PCs and other terminals, 300 others; 100 of
 * them placed off-site on an approved request, 200 disposed of or returned), with gaps so that every clause has
 * met and failing records: some not fixed, without UPS or surge protection, overdue for maintenance, terminals
 * without a wire lock; 3,000 maintenance records, 600 outside repairs of devices with storage (a few without an
 * NDA) and 200 disposal or lease-return records (a few without the contractor's certificate). Returns the number of
 * devices.
 */
export const insertDeviceRegister = (
  db: SQLite.Database,
  staff: readonly { id: string; unit_id: string }[],
  units: readonly { id: string }[],
  at: (daysAgo: number) => string,
): number => {
  const day = (daysAgo: number): string => at(daysAgo).slice(0, 10);
  const device = db.prepare(
    `insert into devices (id, asset_tag, kind, name, maker, model, owning_unit_id, location, has_storage,
       environment_protected, fixed, ups, ups_runtime_minutes, surge_protection, anti_theft, anti_theft_method,
       maintenance_interval_months, last_maintained_on, status, offsite_request_id, offsite_request_ref_no,
       offsite_location, offsite_approved_at, offsite_check_interval_months, offsite_checked_on, created_by_staff_id,
       created_at, updated_at, ended_on)
     values (?, ?, ?, ?, 'ベンチ製作所', 'BX-1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const service = db.prepare(
    `insert into device_services (id, device_id, kind, performed_on, performed_by, outside_contractor, contractor_name,
       erased, erasure_method, nda_concluded, confidentiality_checked, has_storage, note, recorded_by_staff_id, created_at)
     values (?, ?, ?, ?, '保守業者', ?, ?, ?, ?, ?, ?, ?, null, ?, ?)`,
  );
  const disposal = db.prepare(
    `insert into device_disposals (id, device_id, kind, performed_on, has_storage, erasure_method, erasure_detail,
       contractor, certificate, confirmed_by_staff_id, confirmed_by_name, note, recorded_by_staff_id, created_at)
     values (?, ?, ?, ?, 1, ?, '全領域を上書き', ?, ?, ?, '確認者', null, ?, ?)`,
  );
  const devices = 5000;
  const kindOf = (i: number): string =>
    i % 50 < 6 ? 'server' : i % 50 < 10 ? 'network' : i % 50 < 47 ? 'terminal' : 'other';
  db.transaction(() => {
    for (let i = 0; i < devices; i++) {
      const kind = kindOf(i);
      const unit = units[i % units.length]?.id ?? '';
      const who = staff[i % staff.length]?.id ?? null;
      const ended = i % 25 === 24;
      const offsite = !ended && i % 50 === 7;
      const ups = i % 9 !== 0;
      device.run(
        `dv-${String(i)}`,
        `DV-${String(i).padStart(5, '0')}`,
        kind,
        `${kind} ${String(i)}`,
        unit,
        i % 31 === 0 ? null : `本館${String(1 + (i % 8))}階`,
        kind === 'network' ? 0 : 1,
        i % 17 === 0 ? 0 : 1,
        i % 13 === 0 ? 0 : 1,
        ups ? 1 : 0,
        ups ? (i % 7 === 0 ? 5 : 15) : null,
        i % 11 === 0 ? 0 : 1,
        kind === 'terminal' && i % 19 !== 0 ? 1 : 0,
        kind === 'terminal' && i % 19 !== 0 ? 'ワイヤーロック' : null,
        i % 10 === 0 ? 6 : null,
        i % 23 === 0 ? null : day(30 + (i % 400)),
        ended ? (i % 2 === 0 ? 'disposed' : 'returned') : offsite ? 'offsite' : 'inUse',
        offsite ? `req-${String(i)}` : null,
        offsite ? `R-${String(i).padStart(6, '0')}` : null,
        offsite ? '遠隔地データセンター' : null,
        offsite ? at(300) : null,
        offsite ? 6 : null,
        offsite ? day(i % 250) : null,
        who,
        at(800),
        at(10),
        ended ? day(i % 200) : null,
      );
    }
    for (let i = 0; i < 3000; i++) {
      const d = (i * 7) % devices;
      service.run(
        `sv-m-${String(i)}`,
        `dv-${String(d)}`,
        'maintenance',
        day(30 + (i % 400)),
        0,
        null,
        0,
        null,
        0,
        0,
        1,
        staff[i % staff.length]?.id ?? null,
        at(30),
      );
    }
    for (let i = 0; i < 600; i++) {
      const d = (i * 11) % devices;
      const erased = i % 3 === 0;
      service.run(
        `sv-r-${String(i)}`,
        `dv-${String(d)}`,
        'repair',
        day(i % 365),
        1,
        'ベンチ修理サービス',
        erased ? 1 : 0,
        erased ? '上書き消去' : null,
        erased ? 0 : 1,
        erased || i % 41 !== 0 ? 1 : 0,
        1,
        staff[i % staff.length]?.id ?? null,
        at(i % 365),
      );
    }
    for (let i = 24, n = 0; i < devices; i += 25, n++) {
      const who = staff[n % staff.length]?.id ?? null;
      disposal.run(
        `dd-${String(n)}`,
        `dv-${String(i)}`,
        i % 2 === 0 ? 'disposal' : 'leaseReturn',
        day(i % 200),
        n % 3 === 0 ? 'physicalDestruction' : 'overwrite',
        'ベンチ処分センター',
        n % 37 === 0 ? null : `CERT-${String(n)}`,
        who,
        who,
        at(i % 200),
      );
    }
  })();
  return devices;
};
