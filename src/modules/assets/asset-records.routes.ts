import { z } from 'zod';
import { contextOf, type MamoriApp } from '../../kernel/index.js';
import {
  completeHandlingInput,
  disposalFilters,
  handlingFilters,
  mediumInput,
  placeInput,
  recordDisposalInput,
  recordHandlingInput,
  updatePlaceInput,
} from './assets.schema.js';
import { checkStorage } from './check-storage.js';
import { completeHandling } from './complete-handling.js';
import { getDisposalCertificate } from './disposal-certificate.js';
import { renderDisposalCertificatePdf } from './disposal-certificate-pdf.js';
import { exportRegister, exportRegisterInput } from './export-register.js';
import { importAssetsFile, importAssetsFileInput } from './import-assets-file.js';
import { listDisposalRecords } from './list-disposals.js';
import { listHandlingLog } from './list-handlings.js';
import { listMediaRegister, mediaFilters } from './list-media.js';
import { listStoragePlaces } from './list-places.js';
import { recordDisposal } from './record-disposal.js';
import { recordHandling } from './record-handling.js';
import { registerMedium } from './register-medium.js';
import { registerPlace } from './register-place.js';
import { updateMediumRecord } from './update-medium.js';
import { updatePlaceRecord } from './update-place.js';

const tags = ['assets'];
const idParams = z.strictObject({ id: z.string().min(1).max(64) });

/** HTTP for media, places, storage checks (4-2(5)), the handling log, disposals (4-2(6)–(8)), files. */
export const registerAssetRecordRoutes = (app: MamoriApp): void => {
  app.get(
    '/api/assets/media',
    {
      config: { action: 'assets.read' },
      schema: { tags, summary: 'The media register with its storage findings', querystring: mediaFilters },
    },
    (req) => listMediaRegister(contextOf(req), req.query),
  );
  app.post(
    '/api/assets/media',
    {
      config: { action: 'assets.manage' },
      schema: { tags, summary: 'Register a medium', body: mediumInput },
    },
    async (req, reply) => reply.code(201).send(await registerMedium(contextOf(req), req.body)),
  );
  app.put(
    '/api/assets/media/:id',
    {
      config: { action: 'assets.manage' },
      schema: { tags, summary: "Change a medium's record", params: idParams, body: mediumInput },
    },
    (req) => updateMediumRecord(contextOf(req), { mediumId: req.params.id, medium: req.body }),
  );
  app.get(
    '/api/assets/places',
    {
      config: { action: 'assets.read' },
      schema: {
        tags,
        summary: 'Storage places with their protections',
        querystring: z.strictObject({ includeRetired: z.enum(['true', 'false']).optional() }),
      },
    },
    (req) => listStoragePlaces(contextOf(req), req.query),
  );
  app.post(
    '/api/assets/places',
    {
      config: { action: 'assets.manage' },
      schema: { tags, summary: 'Register a storage place', body: placeInput },
    },
    async (req, reply) => reply.code(201).send(await registerPlace(contextOf(req), req.body)),
  );
  app.put(
    '/api/assets/places/:id',
    {
      config: { action: 'assets.manage' },
      schema: {
        tags,
        summary: 'Change or retire a storage place',
        params: idParams,
        body: updatePlaceInput.omit({ placeId: true }),
      },
    },
    (req) => updatePlaceRecord(contextOf(req), { ...req.body, placeId: req.params.id }),
  );
  app.get(
    '/api/assets/storage-check',
    {
      config: { action: 'assets.read' },
      schema: {
        tags,
        summary: 'The storage checks of 4-2(5) with their evidence',
        querystring: z.strictObject({
          unitId: z.string().max(64).optional(),
          failing: z.enum(['true', 'false']).optional(),
        }),
      },
    },
    (req) => checkStorage(contextOf(req), req.query),
  );
  app.get(
    '/api/assets/handlings',
    {
      config: { action: 'assets.read' },
      schema: { tags, summary: 'The handling log', querystring: handlingFilters },
    },
    (req) => listHandlingLog(contextOf(req), req.query),
  );
  app.post(
    '/api/assets/handlings',
    {
      config: { action: 'assets.register' },
      schema: { tags, summary: 'Log a class III/IV transport or provision', body: recordHandlingInput },
    },
    async (req, reply) => reply.code(201).send(await recordHandling(contextOf(req), req.body)),
  );
  app.post(
    '/api/assets/handlings/:id/complete',
    {
      config: { action: 'assets.register' },
      schema: {
        tags,
        summary: 'Record an approved transport or provision as carried out',
        params: idParams,
        body: completeHandlingInput.omit({ handlingId: true }),
      },
    },
    (req) => completeHandling(contextOf(req), { ...req.body, handlingId: req.params.id }),
  );
  app.get(
    '/api/assets/disposals',
    {
      config: { action: 'assets.read' },
      schema: { tags, summary: 'The disposal records', querystring: disposalFilters },
    },
    (req) => listDisposalRecords(contextOf(req), req.query),
  );
  app.post(
    '/api/assets/disposals',
    {
      config: { action: 'assets.register' },
      schema: {
        tags,
        summary: 'Record an approved disposal: date, person, method (4-2(8)ウ)',
        body: recordDisposalInput,
      },
    },
    async (req, reply) => reply.code(201).send(await recordDisposal(contextOf(req), req.body)),
  );
  app.get(
    '/api/assets/disposals/:id/certificate.pdf',
    {
      config: { action: 'assets.read' },
      schema: { tags, summary: 'The disposal certificate (情報資産廃棄証明書)', params: idParams },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      const certificate = await getDisposalCertificate(ctx, { disposalId: req.params.id });
      const pdf = await renderDisposalCertificatePdf(certificate, { printedAt: ctx.clock.now() });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="disposal-${certificate.recordNo}.pdf"`)
        .send(pdf);
    },
  );
  app.get(
    '/api/assets/exports',
    {
      config: { action: 'assets.read' },
      schema: {
        tags,
        summary: 'A register as Excel or PDF, with the screen’s filters',
        querystring: exportRegisterInput,
      },
    },
    async (req, reply) => {
      const file = await exportRegister(contextOf(req), req.query);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
  app.post(
    '/api/assets/import',
    {
      config: { action: 'assets.import' },
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import an asset register from CSV or Excel (dry run first; per-row errors write nothing)',
        querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).default('true') }),
        body: importAssetsFileInput,
      },
    },
    (req) => importAssetsFile(contextOf(req), req.body, req.query.dryRun === 'true'),
  );
};
