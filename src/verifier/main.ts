#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { NoteError, parseVerifierKey, type VerifierKey } from '../kernel/ledger/note.js';
import { progressBar } from './progress.js';
import {
  ExportError,
  exportLogs,
  verifyExport,
  type ExportLog,
  type ExportLogResult,
} from './verify-export.js';

const usage = `使い方 / usage:
  node verifier/main.js DIR --key NAME+ID+KEY [--cosigner NAME+ID+KEY]... [--log audit|vault] [--json]
  node verifier/main.js DIR --key-file FILE ...

台帳の書き出し（mamori ledger export）を、公開鍵だけで検証します（データベースもサーバーも不要）。
Verifies a Mamori ledger export (mamori ledger export) with only the public key: no database, no server.
  --key        配備の検証鍵（mamori ledger public-key の出力）/ the deployment's verifier key
  --key-file   検証鍵を書いたファイル / a file holding the verifier key
  --cosigner   副署者の検証鍵（何度でも）/ a cosigner's verifier key (repeatable)
  --json       結果をJSON行で / print JSON lines
Exit: 0 all verified, 1 a problem was found, 2 bad usage.`;

const fail = (message: string): never => {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
};

const parseKey = (text: string, what: string): VerifierKey => {
  try {
    return parseVerifierKey(text.trim());
  } catch (e) {
    if (e instanceof NoteError)
      return fail(`${what}: 検証鍵の形式が正しくありません / not a verifier key (${e.message})`);
    throw e;
  }
};

const describe = (r: ExportLogResult): string => {
  if (r.ok) {
    const cosigned = r.cosigners
      .map((c) => `${c.name}: ${c.count} (latest ${c.latestSize ?? '-'})`)
      .join(', ');
    return (
      `OK ${r.log}: 記録 ${r.size} 件、チェックポイント ${r.checkpoints} 件を検証しました / ${r.size} entries and ${r.checkpoints} checkpoints verified` +
      (r.unsignedTail > 0 ? `\n   未署名の末尾 / not yet under a checkpoint: ${r.unsignedTail}` : '') +
      (cosigned ? `\n   副署 / cosigned: ${cosigned}` : '') +
      `\n   root ${r.rootHash ?? ''}`
    );
  }
  const where =
    r.firstBadIndex !== null ? `index ${r.firstBadIndex}` : `checkpoint ${r.checkpointSize ?? '?'}`;
  return `NG ${r.log}: ${where} (${r.reason ?? ''})\n   ${r.message?.ja ?? ''}\n   ${r.message?.en ?? ''}`;
};

const main = async (): Promise<number> => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      'key-file': { type: 'string' },
      cosigner: { type: 'string', multiple: true },
      log: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const dir = positionals[0] ?? fail('DIR: 書き出し先を指定してください / give the export directory');
  const keyText =
    values.key ??
    (values['key-file']
      ? readFileSync(values['key-file'], 'utf8')
      : fail('--key: 検証鍵が必要です / the verifier key is required'));
  const key = parseKey(keyText, '--key');
  const cosigners = (values.cosigner ?? []).map((c) => parseKey(c, '--cosigner'));
  const log = values.log;
  if (log !== undefined && !(exportLogs as readonly string[]).includes(log))
    fail(`--log: audit か vault を指定してください / must be audit or vault (got ${log})`);
  const bar = progressBar();
  let results: ExportLogResult[];
  try {
    results = await verifyExport(dir, {
      key,
      cosigners,
      ...(log ? { logs: [log as ExportLog] } : {}),
      onProgress: (l, done, total) => bar.update(l, done, total),
    });
  } catch (e) {
    bar.end();
    if (e instanceof ExportError) return fail(e.message);
    throw e;
  }
  bar.end();
  for (const r of results) process.stdout.write(`${values.json ? JSON.stringify(r) : describe(r)}\n`);
  return results.every((r) => r.ok) ? 0 : 1;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`エラー / error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
