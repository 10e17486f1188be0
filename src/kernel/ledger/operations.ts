import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { requirePermission } from '../access/index.js';
import type { Config } from '../config/index.js';
import { AppError, parseOrThrow, validationError } from '../errors/index.js';
import { newId } from '../ids.js';
import { defineQuery, defineUseCase, type UseCaseContext } from '../usecase/index.js';
import {
  issueCheckpoint,
  latestCheckpoint,
  recordCosignature,
  type StoredCheckpoint,
} from './checkpoints.js';
import {
  loadOrCreateDeploymentKey,
  logVerifierKey,
  parseVerifierKeyOption,
  readSignerKeyFile,
  registeredDeploymentKey,
  type DeploymentKey,
} from './keys.js';
import { SIG_COSIGNATURE_V1, SIG_ED25519, parseVerifierKey, type VerifierKey } from './note.js';
import { ledgerSize } from './read-entries.js';
import { consistencyProof, inclusionProof } from './tree-store.js';
import { ledgerLogs, type LedgerLog } from './types.js';
import { verifyLedger, type VerifyResult } from './verify.js';

/**
 * The ledger's operations for people: each validates its input, checks the actor's permission, and is the same
 * for the CLI and HTTP. Not exported from the ledger's index (they use the use-case wrapper, which appends).
 */

/** Where the deployment key lives: MAMORI_LEDGER_KEY_FILE, or <dataDir>/ledger-ed25519.key. */
export const ledgerKeyFileOf = (config: Pick<Config, 'dataDir' | 'ledgerKeyFile'>): string =>
  config.ledgerKeyFile ?? join(config.dataDir, 'ledger-ed25519.key');

const logField = z.enum(ledgerLogs).default('audit');
const count = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const notFound = (ja: string, en: string): AppError => new AppError('notFound', { ja, en });

const tooLarge = (field: string, size: number, log: LedgerLog): AppError =>
  validationError([
    {
      field,
      message: {
        ja: `台帳（${log}）の記録数 ${size} 以下にしてください。`,
        en: `Must be at most the ${log} log's size, ${size}.`,
      },
    },
  ]);

export const getLatestCheckpoint = defineQuery({
  name: 'ledger.checkpoint.latest',
  input: z.object({ log: logField }).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'ledger.read'),
  execute: async (ctx, input): Promise<StoredCheckpoint> => {
    const checkpoint = await latestCheckpoint(ctx.database.db, input.log);
    if (!checkpoint)
      throw notFound(
        `台帳（${input.log}）のチェックポイントはまだありません。`,
        `The ${input.log} log has no checkpoint yet.`,
      );
    return checkpoint;
  },
});

/** Signs a checkpoint now if the log grew since the last one; returns the latest either way. */
export const issueCheckpointNow = async (
  ctx: UseCaseContext,
  raw: { log?: string },
  key: () => Promise<DeploymentKey>,
): Promise<{ checkpoint: StoredCheckpoint; issued: boolean }> => {
  const input = parseOrThrow(z.object({ log: logField }).strict(), raw);
  requirePermission(ctx.actor, 'ledger.checkpoint');
  return issueCheckpoint(ctx.database, await key(), input.log, ctx.clock.now());
};

export const getPublicKeys = defineQuery({
  name: 'ledger.publicKey',
  input: z.object({}).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'ledger.read'),
  execute: async (ctx): Promise<Record<LedgerLog, string>> => {
    const key = await registeredDeploymentKey(ctx.database.db);
    if (!key)
      throw notFound(
        '台帳の署名鍵はまだ作られていません（最初の起動時に作られます）。',
        'The ledger key has not been made yet (it is made at first start).',
      );
    return {
      audit: logVerifierKey(key.name, key.publicKey, 'audit'),
      vault: logVerifierKey(key.name, key.publicKey, 'vault'),
    };
  },
});

export const MAX_ENTRIES_PER_REQUEST = 10_000;

