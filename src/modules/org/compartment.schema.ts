import { z } from 'zod';
import { calendarDateSchema, optionalDate, optionalText, text } from '../../kernel/index.js';

/** Compartments (別領域, 第7 1(1)イ): named groups inside a section, with explicit members. */

const id = z.string().min(1).max(64);
const employeeNumber = z.string().trim().min(1).max(20);

const endNotBeforeStart = {
  ja: '終了日は開始日以降にしてください。',
  en: 'The end date must not be before the start date.',
};

export const createCompartmentInput = z
  .object({
    unitId: id,
    nameJa: text(100),
    nameEn: text(200),
    /** What the information is and why only the members may handle it. */
    purpose: optionalText(1000),
    validFrom: calendarDateSchema,
  })
  .strict();

export const renameCompartmentInput = z
  .object({ compartmentId: id, nameJa: text(100), nameEn: text(200) })
  .strict();

export const closeCompartmentInput = z
  .object({ compartmentId: id, validTo: calendarDateSchema, reason: text(500) })
  .strict();

export const addCompartmentMemberInput = z
  .object({
    compartmentId: id,
    employeeNumber,
    startDate: calendarDateSchema,
    endDate: optionalDate,
    note: optionalText(500),
  })
  .strict()
  .refine((r) => r.endDate === null || r.endDate >= r.startDate, {
    path: ['endDate'],
    params: endNotBeforeStart,
  });

export const removeCompartmentMemberInput = z
  .object({ compartmentId: id, membershipId: id, endDate: calendarDateSchema })
  .strict();

export const listCompartmentsInput = z.object({ unitId: id }).strict();

export { endNotBeforeStart };
