import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { validationError } from '../kernel/errors/index.js';
import { cosignLatest } from '../kernel/ledger/cosign.js';
import {
  createCosignerKey,
  parseVerifierKeyOption,
  readSignerKeyFile,
  registeredDeploymentKey,
  logVerifierKey,
} from '../kernel/ledger/keys.js';
import { SIG_COSIGNATURE_V1, SIG_ED25519 } from '../kernel/ledger/note.js';
import { logOption, withLedgerRuntime } from './ledger-runtime.js';

/** `mamori ledger cosigner-key`: an auditor's key; prints the verifier key to give to whoever checks cosignatures. */
export const cosignerKeyCommand = (options: { name: string; out: string }): void => {
  const vkey = createCosignerKey(options.out, options.name);
  process.stdout.write(
    `副署鍵を ${options.out} に作りました（Mamoriの外で保管してください）/ cosigner key written to ${options.out} (keep it outside Mamori)\n${vkey}\n`,
  );
};

interface CosignState {
  /** The log key pinned at the first cosigning. */
  readonly logKey: string;
  /** The last checkpoint this key cosigned, with all its signatures. */
  readonly checkpoint: string;
}

const readState = (file: string): CosignState | null => {
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CosignState>;
  if (typeof parsed.logKey !== 'string' || typeof parsed.checkpoint !== 'string')
    throw validationError([
      {
        field: '--state',
        message: { ja: `${file} の形式が正しくありません。`, en: `${file} is not a cosign state file.` },
      },
    ]);
  return { logKey: parsed.logKey, checkpoint: parsed.checkpoint };
};

const writeState = (file: string, state: CosignState): void => {
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
};

/**
 * `mamori ledger cosign --key FILE`: the auditor's cosigning. The log key is pinned in the state file at first
 * use (or given with --log-key); the last cosigned checkpoint is kept there too, so a rewritten log is refused
 * even if the database forgot the earlier cosignature.
 */
export const cosignCommand = async (options: {
  key: string;
  log?: string;
  logKey?: string;
  state?: string;
}): Promise<void> => {
  const log = logOption(options.log) as 'audit' | 'vault';
  const cosigner = readSignerKeyFile(options.key, SIG_COSIGNATURE_V1, '--key');
  const stateFile = options.state ?? `${options.key}.${log}.json`;
  const state = readState(stateFile);
  await withLedgerRuntime(async (ctx) => {
    let pinned = options.logKey ?? state?.logKey;
    if (pinned === undefined) {
      const registered = await registeredDeploymentKey(ctx.database.db);
      if (!registered)
        throw validationError([
          {
            field: '--log-key',
            message: { ja: '台帳の検証鍵を指定してください。', en: 'Give the log verifier key.' },
          },
        ]);
      pinned = logVerifierKey(registered.name, registered.publicKey, log);
      process.stderr.write(
        `台帳の検証鍵を固定します / pinning the log key (check it out of band): ${pinned}\n`,
      );
    }
    const logKey = parseVerifierKeyOption(pinned, '--log-key', SIG_ED25519);
    const outcome = await cosignLatest(ctx, {
      log,
      cosigner,
      logKey,
      previous: state?.checkpoint ?? null,
    });
    writeState(stateFile, { logKey: pinned, checkpoint: outcome.note });
    process.stderr.write(
      `副署しました / cosigned ${log} checkpoint ${outcome.size}` +
        (outcome.checkedAgainst.length > 0
          ? `（${outcome.checkedAgainst.join(', ')} との一貫性を確認 / proven consistent with ${outcome.checkedAgainst.join(', ')}）\n`
          : '\n'),
    );
    process.stdout.write(outcome.note);
  });
};
