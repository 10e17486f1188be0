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

  it('is met with the shipped Kawaguchi profiles, whose numbers are the pack’s parameters in force (第6 4(2)(ウ)(オ), 第7 2(1)ウ(エ), 第7 2(3)ア, 第7 2(4))', async () => {
    for (const id of ['6.4.2.c', '6.4.2.e', '7.2.1.c.d', '7.2.3.a', '7.2.4']) {
      const c = await clause(id);
      expect([id, c.evaluator, c.status]).toEqual([id, 'identity.passwordPolicy', 'met']);
    }
    expect((await clause('6.4.2.c')).reason.en).toBe('The staff profile meets every value in force (3).');
  });

  it('names each value another profile falls short of (第6 4(2)(ウ)(オ))', async () => {
    // The MHLW option of 8 characters changed every 60 days, with privileged IDs on a shorter period still.
    await updateIdentitySettings(db().ctx(systemActor('test')), {
      ...defaultIdentitySettings,
      profiles: {
        standard: presets.mhlwPeriodic,
        privileged: { ...presets.kawaguchiPrivileged, preset: 'mhlwTwoFactor', maxAgeDays: 30 },
      },
    });
    const length = await clause('6.4.2.c');
    expect(length.status).toBe('partlyMet');
    expect(length.reason.ja).toContain('最小文字数（設定 8／基準 13）');
    expect(length.reason.en).toContain('minimum length (enforced 8, in force 13)');
    expect((await clause('7.2.1.c.d')).status).toBe('met');
  });

  it('finds a privileged profile that allows longer connections than the standard permits (第7 2(4))', async () => {
    await updateIdentitySettings(db().ctx(systemActor('test')), {
      ...defaultIdentitySettings,
      profiles: {
        ...defaultIdentitySettings.profiles,
        privileged: { ...presets.kawaguchiPrivileged, preset: 'mhlwTwoFactor', absoluteMinutes: 120 },
      },
    });
    const session = await clause('7.2.4');
    expect(session.status).toBe('notMet');
    expect(session.reason.en).toContain('privileged session (minutes) (enforced 120, in force 60)');
    await updateIdentitySettings(db().ctx(systemActor('test')), defaultIdentitySettings);
  });
});
