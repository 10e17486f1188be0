import { z } from 'zod';
import { contextOf, optionalText, type MamoriApp } from '../../kernel/index.js';
import {
  assetFilters,
  checkPublicationInput,
  classificationSchema,
  deriveAssetInput,
  eraseDraftInput,
  publishAssetInput,
  reclassifyAssetInput,
  registerAssetInput,
  updateAssetInput,
} from './assets.schema.js';
import { checkPublication } from './check-publication.js';
import { deriveAsset } from './derive-asset.js';
import { eraseDraft } from './erase-draft.js';
import { getAsset } from './get-asset.js';
import { listAssets } from './list-assets.js';
import { publishAsset } from './publish-asset.js';
import { reclassifyAsset } from './reclassify-asset.js';
import { registerAsset } from './register-asset.js';
import { requestClassificationRuling } from './request-ruling.js';
import { updateAssetRecord } from './update-asset.js';

const tags = ['assets'];
const idParams = z.strictObject({ id: z.string().min(1).max(64) });

/**
 * HTTP for the asset register (第4 2(1)–(4), 2(7)ウ): validate, call the use case, present. A route about one asset
 * names the record action the use case decides on it (`information.read`, `information.update`: its unit, class,
 * compartment, 7-1(1)); the others name the register's own actions.
 */
export const registerAssetRoutes = (app: MamoriApp): void => {
  app.get(
    '/api/assets',
    {
      config: { action: 'assets.read' },
      schema: {
        tags,
        summary: 'The asset register, filtered (only what the reader may see)',
        querystring: assetFilters,
      },
    },
    (req) => listAssets(contextOf(req), req.query),
  );
  app.post(
    '/api/assets',
    {
      config: { action: 'assets.register' },
      schema: {
        tags,
        summary: 'Register information created or obtained (4-2(2)イ, 4-2(3))',
        body: registerAssetInput,
      },
    },
    async (req, reply) => reply.code(201).send(await registerAsset(contextOf(req), req.body)),
  );
  app.get(
    '/api/assets/:id',
    {
      config: { action: 'information.read' },
      schema: { tags, summary: 'An asset with its history', params: idParams },
    },
    (req) => getAsset(contextOf(req), { assetId: req.params.id }),
  );
  app.put(
    '/api/assets/:id',
    {
      config: { action: 'information.update' },
      schema: {
        tags,
        summary: 'Change where it lives, its retention; finish a draft',
        params: idParams,
        body: updateAssetInput.omit({ assetId: true }),
      },
    },
    (req) => updateAssetRecord(contextOf(req), { ...req.body, assetId: req.params.id }),
  );
  app.post(
    '/api/assets/:id/derive',
    {
      config: { action: 'assets.register' },
      schema: {
        tags,
        summary: 'Register a copy or transmission, which inherits the classification (4-2(1)イ)',
        params: idParams,
        body: deriveAssetInput.omit({ sourceAssetId: true }),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await deriveAsset(contextOf(req), { ...req.body, sourceAssetId: req.params.id })),
  );
  app.post(
    '/api/assets/:id/reclassify',
    {
      config: { action: 'information.update' },
      schema: {
        tags,
        summary: "The Security Manager's reclassification (4-2(1)ア)",
        params: idParams,
        body: reclassifyAssetInput.omit({ assetId: true }),
      },
    },
    (req) => reclassifyAsset(contextOf(req), { ...req.body, assetId: req.params.id }),
  );
  app.post(
    '/api/assets/:id/erase',
    {
      config: { action: 'information.update' },
      schema: {
        tags,
        summary: 'Erase a draft no longer needed, with the record (4-2(2)ウ)',
        params: idParams,
        body: eraseDraftInput.omit({ assetId: true }),
      },
    },
    (req) => eraseDraft(contextOf(req), { ...req.body, assetId: req.params.id }),
  );
  app.post(
    '/api/assets/:id/ruling',
    {
      config: { action: 'information.update' },
      schema: {
        tags,
        summary: 'Ask the Security Manager again about an unclear classification (4-2(3)ウ)',
        params: idParams,
        body: z.strictObject({ proposedClassification: classificationSchema, question: optionalText(1000) }),
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await requestClassificationRuling(contextOf(req), { ...req.body, assetId: req.params.id })),
  );
  app.post(
    '/api/assets/:id/publications',
    {
      config: { action: 'information.update' },
      schema: {
        tags,
        summary: 'Record a publication to residents with the digest of what was published (4-2(7)ウ)',
        params: idParams,
        body: publishAssetInput.omit({ assetId: true }),
      },
      bodyLimit: 32 * 1024 * 1024,
    },
    async (req, reply) =>
      reply.code(201).send(await publishAsset(contextOf(req), { ...req.body, assetId: req.params.id })),
  );
  app.post(
    '/api/assets/publications/:id/check',
    {
      config: { action: 'information.update' },
      schema: {
        tags,
        summary: 'Check what residents see against the recorded digest (4-2(7)ウ)',
        params: idParams,
        body: checkPublicationInput.omit({ publicationId: true }),
      },
      bodyLimit: 32 * 1024 * 1024,
    },
    (req) => checkPublication(contextOf(req), { ...req.body, publicationId: req.params.id }),
  );
};