export const listLedgerEntries = defineQuery({
  name: 'ledger.entries',
  input: z
    .object({ log: logField, start: count, end: count })
    .strict()
    .refine((v) => v.end > v.start, {
      path: ['end'],
      params: { ja: 'start より大きくしてください。', en: 'Must be greater than start.' },
    })
    .refine((v) => v.end - v.start <= MAX_ENTRIES_PER_REQUEST, {
      path: ['end'],
      params: {
        ja: `一度に ${MAX_ENTRIES_PER_REQUEST} 件までです。`,
        en: `At most ${MAX_ENTRIES_PER_REQUEST} entries at a time.`,
      },
    }),
  authorize: (ctx) => requirePermission(ctx.actor, 'ledger.read'),
  execute: async (ctx, input): Promise<{ index: number; entry: string }[]> => {
    const size = await ledgerSize(ctx.database.db, input.log);
    if (input.end > size) throw tooLarge('end', size, input.log);
    const rows = await ctx.database.db
      .selectFrom('ledger_entries')
      .select(['idx', 'entry'])
      .where('log', '=', input.log)
      .where('idx', '>=', input.start)
      .where('idx', '<', input.end)
      .orderBy('idx')
      .execute();
    return rows.map((r) => ({ index: r.idx, entry: Buffer.from(r.entry).toString('base64') }));
  },
});

const b64 = (b: Buffer): string => b.toString('base64');

export const getInclusionProof = defineQuery({
  name: 'ledger.proof.inclusion',
  input: z
    .object({ log: logField, index: count, size: count })
    .strict()
    .refine((v) => v.index < v.size, {
      path: ['index'],
      params: { ja: 'size より小さくしてください。', en: 'Must be less than size.' },
    }),
  authorize: (ctx) => requirePermission(ctx.actor, 'ledger.read'),
  execute: async (ctx, input) => {
    const size = await ledgerSize(ctx.database.db, input.log);
    if (input.size > size) throw tooLarge('size', size, input.log);
    const p = await inclusionProof(ctx.database.db, input.log, input.index, input.size);
    return {
      log: input.log,
      index: p.index,
      size: p.size,
      leafHash: b64(p.leafHash),
      rootHash: b64(p.rootHash),
      proof: p.proof.map(b64),
    };
  },
});

export const getConsistencyProof = defineQuery({
  name: 'ledger.proof.consistency',
  input: z
    .object({ log: logField, from: count, to: count })
    .strict()
    .refine((v) => v.from <= v.to, {
      path: ['from'],
      params: { ja: 'to 以下にしてください。', en: 'Must be at most to.' },
    }),
  authorize: (ctx) => requirePermission(ctx.actor, 'ledger.read'),
  execute: async (ctx, input) => {
    const size = await ledgerSize(ctx.database.db, input.log);
    if (input.to > size) throw tooLarge('to', size, input.log);
    const p = await consistencyProof(ctx.database.db, input.log, input.from, input.to);
    return {
      log: input.log,
      from: p.from,
      to: p.to,
      fromRoot: b64(p.fromRoot),
      toRoot: b64(p.toRoot),
      proof: p.proof.map(b64),
    };
  },
});

/**
 * The key checkpoints are checked with: the key file's public half when this host has it (an administrator who
 * can change the database cannot change that), else the key registered in the database, else the one given.
 */
export const resolveLogKey = async (
  ctx: UseCaseContext,
  log: LedgerLog,
  options: { keyFile?: string; verifierKey?: string },
): Promise<{ key: VerifierKey | null; source: 'option' | 'keyFile' | 'database' | 'none' }> => {
  if (options.verifierKey !== undefined) {
    const key = parseVerifierKeyOption(options.verifierKey, 'key', SIG_ED25519);
    const wanted = key.name.endsWith(`/${log}`)
      ? key
      : parseVerifierKey(logVerifierKey(key.name.replace(/\/(audit|vault)$/, ''), key.publicKey, log));
    return { key: wanted, source: 'option' };
  }
  if (options.keyFile !== undefined && existsSync(options.keyFile)) {
    const signer = readSignerKeyFile(options.keyFile, SIG_ED25519);
    return { key: parseVerifierKey(logVerifierKey(signer.name, signer.publicKey, log)), source: 'keyFile' };
  }
  const registered = await registeredDeploymentKey(ctx.database.db);
  if (registered)
    return {
      key: parseVerifierKey(logVerifierKey(registered.name, registered.publicKey, log)),
      source: 'database',
    };
  return { key: null, source: 'none' };
};

