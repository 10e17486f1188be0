import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Facilities (第5 1, 4(1)): the device register (機器台帳) — servers, PCs and other terminals, network devices —
 * with how each is installed and fixed (1(1)), its backup power and surge protection (1(2)), its anti-theft fixing
 * (4(1)), its maintenance interval (1(4)ア) and its off-site placement (1(5)); the maintenance, repair and off-site
 * check records (1(4)ア・イ, 1(5)); the disposal and lease-return records with the erasure and who confirmed it
 * (1(6)). Nothing is deleted: a device ends as `disposed` or `returned`.
 */
export const up = async (db: Kysely<unknown>, _dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_tag', 'text', (c) => c.notNull().unique())
    // server | terminal | network | other
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('maker', 'text')
    .addColumn('model', 'text')
    // 所管: the section whose Security Manager is responsible for the device
    .addColumn('owning_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('location', 'text')
    // 記憶媒体を内蔵する機器 (1(4)イ, 1(6)): 0/1
    .addColumn('has_storage', 'integer', (c) => c.notNull().defaultTo(0))
    // 1(1): placed where fire, water, dust, vibration, heat and humidity are kept out; fixed against removal
    .addColumn('environment_protected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fixed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('installation_note', 'text')
    // 1(2)ア・イ: backup power (UPS) and its runtime in minutes, surge protection
    .addColumn('ups', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ups_runtime_minutes', 'integer')
    .addColumn('surge_protection', 'integer', (c) => c.notNull().defaultTo(0))
    // 4(1): wire lock or other anti-theft fixing of a terminal
    .addColumn('anti_theft', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('anti_theft_method', 'text')
    // 1(4)ア: the maker's schedule in months when shorter than the pack's interval; null: the pack's
    .addColumn('maintenance_interval_months', 'integer')
    .addColumn('last_maintained_on', 'text')
    // inUse | underRepair | offsite | disposed | returned
    .addColumn('status', 'text', (c) => c.notNull())
    // 1(5): the CISO's approval of the off-site placement, where, and the last check of its security
    .addColumn('offsite_request_id', 'text')
    .addColumn('offsite_request_ref_no', 'text')
    .addColumn('offsite_location', 'text')
    .addColumn('offsite_approved_at', 'text')
    .addColumn('offsite_check_interval_months', 'integer')
    .addColumn('offsite_checked_on', 'text')
    .addColumn('created_by_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .execute();
  await db.schema.createIndex('devices_unit').on('devices').columns(['owning_unit_id', 'status']).execute();
  await db.schema.createIndex('devices_status').on('devices').columns(['status', 'kind']).execute();

  await db.schema
    .createTable('device_services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    // maintenance | repair | offsiteCheck
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('performed_on', 'text', (c) => c.notNull())
    .addColumn('performed_by', 'text')
    // 1(4)イ: repaired by an outside contractor, and then: erased before, or NDA concluded and confidentiality checked
    .addColumn('outside_contractor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contractor_name', 'text')
    .addColumn('erased', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('erasure_method', 'text')
    .addColumn('nda_concluded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confidentiality_checked', 'integer', (c) => c.notNull().defaultTo(0))
    // the device's storage at the time (the device may change later)
    .addColumn('has_storage', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('recorded_by_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('device_services_device')
    .on('device_services')
    .columns(['device_id', 'performed_on'])
    .execute();
  await db.schema.createIndex('device_services_kind').on('device_services').column('kind').execute();

  await db.schema
    .createTable('device_disposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    // disposal | leaseReturn
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('performed_on', 'text', (c) => c.notNull())
    .addColumn('has_storage', 'integer', (c) => c.notNull())
    // 1(6): noStorage | overwrite | cryptoErase | degauss | physicalDestruction
    .addColumn('erasure_method', 'text', (c) => c.notNull())
    .addColumn('erasure_detail', 'text')
    .addColumn('contractor', 'text')
    .addColumn('certificate', 'text')
    // who confirmed the erasure: a staff member of the hospital
    .addColumn('confirmed_by_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('confirmed_by_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by_staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('device_disposals_device').on('device_disposals').column('device_id').execute();
};
