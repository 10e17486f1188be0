import { z } from 'zod';
import { contextOf, type MamoriApp, type UseCaseContext } from '../kernel/index.js';
import {
  exportLedgerArchive,
  getEntryProof,
  getLedgerStatus,
  listEntryKinds,
} from '../kernel/ledger/browse.js';
import type { DeploymentKey } from '../kernel/ledger/keys.js';
import {
  addCosignature,
  deploymentKeyLoader,
  getConsistencyProof,
  getInclusionProof,
  getLatestCheckpoint,
  getPublicKeys,
  issueCheckpointNow,
  listLedgerEntries,
  listVerifications,
  verifyLog,
} from '../kernel/ledger/operations.js';
import { ledgerLogs } from '../kernel/ledger/index.js';
import { searchLedgerEntries } from '../modules/records/index.js';

const tags = ['ledger'];
const logParams = z.object({ log: z.enum(ledgerLogs) });
const natural = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const noteType = 'text/plain; charset=utf-8';

/**
 * The ledger over HTTP, the same operations as `mamori ledger …` (第7 1(4)イ, 1(6), 第9 1(6)): checkpoints as
 * C2SP signed-note text, the verifier key, entries with their exact bytes, RFC 9162 proofs, verification runs and
 * auditors' cosignatures. Reading needs `ledger.read`; signing now and verifying need their own permissions.
 */
