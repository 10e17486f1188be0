import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { kawaguchiPack } from '../../../../test/factories/compliance.js';
import { auditSize } from '../../../../test/ledger-helpers.js';
import { call, startSignedInServer } from '../../../../test/server-harness.js';
import type { PolicyParametersView, UnitProcedureView } from '../../../shared/policy-api-types.js';

interface ErrorBody {
  error: { code: string; issues: { field: string; message: { ja: string; en: string } }[] };
}

/**
 * The policy pages' routes over real HTTP: the parameters with their values in force (第3 6(2), 第9 3) and the
 * units' implementing procedures (第3 3(2)), for those who read compliance; a bad filter is refused, naming it.
 */
describeEachDialect('policy parameters and procedures over HTTP', (db) => {
  it('lists every parameter of the pack for the security office, not for staff, and refuses a bad filter (第3 6(2), 第3 3(2))', async () => {
    const server = await startSignedInServer(db(), { s002: 'S002', s007: 'S007' });
    const director = server.as('s002');
    const listed = await call(server.app, director, 'GET', '/api/policy/parameters');
    expect(listed.statusCode).toBe(200);
    const view = listed.json<PolicyParametersView>();
    expect(view.pack.name).toBe('kawaguchi');
    expect(view.parameters.map((p) => p.key)).toEqual([...kawaguchiPack().parameters.keys()]);
    expect(view.parameters.find((p) => p.key === 'identity.passwordMinLength')).toMatchObject({
      displayId: '第6 4(2)(ウ)',
      type: 'integer',
      unit: 'characters',
      min: 8,
      max: 128,
      defaultValue: 13,
      value: 13,
      version: 0,
      history: [],
    });
    expect((await call(server.app, server.as('s007'), 'GET', '/api/policy/parameters')).statusCode).toBe(403);

    const procedures = await call(server.app, director, 'GET', '/api/policy/procedures');
    expect(procedures.statusCode).toBe(200);
    expect(procedures.json<UnitProcedureView[]>()).toEqual([]);
    const before = await auditSize(db().handle);
    const bad = await call(server.app, director, 'GET', `/api/policy/procedures?unitId=${'x'.repeat(65)}`);
    expect(bad.statusCode).toBe(400);
    const issue = bad.json<ErrorBody>().error.issues[0];
    expect(issue?.field).toBe('unitId');
    expect(issue?.message.ja).toMatch(/[ぁ-んァ-ヶ一-龯]/);
    expect(issue?.message.en).toMatch(/[a-z]/);
    expect(await auditSize(db().handle)).toBe(before);
    await server.app.close();
  });
});
