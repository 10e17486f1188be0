import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import { resetLog, rewriteConsistently } from '../../../test/ledger-tampering.js';
import { systemActor } from '../access/index.js';
import type { DatabaseHandle } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { appendEntries, entryBytes } from './append.js';
import { startCheckpointer } from './checkpointer.js';
import { issueCheckpoint, latestCheckpoint } from './checkpoints.js';
import { cosignLatest } from './cosign.js';
import { createCosignerKey, loadOrCreateDeploymentKey, logVerifierKey, readSignerKeyFile } from './keys.js';
import { SIG_COSIGNATURE_V1, openNote, parseCheckpoint, parseNote, parseVerifierKey } from './note.js';
import { verifyLedger } from './verify.js';

const log = 'vault';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mamori-checkpoints-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const append = async (handle: DatabaseHandle, count: number, tag: string): Promise<void> => {
  await handle.db.transaction().execute((tx) =>
    appendEntries(
      tx,
      handle.dialect,
      { actor: 'system:test', time: '2026-04-01T01:00:00.000Z', log },
      Array.from({ length: count }, (_, i) => ({ kind: 'test.entry', subject: `t:${tag}`, payload: { i } })),
    ),
  );
};

/**
 * What an administrator with database access and the key file could do: rewrite an old entry and every hash
 * above it so that the stored tree is self-consistent again, and drop the checkpoints that would betray it.
 */
const rewriteHistory = async (handle: DatabaseHandle, index: number): Promise<void> => {
  const forged = entryBytes({
    index,
    time: '2026-04-01T01:00:00.000Z',
    kind: 'test.entry',
    actor: 'system:test',
    subject: 't:rewritten',
    payload: { rewritten: true },
  });
  await rewriteConsistently(handle, log, index, forged);
};