export const registerLedgerRoutes = (app: MamoriApp, options: { keyFile: string }): void => {
  let loader: (() => Promise<DeploymentKey>) | undefined;
  // Loaded on first use only: reading the ledger never needs the secret key.
  const key = (ctx: UseCaseContext): (() => Promise<DeploymentKey>) => {
    loader ??= deploymentKeyLoader(ctx, options.keyFile);
    return loader;
  };

  app.get(
    '/api/ledger/public-key',
    {
      config: { action: 'ledger.read' },
      schema: { tags, summary: 'The verifier keys of both logs (signed-note form name+keyid+key)' },
    },
    (req) => getPublicKeys(contextOf(req), {}),
  );
  app.get(
    '/api/ledger/:log/checkpoint',
    {
      config: { action: 'ledger.read' },
      schema: {
        tags,
        summary: 'The latest signed checkpoint (C2SP tlog-checkpoint), as text',
        params: logParams,
      },
    },
    async (req, reply) => {
      const checkpoint = await getLatestCheckpoint(contextOf(req), req.params);
      return reply.type(noteType).send(checkpoint.note);
    },
  );
  app.post(
    '/api/ledger/:log/checkpoint',
    {
      config: { action: 'ledger.checkpoint' },
      schema: {
        tags,
        summary: 'Sign a checkpoint now if the log grew; the latest one, as text',
        params: logParams,
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      const { checkpoint, issued } = await issueCheckpointNow(ctx, req.params, key(ctx));
      return reply
        .code(issued ? 201 : 200)
        .type(noteType)
        .send(checkpoint.note);
    },
  );
  app.get(
    '/api/ledger/:log/entries',
    {
      config: { action: 'ledger.read' },
      schema: {
        tags,
        summary: 'Entries [start, end) with their exact bytes in base64 (at most 10,000)',
        params: logParams,
        querystring: z.object({ start: natural, end: natural }),
      },
    },
    async (req) => ({ entries: await listLedgerEntries(contextOf(req), { ...req.params, ...req.query }) }),
  );
  app.get(
    '/api/ledger/:log/proofs/inclusion',
    {
      config: { action: 'ledger.read' },
      schema: {
        tags,
        summary: 'RFC 9162 inclusion proof of an entry in the tree of a given size',
        params: logParams,
        querystring: z.object({ index: natural, size: natural }),
      },
    },
    (req) => getInclusionProof(contextOf(req), { ...req.params, ...req.query }),
  );
  app.get(
    '/api/ledger/:log/proofs/consistency',
    {
      config: { action: 'ledger.read' },
      schema: {
        tags,
        summary: 'RFC 9162 consistency proof between two tree sizes',
        params: logParams,
        querystring: z.object({ from: natural, to: natural }),
      },
    },
    (req) => getConsistencyProof(contextOf(req), { ...req.params, ...req.query }),
  );
  app.post(
    '/api/ledger/:log/verifications',
    {
      config: { action: 'ledger.verify' },
      schema: {
        tags,
        summary: 'Recompute and check the whole log; the run is recorded',
        params: logParams,
      },
    },
    async (req, reply) => {
      const run = await verifyLog(contextOf(req), req.params, { keyFile: options.keyFile });
      return reply.code(201).send(run);
    },
  );
  app.get(
    '/api/ledger/:log/verifications',
    {
      config: { action: 'ledger.read' },
      schema: { tags, summary: 'The latest verification runs', params: logParams },
    },
    (req) => listVerifications(contextOf(req), req.params),
  );
  // The ledger page: each log's state, its entries filtered and paged, an entry's proof as a file.
  app.get(
    '/api/ledger/status',
    {
      config: { action: 'ledger.read' },
      schema: {
        tags,
        summary: 'Each log: size, latest checkpoint with its signer and cosignatures, last verification',
      },
    },
    (req) => getLedgerStatus(contextOf(req), {}),
  );
  app.get(
    '/api/ledger/search',
    {
      config: { action: 'ledger.read' },
      schema: {
        tags,
        summary: 'Entries newest first, filtered by actor, kind, subject and time, a page at a time',
        querystring: z.object({
          log: z.enum(ledgerLogs).optional(),
          actor: z.string().max(200).optional(),
          kind: z.string().max(200).optional(),
          subject: z.string().max(200).optional(),
          from: z.string().max(40).optional(),
          to: z.string().max(40).optional(),
          before: natural.optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
      },
    },
    (req) => searchLedgerEntries(contextOf(req), req.query),
  );
  app.get(
    '/api/ledger/:log/kinds',
    {
      config: { action: 'ledger.read' },
      schema: { tags, summary: 'The kinds of entries in a log', params: logParams },
    },
    (req) => listEntryKinds(contextOf(req), req.params),
  );
  app.get(
    '/api/ledger/:log/entries/:index/proof',
    {
      config: { action: 'ledger.read' },
      schema: {
        tags,
        summary: "An entry's RFC 9162 inclusion proof with the signed checkpoint it proves against (a file)",
        params: logParams.extend({ index: natural }),
      },
    },
    async (req, reply) => {
      const proof = await getEntryProof(contextOf(req), req.params);
      return reply
        .header(
          'content-disposition',
          `attachment; filename="mamori-${proof.log}-${String(proof.leaf_index)}-inclusion-proof.json"`,
        )
        .type('application/json; charset=utf-8')
        .send(`${JSON.stringify(proof, null, 2)}\n`);
    },
  );
  app.get(
    '/api/ledger/export',
    {
      config: { action: 'ledger.read' },
      schema: {
        tags,
        summary: 'The export of `mamori ledger export` as a tar archive, for the standalone verifier',
        querystring: z.object({ log: z.enum([...ledgerLogs, 'all']).optional() }),
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      const { stream } = await exportLedgerArchive(ctx, req.query);
      const day = ctx.clock.now().toISOString().slice(0, 10);
      return reply
        .header('content-disposition', `attachment; filename="mamori-ledger-export-${day}.tar"`)
        .type('application/x-tar')
        .send(stream);
    },
  );
  app.post(
    '/api/ledger/:log/cosignatures',
    {
      config: { action: 'ledger.cosign' },
      schema: {
        tags,
        summary: "Record an auditor's cosignature (c2sp.org/tlog-cosignature) of a stored checkpoint",
        params: logParams,
        body: z.object({ checkpoint: z.string(), cosignerKey: z.string() }).strict(),
      },
    },
    async (req, reply) => {
      const checkpoint = await addCosignature(contextOf(req), { ...req.params, ...req.body });
      return reply.code(201).type(noteType).send(checkpoint.note);
    },
  );
};
