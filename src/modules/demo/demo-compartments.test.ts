import { expect, it } from 'vitest';
import { calendarDate, systemActor, type Actor } from '../../kernel/index.js';
import { describeEachDialect } from '../../../test/db-harness.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { kawaguchiPack } from '../../../test/factories/compliance.js';
import { assetEvaluators, getAsset, listAssets } from '../assets/index.js';
import { builtinEvaluators, createComplianceService, createComplianceSetup } from '../policy/index.js';
import {
  findStaffByNumber,
  listCompartments,
  listUnits,
  resolveCompartments,
  resolveGrants,
} from '../org/index.js';
import { seedDemoHospital } from './index.js';

/** The demo hospital's compartments (第7 1(1)イ), seeded through the organisation's and the register's use cases. */
describeEachDialect('demo hospital: its compartments', (db) => {
  it('has a ward and psychiatry keep a class I record in a compartment for named members, not the staff persona (第7 1(1)イ)', async () => {
    const before = await auditSize(db().handle);
    const seeded = await seedDemoHospital(db().ctx(systemActor('demo')), { seed: 5, asOf: '2026-04-01' });
    const entries = await auditEntries(db().handle, before);
    const made = entries.filter((e) => e.kind === 'org.compartment.created');
    // Made by the ward's Manager and by the Security Director, as accounts of the demo's personas.
    expect(made.map((e) => e.payload['unitCode'])).toEqual(['KANGO-4E', 'SHIN-SEISHIN']);
    expect(made.every((e) => e.actor.startsWith('account:'))).toBe(true);
    expect(entries.filter((e) => e.kind === 'org.compartment.memberAdded').length).toBeGreaterThanOrEqual(5);

    const system = db().ctx(systemActor('test'));
    const today = calendarDate(db().clock.now(), 'Asia/Tokyo');
    const persona = (key: string) => seeded.personas.find((p) => p.key === key);
    /** A persona as a session would make them: their roles and compartments today. */
    const actorOf = async (key: string): Promise<Actor> => {
      const row = await findStaffByNumber(db().handle.db, persona(key)?.employeeNumber ?? '');
      if (row === undefined) throw new Error(`no ${key} persona`);
      return {
        kind: 'account',
        accountId: `demo-${key}-account`,
        staffId: row.id,
        unitId: row.unit_id,
        loginId: persona(key)?.loginId ?? key,
        systemRole: null,
        category: 'employee',
        grants: await resolveGrants(db().handle.db, row.id, today),
        compartments: await resolveCompartments(db().handle.db, row.id, today),
      };
    };
    const units = new Map((await listUnits(system, {})).map((u) => [u.code, u.id]));
    const manager = db().ctx(await actorOf('securityManager'));
    const ward = await listCompartments(manager, { unitId: units.get('KANGO-4E') ?? '' });
    expect(ward.compartments.map((c) => [c.nameJa, c.members.length])).toEqual([['虐待・DV対応記録', 3]]);
    const memberNumbers = ward.compartments[0]?.members.map((m) => m.employeeNumber) ?? [];
    expect(memberNumbers).toContain(persona('securityManager')?.employeeNumber);
    expect(memberNumbers).not.toContain(persona('staff')?.employeeNumber);

    const all = await listAssets(system, { limit: 1000 });
    const restricted = all.items.filter((a) => a.compartmentId !== null);
    expect(restricted.map((a) => [a.code, a.classification])).toEqual([
      ['DEMO-KANGO-4E-C1', 1],
      ['DEMO-SHIN-SEISHIN-C1', 1],
    ]);

    // The staff persona of the same ward cannot open it; the refusal is on the ledger. Its Manager, a member, can.
    const nurse = await actorOf('staff');
    const asset = restricted[0];
    const at = await auditSize(db().handle);
    await expect(getAsset(db().ctx(nurse), { assetId: asset?.id ?? '' })).rejects.toMatchObject({
      code: 'forbidden',
      userMessage: { ja: expect.stringContaining('別領域') as unknown },
    });
    expect((await auditEntries(db().handle, at)).map((e) => [e.kind, e.payload['ruleIds']])).toEqual([
      ['access.denied', ['information.compartment']],
    ]);
    expect((await getAsset(manager, { assetId: asset?.id ?? '' })).code).toBe('DEMO-KANGO-4E-C1');

    // The compliance view, composed as the server composes it, shows 第7 1(1)イ met in both sections.
    const pack = kawaguchiPack();
    const compliance = createComplianceService(
      createComplianceSetup({
        pack,
        evaluators: [...builtinEvaluators(pack, assetEvaluators), ...assetEvaluators],
        modules: ['org', 'identity', 'access', 'ledger', 'approvals', 'policy'],
      }),
    );
    const clause = await compliance.getClause(system, { clauseId: '7.1.1.b' });
    expect(clause.status).toBe('met');
    expect(clause.units.map((u) => u.unitId).sort()).toEqual(
      [units.get('KANGO-4E'), units.get('SHIN-SEISHIN')].sort(),
    );
  });
});
