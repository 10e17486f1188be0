import type SQLite from 'better-sqlite3';

/**
 * The asset registers of the generated hospital (第4), straight into SQLite like the accounts and requests: 60
 * storage places, 1,000 media, 20,000 information assets (the brief's whole-hospital size; a tenth of them copies
 * of another), 4,000 transports, provisions and disposals in the handling log tied to approved requests, 1,000
 * disposal records and 200 publications. Returns the number of assets.
 */
export const insertAssetRegister = (
  db: SQLite.Database,
  staff: readonly { id: string; unit_id: string }[],
  units: readonly { id: string }[],
  at: (daysAgo: number) => string,
): number => {
  const day = (daysAgo: number): string => at(daysAgo).slice(0, 10);
  const place = db.prepare(
    `insert into storage_places (id, code, name, kind, owning_unit_id, fireproof, heatproof, waterproof, humidityproof,
       low_disaster_risk, disaster_risk_basis, created_at, updated_at) values (?, ?, ?, 'cabinet', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const medium = db.prepare(
    `insert into media (id, code, label, kind, removable, owning_unit_id, storage_place_id, purpose, usage, stored_since,
       write_protected, write_protection_method, encrypted, classification, status, created_at, updated_at)
     values (?, ?, ?, 'usbMemory', 1, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  const asset = db.prepare(
    `insert into information_assets (id, code, name, form, owning_unit_id, classification, classification_basis,
       classified_at, origin, source_asset_id, system_name, storage_place_id, medium_id, status, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
  );
  const handling = db.prepare(
    `insert into asset_handlings (id, kind, status, asset_id, subject_name, unit_id, classification, request_id,
       request_ref_no, protection, planned_on, performed_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, 2, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const disposal = db.prepare(
    `insert into asset_disposals (id, record_no, handling_id, request_id, asset_id, subject_name, unit_id, classification,
       method, unrecoverable, sanitization, performed_at, performed_by_staff_id, performed_by_name, recorded_by_staff_id,
       recorded_at) values (?, ?, ?, ?, ?, '廃棄', ?, 2, 'overwrite', 1, '上書き消去', ?, ?, '実施者', ?, ?)`,
  );
  const publication = db.prepare(
    `insert into asset_publications (id, asset_id, unit_id, channel, byte_size, sha256, published_at,
       published_by_staff_id, published_by_name, status, last_checked_at, last_check_ok, updated_at)
     values (?, ?, ?, 'ホームページ', 100, ?, ?, ?, '公表者', 'published', ?, 1, ?)`,
  );
  const assets = 20_000;
  db.transaction(() => {
    units.forEach((u, i) =>
      place.run(
        `pl-${String(i)}`,
        `PL-${String(i)}`,
        '施錠書庫',
        u.id,
        i % 2,
        i % 2,
        i % 2,
        i % 2,
        i % 3 === 0 ? 1 : 0,
        i % 3 === 0 ? 'ハザードマップ' : null,
        at(400),
        at(400),
      ),
    );
    for (let i = 0; i < 1000; i++) {
      const unit = units[i % units.length]?.id ?? '';
      const stored = i % 4 === 0;
      medium.run(
        `md-${String(i)}`,
        `MD-${String(i)}`,
        'USBメモリ',
        unit,
        `pl-${String(i % units.length)}`,
        i % 5 === 0 ? 'backup' : 'working',
        i % 3 === 0 ? 'rare' : 'frequent',
        stored ? day(400 + (i % 300)) : null,
        i % 8 === 0 ? 1 : 0,
        i % 8 === 0 ? 'スイッチ' : null,
        1 + (i % 4),
        stored ? 'stored' : 'inUse',
        at(500),
        at(500),
      );
    }
    for (let i = 0; i < assets; i++) {
      const owner = staff[i % staff.length];
      const copy = i % 10 === 9;
      const level = 1 + (i % 4);
      asset.run(
        `as-${String(i)}`,
        `IA-${String(i).padStart(6, '0')}`,
        `情報資産 ${String(i)}`,
        i % 3 === 0 ? 'paper' : 'electronic',
        owner?.unit_id ?? '',
        copy ? 1 + ((i - 1) % 4) : level,
        copy ? 'inherited' : 'creator',
        at(i % 700),
        copy ? 'copy' : 'created',
        copy ? `as-${String(i - 1)}` : null,
        i % 3 === 0 ? null : '電子カルテ',
        i % 3 === 0 ? `pl-${String(i % units.length)}` : null,
        i % 4 === 0 ? `md-${String(i % 1000)}` : null,
        at(i % 700),
        at(i % 700),
      );
    }
    // Requests req-<n> of the world are typed round-robin; transport is every 5th from 1, disposal from 4.
    for (let i = 0; i < 4000; i++) {
      const n = i % 1000;
      const disposed = i % 4 === 3;
      const request = disposed ? `req-${String(n * 5 + 4)}` : `req-${String(n * 5 + 1)}`;
      const kind = disposed ? 'disposal' : i % 4 === 0 ? 'provision' : 'transport';
      const unit = staff[i % staff.length]?.unit_id ?? '';
      handling.run(
        `hd-${String(i)}`,
        kind,
        'done',
        `as-${String(i * 5)}`,
        '情報資産',
        unit,
        request,
        `R-${String(i)}`,
        kind === 'disposal' ? null : 'encrypted',
        day(i % 300),
        at(i % 300),
        at(i % 300),
        at(i % 300),
      );
      if (disposed && i < 4000) {
        const who = staff[i % staff.length]?.id ?? '';
        disposal.run(
          `dp-${String(i)}`,
          `D-${String(i)}`,
          `hd-${String(i)}`,
          request,
          `as-${String(i * 5)}`,
          unit,
          at(i % 300),
          who,
          who,
          at(i % 300),
        );
      }
    }
    for (let i = 0; i < 200; i++) {
      const who = staff[i % staff.length];
      publication.run(
        `pb-${String(i)}`,
        `as-${String(i * 4 + 2)}`,
        who?.unit_id ?? '',
        'a'.repeat(64),
        at(i % 100),
        who?.id ?? '',
        at(i % 30),
        at(i % 30),
      );
    }
  })();
  return assets;
};
