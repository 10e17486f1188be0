import { describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/index.js';
import { kawaguchiPack } from '../../../test/factories/compliance.js';
import type { ClauseEvaluator } from './compliance.model.js';
import { createComplianceSetup } from './compliance-setup.js';
import { builtinEvaluators } from './evaluators/index.js';

const evaluator = (id: string, clauseIds: string[]): ClauseEvaluator => ({
  id,
  module: 'assets',
  clauseIds,
  evaluate: () => Promise.resolve([]),
});

const refusal = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('the compliance setup the composition root builds', () => {
  it('takes a module’s evaluators beside the built-in ones, and counts the module as present', () => {
    const pack = kawaguchiPack();
    const assets = evaluator('assets.transport', ['4.2.6.b']);
    const setup = createComplianceSetup({
      pack,
      evaluators: [...builtinEvaluators(pack, [assets]), assets],
      modules: ['org'],
    });
    expect(setup.evaluatorOf.get('4.2.6.b')?.id).toBe('assets.transport');
    expect(setup.evaluatorOf.get('3.1')?.id).toBe('org.roles');
    expect(setup.evaluatorOf.get('4.2.6.a')?.id).toBe('approvals.routes');
    expect(setup.modules.has('assets')).toBe(true);
  });

  it('refuses a clause judged twice, an unknown clause and a heading, naming each', () => {
    const pack = kawaguchiPack();
    const error = refusal(() =>
      createComplianceSetup({
        pack,
        evaluators: [...builtinEvaluators(pack), evaluator('assets.x', ['3.1', '99.1', '4.2'])],
        modules: [],
      }),
    );
    expect(error.code).toBe('configuration');
    expect(error.userMessage.en).toContain('3.1: judged by both org.roles and assets.x');
    expect(error.userMessage.en).toContain('assets.x: no clause 99.1 in the pack');
    expect(error.userMessage.en).toContain('assets.x: 4.2 is a heading');
  });
});