describeEachDialect('ledger checkpoints, keys and cosignatures', (db) => {
  const reset = (): Promise<void> => resetLog(db().handle, log);

  it('makes the deployment key at first start with mode 0600, registers it, and refuses a key that differs', async () => {
    const { handle } = db();
    const file = join(dir, db().dialect, 'ledger.key');
    const key = await loadOrCreateDeploymentKey(handle.db, file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(key.name).toMatch(/^mamori\.[a-z0-9.-]+$/);
    expect((await loadOrCreateDeploymentKey(handle.db, file)).publicKey).toEqual(key.publicKey);
    // A second server without the file must not make a second key.
    const missing = loadOrCreateDeploymentKey(handle.db, join(dir, db().dialect, 'other.key'));
    await expect(missing).rejects.toThrow(AppError);
    await expect(missing).rejects.toMatchObject({
      code: 'configuration',
      issues: [{ field: 'MAMORI_LEDGER_KEY_FILE (ledgerKeyFile)' }],
    });
    // A key file others can read is refused, like ssh does.
    chmodSync(file, 0o644);
    await expect(loadOrCreateDeploymentKey(handle.db, file)).rejects.toMatchObject({
      userMessage: { en: expect.stringContaining('chmod 600') as unknown },
    });
    chmodSync(file, 0o600);
    // Another valid key in the file is refused: it does not match the registered one.
    const stranger = join(dir, db().dialect, 'stranger.key');
    writeFileSync(
      stranger,
      'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz\n',
      { mode: 0o600 },
    );
    await expect(loadOrCreateDeploymentKey(handle.db, stranger)).rejects.toMatchObject({
      code: 'configuration',
    });
  });

  it('signs a checkpoint only when the log grew, under the log name, and never one inconsistent with the last', async () => {
    await reset();
    const { handle } = db();
    const key = await loadOrCreateDeploymentKey(handle.db, join(dir, db().dialect, 'ledger.key'));
    await append(handle, 5, 'a');
    const first = await issueCheckpoint(handle, key, log, new Date());
    expect(first.issued).toBe(true);
    const vkey = parseVerifierKey(logVerifierKey(key.name, key.publicKey, log));
    expect(parseCheckpoint(openNote(first.checkpoint.note, [vkey]).text)).toMatchObject({
      origin: `${key.name}/vault`,
      size: 5,
    });
    expect((await issueCheckpoint(handle, key, log, new Date())).issued).toBe(false);
    await append(handle, 3, 'b');
    expect((await issueCheckpoint(handle, key, log, new Date())).checkpoint.size).toBe(8);

    await rewriteHistory(handle, 2);
    await append(handle, 1, 'c');
    await expect(issueCheckpoint(handle, key, log, new Date())).rejects.toMatchObject({
      code: 'conflict',
      userMessage: {
        en: expect.stringContaining('not consistent with the previous checkpoint (size 8)') as unknown,
      },
    });
    expect((await latestCheckpoint(handle.db, log))?.size).toBe(8);
    // The stored tree is self-consistent now, so only the signed roots reveal it: checkpoint 5 names the range.
    const result = await verifyLedger(handle, log, { logKey: vkey });
    expect(result).toMatchObject({
      ok: false,
      reason: 'checkpointRoot',
      checkpointSize: 5,
      suspectRange: { from: 0, to: 5 },
    });
  });

  it('the interval job signs each log that grew, and nothing while none grows', async () => {
    await reset();
    const { handle } = db();
    const key = await loadOrCreateDeploymentKey(handle.db, join(dir, db().dialect, 'ledger.key'));
    const errors: unknown[] = [];
    const checkpointer = startCheckpointer({
      database: handle,
      clock: db().clock,
      key: () => Promise.resolve(key),
      intervalMs: 40,
      onError: (e) => errors.push(e),
    });
    try {
      await append(handle, 3, 'a');
      const waitFor = async (size: number): Promise<void> => {
        for (let i = 0; i < 100 && (await latestCheckpoint(handle.db, log))?.size !== size; i++)
          await new Promise((r) => setTimeout(r, 20));
      };
      await waitFor(3);
      expect((await latestCheckpoint(handle.db, log))?.size).toBe(3);
      expect(await checkpointer.tick()).toEqual([]);
      await append(handle, 2, 'b');
      await waitFor(5);
      expect((await latestCheckpoint(handle.db, log))?.size).toBe(5);
      expect(errors).toEqual([]);
    } finally {
      await checkpointer.stop();
    }
  });

  it('an auditor cosigns after proving consistency, and refuses a log rewritten and re-signed since', async () => {
    await reset();
    const { handle } = db();
    const ctx = db().ctx(systemActor('test'));
    const key = await loadOrCreateDeploymentKey(handle.db, join(dir, db().dialect, 'ledger.key'));
    const logKey = parseVerifierKey(logVerifierKey(key.name, key.publicKey, log));
    const cosignerFile = join(dir, db().dialect, 'auditor.key');
    const cosignerVkey = createCosignerKey(cosignerFile, 'audit.hospital.example/w1');
    expect(statSync(cosignerFile).mode & 0o777).toBe(0o600);
    const cosigner = readSignerKeyFile(cosignerFile, SIG_COSIGNATURE_V1);

    await append(handle, 6, 'a');
    await issueCheckpoint(handle, key, log, new Date());
    const first = await cosignLatest(ctx, { log, cosigner, logKey, previous: null });
    expect(first).toMatchObject({ size: 6, checkedAgainst: [] });
    expect(openNote(first.note, [logKey, parseVerifierKey(cosignerVkey)]).verified).toHaveLength(2);

    await append(handle, 4, 'b');
    await issueCheckpoint(handle, key, log, new Date());
    const second = await cosignLatest(ctx, { log, cosigner, logKey, previous: first.note });
    expect(second).toMatchObject({ size: 10, checkedAgainst: [6, 6] });
    expect((await verifyLedger(handle, log, { logKey })).cosignatures).toBe(2);

    // The administrator rewrites entry 3, drops the checkpoints and cosignatures, and re-signs with the key file.
    await rewriteHistory(handle, 3);
    await handle.db.deleteFrom('ledger_checkpoints').where('log', '=', log).execute();
    await handle.db.deleteFrom('ledger_cosignatures').where('log', '=', log).execute();
    await append(handle, 2, 'c');
    await issueCheckpoint(handle, key, log, new Date());
    await expect(cosignLatest(ctx, { log, cosigner, logKey, previous: second.note })).rejects.toMatchObject({
      code: 'conflict',
      userMessage: {
        en: expect.stringContaining('not consistent with the one last cosigned (10)') as unknown,
      },
    });
    expect(parseNote((await latestCheckpoint(handle.db, log))?.note ?? '').signatures).toHaveLength(1);
  });
});
