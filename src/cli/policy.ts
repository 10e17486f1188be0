import type { MamoriCommand } from './command.js';
import {
  clauseKinds,
  lintPolicyPack,
  loadPolicyPack,
  obligationKinds,
  policyPackDir,
  whereOf,
  type Clause,
  type PolicyPack,
} from '../kernel/policy-pack/index.js';

const count = <T extends string>(keys: readonly T[], values: readonly T[]): string =>
  keys.map((k) => `${k} ${String(values.filter((v) => v === k).length)}`).join(', ');

/** `mamori policy lint`: 0 with a summary, or 2 with every issue as file / clause / reason in both languages. */
export const lintCommand = (dir: string | undefined): number => {
  const result = lintPolicyPack(dir ?? policyPackDir());
  const { pack } = result;
  if (pack === null) {
    const n = String(result.issues.length);
    process.stderr.write(
      `ポリシーパックに誤りがあります（${n}件）/ The policy pack is not valid (${n} issue${result.issues.length === 1 ? '' : 's'}): ${result.dir}\n`,
    );
    for (const issue of result.issues)
      process.stderr.write(`  ${whereOf(issue)}\n    ja: ${issue.message.ja}\n    en: ${issue.message.en}\n`);
    return 2;
  }
  const { manifest, clauses } = pack;
  process.stdout.write(
    `ポリシーパック ${manifest.name} ${manifest.version}（${manifest.title}）: 問題なし / policy pack ${manifest.name} ${manifest.version}: no issues\n` +
      `  フォルダ / folder: ${pack.dir}\n` +
      `  条項 / clauses: ${String(clauses.length)} (${count(
        clauseKinds,
        clauses.map((c) => c.kind),
      )})\n` +
      `  義務 / obligations: ${count(
        obligationKinds,
        clauses.map((c) => c.obligation),
      )}\n` +
      `  パラメータ / parameters: ${String(pack.parameters.size)} (病院が定める値 / hospital's choice: ${String(
        [...pack.parameters.values()].filter((p) => p.parameter.hospitalChoice).length,
      )}), 申請の種類 / request types: ${String(pack.requestTypes.size)}\n` +
      `  注記 / notes: ${String(clauses.reduce((n, c) => n + c.notes.length, 0))}\n`,
  );
  return 0;
};

/** One clause as a JSON line: id, display id, text (a heading's text is its title), kind, obligation. */
export const clauseLine = (c: Clause): string =>
  JSON.stringify({
    id: c.id,
    displayId: c.displayId,
    text: c.text ?? c.title ?? '',
    kind: c.kind,
    obligation: c.obligation,
    ...(c.title !== undefined && c.text !== undefined ? { title: c.title } : {}),
  });

const depthOf = (c: Clause): number => (c.id === 'suppl' ? 0 : c.id.split('.').length - 1);

const readable = (pack: PolicyPack): string =>
  pack.clauses
    .map((c) => {
      const indent = '  '.repeat(depthOf(c));
      const tag = c.kind === 'provision' ? ` [${c.obligation}]` : c.kind === 'heading' ? '' : ` [${c.kind}]`;
      const head = `${indent}${c.displayId}${c.title === undefined ? '' : `  ${c.title}`}${tag}`;
      const body = (c.text ?? '').split('\n').filter((line) => line !== '');
      return [head, ...body.map((line) => `${indent}    ${line}`)].join('\n');
    })
    .join('\n');

export const clausesCommand = (options: { json: boolean; dir?: string }): void => {
  const pack = loadPolicyPack(options.dir ?? policyPackDir());
  if (options.json) process.stdout.write(`${pack.clauses.map(clauseLine).join('\n')}\n`);
  else process.stdout.write(`${pack.manifest.title}\n\n${readable(pack)}\n`);
};

export const registerPolicyCommands = (program: MamoriCommand): void => {
  const policy = program
    .command('policy')
    .description('ポリシーパック（対策基準のデータ）/ the policy pack (the standard as data)');
  policy
    .command('lint')
    .performs('local')
    .description('ポリシーパックを検査 / check a policy pack (schema, ids, order, ranges, roles)')
    .option('--dir <dir>', 'パックのフォルダ / pack folder (default: the shipped Kawaguchi pack)')
    .action((options: { dir?: string }) => {
      process.exitCode = lintCommand(options.dir);
    });
  policy
    .command('clauses')
    .performs('local')
    .description('条項の一覧 / list every clause in document order')
    .option('--json', '1行に1条項のJSON / one JSON object per line', false)
    .option('--dir <dir>', 'パックのフォルダ / pack folder (default: the shipped Kawaguchi pack)')
    .action((options: { json: boolean; dir?: string }) => {
      clausesCommand(options);
    });
};
