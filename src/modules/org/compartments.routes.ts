import { z } from 'zod';
import {
  calendarDateSchema,
  contextOf,
  optionalDate,
  optionalText,
  text,
  type MamoriApp,
} from '../../kernel/index.js';
import { addCompartmentMember } from './add-compartment-member.js';
import { closeCompartment } from './close-compartment.js';
import { createCompartment } from './create-compartment.js';
import { listCompartments } from './list-compartments.js';
import { removeCompartmentMember } from './remove-compartment-member.js';
import { renameCompartment } from './rename-compartment.js';

const tags = ['org'];
const id = z.string().min(1).max(64);

/** HTTP for compartments (別領域, 第7 1(1)イ): validate, call the use case, present. */
export const registerCompartmentRoutes = (app: MamoriApp): void => {
  app.get(
    '/api/org/units/:id/compartments',
    {
      config: { action: 'org.read' },
      schema: {
        tags,
        summary: "A unit's compartments (all for who manages them, else one's own)",
        params: z.object({ id }),
      },
    },
    (req) => listCompartments(contextOf(req), { unitId: req.params.id }),
  );
  app.post(
    '/api/org/units/:id/compartments',
    {
      config: { action: 'compartment.manage' },
      schema: {
        tags,
        summary: 'Create a compartment in a section (7-1(1)イ)',
        params: z.object({ id }),
        body: z
          .object({
            nameJa: text(100),
            nameEn: text(200),
            purpose: optionalText(1000),
            validFrom: calendarDateSchema,
          })
          .strict(),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createCompartment(contextOf(req), { ...req.body, unitId: req.params.id })),
  );
  app.put(
    '/api/org/compartments/:id',
    {
      config: { action: 'compartment.manage' },
      schema: {
        tags,
        summary: 'Rename a compartment',
        params: z.object({ id }),
        body: z.object({ nameJa: text(100), nameEn: text(200) }).strict(),
      },
    },
    (req) => renameCompartment(contextOf(req), { ...req.body, compartmentId: req.params.id }),
  );
  app.post(
    '/api/org/compartments/:id/close',
    {
      config: { action: 'compartment.manage' },
      schema: {
        tags,
        summary: 'Close a compartment (its memberships end that day)',
        params: z.object({ id }),
        body: z.object({ validTo: calendarDateSchema, reason: text(500) }).strict(),
      },
    },
    (req) => closeCompartment(contextOf(req), { ...req.body, compartmentId: req.params.id }),
  );
  app.post(
    '/api/org/compartments/:id/members',
    {
      config: { action: 'compartment.manage' },
      schema: {
        tags,
        summary: 'Name a member of a compartment, with dates',
        params: z.object({ id }),
        body: z
          .object({
            employeeNumber: z.string().trim().min(1).max(20),
            startDate: calendarDateSchema,
            endDate: optionalDate,
            note: optionalText(500),
          })
          .strict(),
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await addCompartmentMember(contextOf(req), { ...req.body, compartmentId: req.params.id })),
  );
  app.post(
    '/api/org/compartments/:id/members/:membershipId/end',
    {
      config: { action: 'compartment.manage' },
      schema: {
        tags,
        summary: "End a member's membership on a date",
        params: z.object({ id, membershipId: id }),
        body: z.object({ endDate: calendarDateSchema }).strict(),
      },
    },
    (req) =>
      removeCompartmentMember(contextOf(req), {
        compartmentId: req.params.id,
        membershipId: req.params.membershipId,
        endDate: req.body.endDate,
      }),
  );
};
