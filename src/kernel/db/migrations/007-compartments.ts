import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Compartments (別領域, 第7 1(1)イ): named groups inside a section whose information only their members may
 * handle, and their members with dates. Nothing is deleted: a compartment closes (`valid_to`), a membership ends
 * (`end_date`).
 */
export const up = async (db: Kysely<unknown>, _dialect: Dialect): Promise<void> => {
  await db.schema
    .createTable('compartments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    // what the compartment's information is, and why only its members may handle it
    .addColumn('purpose', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('compartments_unit').on('compartments').column('unit_id').execute();

  await db.schema
    .createTable('compartment_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('compartment_members_compartment')
    .on('compartment_members')
    .column('compartment_id')
    .execute();
  // A session reads the compartments of one person on every request.
  await db.schema
    .createIndex('compartment_members_staff')
    .on('compartment_members')
    .column('staff_id')
    .execute();
};
