import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Information assets (第4): the places where media and paper are kept, with their protections (4-2(5)); the media
 * register; the asset register (classification I–IV as 1–4, where each asset lives, its origin and source); the
 * handling log (transport, provision, publication and its checks, copies, rulings, erased drafts); the disposal
 * records (4-2(8)ウ) and the publications to residents with the digest of what was published (4-2(7)ウ). Nothing is
 * deleted: assets end as `erased` or `disposed`, places with `retired_on`.
 */
export const up = async (db: Kysely<unknown>, _dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('storage_places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    // room | vault | cabinet | offsite | dataCentre | other
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owning_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('location', 'text')
    // 4-2(5)エ: fire, heat, water and humidity protection, each 0/1
    .addColumn('fireproof', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('heatproof', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waterproof', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('humidityproof', 'integer', (c) => c.notNull().defaultTo(0))
    // 4-2(5)ウ: a site with a low risk of natural disaster, and what that judgement rests on
    .addColumn('low_disaster_risk', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disaster_risk_basis', 'text')
    .addColumn('assessed_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('retired_on', 'text')
    .execute();

  await db.schema
    .createTable('media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    // usbMemory | externalDisk | opticalDisc | tape | sdCard | internalDisk | paper | other
    .addColumn('kind', 'text', (c) => c.notNull())
    // 外部記録媒体: 0/1
    .addColumn('removable', 'integer', (c) => c.notNull())
    .addColumn('owning_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('storage_place_id', 'text', (c) => c.references('storage_places.id'))
    // working | backup | archive | transfer
    .addColumn('purpose', 'text', (c) => c.notNull())
    // frequent | rare (4-2(5)ウ)
    .addColumn('usage', 'text', (c) => c.notNull())
    // The day it was put away: long-term storage is counted from here (4-2(5)イ・ウ).
    .addColumn('stored_since', 'text')
    .addColumn('write_protected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('write_protected_on', 'text')
    .addColumn('write_protection_method', 'text')
    .addColumn('encrypted', 'integer', (c) => c.notNull().defaultTo(0))
    // The most sensitive classification of what it holds (4-2(4)ウ); null when empty. Kept by the module.
    .addColumn('classification', 'integer')
    // inUse | stored | disposed | lost
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('disposed_at', 'text')
    .execute();
  await db.schema.createIndex('media_unit').on('media').columns(['owning_unit_id', 'status']).execute();
  await db.schema.createIndex('media_place').on('media').column('storage_place_id').execute();

  await db.schema
    .createTable('information_assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    // electronic | paper
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('owning_unit_id', 'text', (c) => c.notNull().references('units.id'))
    // A compartment inside the section (7-1(1)イ); the access kernel owns compartments, so no foreign key here.
    .addColumn('compartment_id', 'text')
    // 1 (I, most sensitive) … 4 (IV); required from creation (4-2(2)イ)
    .addColumn('classification', 'integer', (c) => c.notNull())
    // creator | source | onReceipt | provisional | ruling | inherited | reclassified | imported
    .addColumn('classification_basis', 'text', (c) => c.notNull())
    .addColumn('classified_by_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('classified_at', 'text', (c) => c.notNull())
    // created | receivedInside | receivedOutside | copy | transmission | imported
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('source_asset_id', 'text', (c) => c.references('information_assets.id'))
    .addColumn('source_party', 'text')
    .addColumn('received_on', 'text')
    // Where it lives: an information system, a storage place, a medium (any that apply).
    .addColumn('system_name', 'text')
    .addColumn('storage_place_id', 'text', (c) => c.references('storage_places.id'))
    .addColumn('medium_id', 'text', (c) => c.references('media.id'))
    .addColumn('retain_until', 'text')
    .addColumn('retention_note', 'text')
    // draft | active | disposed | erased
    .addColumn('status', 'text', (c) => c.notNull())
    // The request to the Security Manager when the class was unclear on receipt (4-2(3)ウ).
    .addColumn('ruling_request_id', 'text', (c) => c.references('approval_requests.id'))
    .addColumn('created_by_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('created_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .addColumn('erased_by_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('erase_reason', 'text')
    .addColumn('disposed_at', 'text')
    .execute();
  await db.schema
    .createIndex('information_assets_unit')
    .on('information_assets')
    .columns(['owning_unit_id', 'status'])
    .execute();
  await db.schema
    .createIndex('information_assets_class')
    .on('information_assets')
    .columns(['classification', 'status'])
    .execute();
  await db.schema
    .createIndex('information_assets_medium')
    .on('information_assets')
    .column('medium_id')
    .execute();
  await db.schema
    .createIndex('information_assets_source')
    .on('information_assets')
    .column('source_asset_id')
    .execute();

  await db.schema
    .createTable('asset_handlings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // transport | provision | publication | publicationCheck | disposal | receipt | copy | transmission |
    // draftErased | classificationRuled | reclassified
    .addColumn('kind', 'text', (c) => c.notNull())
    // approved (permitted, not yet carried out) | done | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('asset_id', 'text', (c) => c.references('information_assets.id'))
    .addColumn('medium_id', 'text', (c) => c.references('media.id'))
    .addColumn('subject_name', 'text', (c) => c.notNull())
    // The owning unit at the time (filters and compliance by unit).
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('classification', 'integer')
    .addColumn('request_id', 'text', (c) => c.references('approval_requests.id'))
    .addColumn('request_ref_no', 'text')
    .addColumn('applicant_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('performed_by_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('performed_by_name', 'text')
    .addColumn('origin', 'text')
    .addColumn('destination', 'text')
    .addColumn('counterparty', 'text')
    // lockedCase | encrypted | password | none (4-2(6)イ, 4-2(7)イ)
    .addColumn('protection', 'text')
    .addColumn('planned_on', 'text')
    .addColumn('performed_at', 'text')
    // JSON: what else the kind records (method, digests, reason…)
    .addColumn('detail', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('asset_handlings_kind')
    .on('asset_handlings')
    .columns(['kind', 'created_at'])
    .execute();
  await db.schema
    .createIndex('asset_handlings_unit')
    .on('asset_handlings')
    .columns(['unit_id', 'created_at'])
    .execute();
  await db.schema.createIndex('asset_handlings_asset').on('asset_handlings').column('asset_id').execute();
  await db.schema.createIndex('asset_handlings_request').on('asset_handlings').column('request_id').execute();

  await db.schema
    .createTable('asset_disposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_no', 'text', (c) => c.notNull().unique())
    .addColumn('handling_id', 'text', (c) => c.notNull().references('asset_handlings.id'))
    // Every disposal has its permission (4-2(8)ア).
    .addColumn('request_id', 'text', (c) => c.notNull().references('approval_requests.id'))
    .addColumn('asset_id', 'text', (c) => c.references('information_assets.id'))
    .addColumn('medium_id', 'text', (c) => c.references('media.id'))
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('classification', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    // 4-2(8)イ: the method leaves nothing recoverable (0/1), and how
    .addColumn('unrecoverable', 'integer', (c) => c.notNull())
    .addColumn('sanitization', 'text')
    // 4-2(8)ウ: date and time, person, what was done
    .addColumn('performed_at', 'text', (c) => c.notNull())
    .addColumn('performed_by_staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('performed_by_name', 'text', (c) => c.notNull())
    .addColumn('witness_name', 'text')
    .addColumn('contractor', 'text')
    .addColumn('contractor_certificate', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by_staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('asset_disposals_unit')
    .on('asset_disposals')
    .columns(['unit_id', 'performed_at'])
    .execute();

  await db.schema
    .createTable('asset_publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('information_assets.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    // Where residents see it: the web page, the notice board, the counter…
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    // SHA-256 (hex) of exactly what was published (4-2(7)ウ)
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by_staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('published_by_name', 'text', (c) => c.notNull())
    // published | altered | withdrawn
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_checked_at', 'text')
    .addColumn('last_check_ok', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('asset_publications_asset')
    .on('asset_publications')
    .column('asset_id')
    .execute();

  await db.schema
    .createTable('asset_counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
};
