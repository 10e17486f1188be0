import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import { kawaguchiPack } from '../../../test/factories/compliance.js';
import { systemActor } from '../../kernel/index.js';
import {
  builtinEvaluators,
  createComplianceService,
  createComplianceSetup,
  type ComplianceService,
} from '../policy/index.js';
import { defaultIdentitySettings, passwordPolicyEvaluator, updateIdentitySettings } from './index.js';
import { presets } from './password-profiles.js';

/** The compliance view composed as the server composes it, with the identity module's password evaluator. */
const service = (): ComplianceService => {
  const pack = kawaguchiPack();
  return createComplianceService(
    createComplianceSetup({
      pack,
      evaluators: [...builtinEvaluators(pack, [passwordPolicyEvaluator]), passwordPolicyEvaluator],
      modules: ['org', 'identity', 'access', 'ledger', 'approvals', 'policy'],
    }),
  );
};

describeEachDialect('the enforced password profiles against the parameters in force', (db) => {
  const clause = async (id: string) => {
    const overview = await service().getStatus(db().ctx(systemActor('test')), {});
    const found = overview.clauses.find((c) => c.id === id);
    if (found === undefined) throw new Error(`no clause ${id}`);
    return found;
  };

  it('names each value the staff profile falls short of (第6 4(2)(ウ)(オ))', async () => {
    // The shipped Kawaguchi staff profile enforces 12 characters and remembers 5; the pack's values in force are
    // 13 characters of 3 classes and 10 remembered (MHLW guideline 6.0): the view says so, value by value.
    const length = await clause('6.4.2.c');
    expect(length.evaluator).toBe('identity.passwordPolicy');
    expect(length.status).toBe('partlyMet');
    expect(length.reason.ja).toContain('最小文字数（設定 12／基準 13）');
    expect(length.reason.en).toContain('character classes (enforced 1, in force 3)');
    const change = await clause('6.4.2.e');
    expect(change.status).toBe('partlyMet');
    expect(change.reason.en).toContain('passwords remembered (enforced 5, in force 10)');
  });

  it('is met once the profile is at least as strict as every value in force (第6 4(2)(ウ)(オ), 第7 2(1)ウ(エ))', async () => {
    await updateIdentitySettings(db().ctx(systemActor('test')), {
      ...defaultIdentitySettings,
      profiles: {
        standard: {
          ...presets.kawaguchiStandard,
          minLength: 14,
          requireMixed: true,
          historyCount: 10,
          lockoutMinutes: 30,
        },
        privileged: { ...presets.kawaguchiPrivileged, absoluteMinutes: 60 },
      },
    });
    for (const id of ['6.4.2.c', '6.4.2.e', '7.2.1.c.d', '7.2.3.a', '7.2.4']) {
      const c = await clause(id);
      expect([id, c.status]).toEqual([id, 'met']);
    }
    expect((await clause('6.4.2.c')).reason.en).toBe('The staff profile meets every value in force (3).');
  });

  it('finds a privileged profile that allows longer connections than the standard permits (第7 2(4))', async () => {
    await updateIdentitySettings(db().ctx(systemActor('test')), defaultIdentitySettings);
    const session = await clause('7.2.4');
    expect(session.status).toBe('notMet');
    expect(session.reason.en).toContain('privileged session (minutes) (enforced 120, in force 60)');
  });
});