export interface VerificationRun extends VerifyResult {
  readonly id: string;
  readonly keySource: 'option' | 'keyFile' | 'database' | 'none';
  readonly startedAt: string;
  readonly finishedAt: string;
}

const recordVerification = defineUseCase({
  name: 'ledger.recordVerification',
  input: z.object({ run: z.custom<VerificationRun>() }),
  authorize: (ctx) => requirePermission(ctx.actor, 'ledger.verify'),
  execute: async (ctx, input, tx) => {
    const r = input.run;
    await tx
      .insertInto('ledger_verifications')
      .values({
        id: r.id,
        log: r.log,
        actor: ctx.actor.loginId,
        started_at: r.startedAt,
        finished_at: r.finishedAt,
        size: r.size,
        checkpoints: r.checkpoints,
        ok: r.ok ? 1 : 0,
        first_bad_index: r.firstBadIndex,
        reason: r.reason,
        result: JSON.stringify(r),
      })
      .execute();
    return {
      result: r,
      ledger: [
        {
          kind: 'ledger.verified',
          subject: `ledgerVerification:${r.id}`,
          payload: {
            log: r.log,
            ok: r.ok,
            size: r.size,
            checkpoints: r.checkpoints,
            firstBadIndex: r.firstBadIndex,
            reason: r.reason,
            checkpointSize: r.checkpointSize,
          },
        },
      ],
    };
  },
});

/**
 * Verifies a whole log (outside any transaction: it reads every entry), then records the run and appends a
 * `ledger.verified` entry to the audit log.
 */
export const verifyLog = async (
  ctx: UseCaseContext,
  raw: { log?: string },
  options: {
    keyFile?: string;
    verifierKey?: string;
    record?: boolean;
    onProgress?: (verified: number, total: number) => void;
  } = {},
): Promise<VerificationRun> => {
  const input = parseOrThrow(z.object({ log: logField }).strict(), raw);
  requirePermission(ctx.actor, 'ledger.verify');
  const startedAt = ctx.clock.now().toISOString();
  const { key, source } = await resolveLogKey(ctx, input.log, options);
  const result = await verifyLedger(ctx.database, input.log, {
    logKey: key,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const run: VerificationRun = {
    ...result,
    id: newId(),
    keySource: source,
    startedAt,
    finishedAt: ctx.clock.now().toISOString(),
  };
  return options.record === false ? run : recordVerification(ctx, { run });
};

export const listVerifications = defineQuery({
  name: 'ledger.verifications',
  input: z.object({ log: logField }).strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'ledger.read'),
  execute: async (ctx, input): Promise<VerificationRun[]> =>
    (
      await ctx.database.db
        .selectFrom('ledger_verifications')
        .select('result')
        .where('log', '=', input.log)
        .orderBy('started_at', 'desc')
        .limit(50)
        .execute()
    ).map((r) => JSON.parse(r.result) as VerificationRun),
});

export const addCosignature = defineUseCase({
  name: 'ledger.cosign',
  input: z
    .object({
      log: logField,
      checkpoint: z.string().min(1).max(20_000),
      cosignerKey: z.string().min(1).max(500),
    })
    .strict(),
  authorize: (ctx) => requirePermission(ctx.actor, 'ledger.cosign'),
  execute: async (ctx, input, tx) => {
    const key = parseVerifierKeyOption(input.cosignerKey, 'cosignerKey', SIG_COSIGNATURE_V1);
    const checkpoint = await recordCosignature(tx, input.log, input.checkpoint, key, ctx.clock.now());
    return {
      result: checkpoint,
      ledger: [
        {
          kind: 'ledger.cosigned',
          subject: `ledgerCheckpoint:${input.log}-${checkpoint.size}`,
          payload: { log: input.log, size: checkpoint.size, cosigner: key.name },
        },
      ],
    };
  },
});

/** The deployment key, loaded (or made at first start) once per process. */
export const deploymentKeyLoader = (
  ctx: Pick<UseCaseContext, 'database' | 'clock'>,
  file: string,
): (() => Promise<DeploymentKey>) => {
  let loading: Promise<DeploymentKey> | undefined;
  return () => {
    loading ??= loadOrCreateDeploymentKey(ctx.database.db, file, () => ctx.clock.now()).catch(
      (e: unknown) => {
        loading = undefined;
        throw e;
      },
    );
    return loading;
  };
};
