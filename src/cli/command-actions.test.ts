import { describe, expect, it } from 'vitest';
import {
  AppError,
  can,
  checkCommandActions,
  isAction,
  isCommandAction,
  undeclaredCommandActions,
  type Actor,
} from '../kernel/index.js';
import { cliActor, commandDeclarations, type MamoriCommand } from './command.js';
import { buildProgram } from './program.js';

/**
 * Issue 5 (第7 1(1), 第7 2(1)): every route and every CLI command declares the action it performs. This is the CLI's
 * half: each `mamori` command that runs something, with the action it declares. A new command fails here until it
 * declares one (`.performs(action)`) and is listed below.
 */
const expected: Record<string, string> = {
  serve: 'system.operate',
  'db migrate': 'system.operate',
  'demo seed': 'system.operate',
  'org import': 'org.manage',
  'org export': 'org.readReports',
  'policy lint': 'local',
  'policy clauses': 'local',
  'compliance status': 'compliance.read',
  'compliance snapshot': 'compliance.manage',
  'compliance report': 'compliance.read',
  'compliance checklist': 'compliance.read',
  'compliance checklist answer': 'compliance.manage',
  'compliance checklist map': 'compliance.manage',
  'compliance exclude': 'compliance.manage',
  'ledger checkpoint': 'ledger.checkpoint',
  'ledger public-key': 'ledger.read',
  'ledger entries': 'ledger.read',
  'ledger proof inclusion': 'ledger.read',
  'ledger proof consistency': 'ledger.read',
  'ledger verify': 'ledger.verify',
  'ledger export': 'ledger.read',
  'ledger cosigner-key': 'local',
  'ledger cosign': 'ledger.cosign',
};

describe('mamori commands declare their actions (issue 5)', () => {
  it('every command that runs something declares a known action, as listed here', () => {
    const declarations = commandDeclarations(buildProgram());
    const actual = Object.fromEntries(
      declarations.filter((d) => d.runs).map((d) => [d.path, d.action ?? '(none)']),
    );
    expect(actual).toEqual(expected);
    for (const action of Object.values(actual)) expect(isCommandAction(action), action).toBe(true);
    // Groups (db, demo, org, policy, compliance, ledger, ledger proof) only hold commands and declare nothing.
    expect(declarations.filter((d) => !d.runs).map((d) => [d.path, d.action])).toEqual([
      ['db', undefined],
      ['demo', undefined],
      ['org', undefined],
      ['policy', undefined],
      ['compliance', undefined],
      ['ledger', undefined],
      ['ledger proof', undefined],
    ]);
    expect(undeclaredCommandActions(declarations)).toEqual([]);
    expect(() => {
      checkCommandActions(declarations);
    }).not.toThrow();
  });

  it('a command without a declaration, or with an unknown action, stops start-up naming it', () => {
    const program = buildProgram();
    program.command('stray').action(() => undefined);
    const ledger = program.commands.find((c) => c.name() === 'ledger') as MamoriCommand;
    ledger
      .command('rewrite')
      .performs('ledger.rewrite' as never)
      .action(() => undefined);
    program.command('empty').performs('ledger.read');
    const declarations = commandDeclarations(program);
    expect(undeclaredCommandActions(declarations)).toEqual([
      "mamori ledger rewrite: unknown action 'ledger.rewrite'",
      'mamori stray: no action declared (add .performs(action) from src/kernel/access)',
      "mamori empty: declares 'ledger.read' but runs nothing",
    ]);
    const error = (() => {
      try {
        checkCommandActions(declarations);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('configuration');
    expect((error as AppError).userMessage.ja).toContain('操作を宣言していない');
    expect((error as AppError).issues.map((i) => i.field)).toEqual([
      'mamori ledger rewrite',
      'mamori stray',
      'mamori empty',
    ]);
    expect((error as AppError).issues[1]?.message.ja).toContain('実行する操作を宣言していません');
  });

  it('runs as the operator, who may perform every declared action; no person may operate Mamori itself', async () => {
    for (const action of Object.values(expected))
      if (isAction(action)) expect(can(cliActor, action), action).toBe(true);
    const cisoInPerson: Actor = {
      kind: 'account',
      accountId: 'a1',
      staffId: 's1',
      unitId: null,
      loginId: 'ciso',
      systemRole: null,
      category: 'employee',
      grants: [{ role: 'ciso', unitId: null, via: 'assignment', sourceId: 'r1' }],
    };
    expect(can(cisoInPerson, 'compliance.manage')).toBe(true);
    expect(can(cisoInPerson, 'system.operate')).toBe(false);
    // The check runs before each command (commander's preAction hook) and lets a declared command through.
    const program = buildProgram().exitOverride();
    let ran = false;
    program
      .command('probe')
      .performs('local')
      .action(() => {
        ran = true;
      });
    await program.parseAsync(['node', 'mamori', 'probe']);
    expect(ran).toBe(true);
  });
});
