import { expect, it } from 'vitest';
import { systemActor } from '../../kernel/index.js';
import { describeEachDialect } from '../../../test/db-harness.js';
import { kawaguchiPack } from '../../../test/factories/compliance.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { facilitiesEvaluators, listDevices } from '../facilities/index.js';
import { builtinEvaluators, createComplianceService, createComplianceSetup } from '../policy/index.js';
import { seedDemoHospital } from './index.js';

/** The demo hospital's synthetic device register (第5 1, 4(1)), seeded through the device import. */
describeEachDialect('demo hospital: its device register', (db) => {
  it('registers a few hundred devices in every section, with gaps the compliance view shows (第5 1, 4(1))', async () => {
    const before = await auditSize(db().handle);
    const seeded = await seedDemoHospital(db().ctx(systemActor('demo')), { seed: 3, asOf: '2026-04-01' });
    expect(seeded.seeded).toBe(true);
    const entries = await auditEntries(db().handle, before);
    expect(entries.filter((e) => e.kind === 'facilities.import.applied')).toHaveLength(1);
    expect(entries.filter((e) => e.kind === 'facilities.device.repaired')).toHaveLength(2);

    const system = db().ctx(systemActor('test'));
    const all = await listDevices(system, { limit: 1000 });
    expect(all.total).toBeGreaterThan(200);
    expect(all.total).toBeLessThan(500);
    expect(new Set(all.items.map((d) => d.kind))).toEqual(
      new Set(['server', 'network', 'terminal', 'other']),
    );
    expect(new Set(all.items.map((d) => d.owningUnit.id)).size).toBeGreaterThan(40);
    expect(all.items.filter((d) => d.status === 'returned')).toHaveLength(2);

    const pack = kawaguchiPack();
    const service = createComplianceService(
      createComplianceSetup({
        pack,
        evaluators: [...builtinEvaluators(pack, facilitiesEvaluators), ...facilitiesEvaluators],
        modules: ['org', 'identity', 'access', 'ledger', 'approvals', 'policy', 'facilities'],
      }),
    );
    const overview = await service.getStatus(system, {});
    const statusOf = (id: string) => overview.clauses.find((c) => c.id === id)?.status;
    for (const id of ['5.1.1', '5.1.2.a', '5.1.2.b', '5.1.4.a', '5.1.6', '5.4.1'])
      expect(statusOf(id), id).toBe('partlyMet');
    expect(statusOf('5.1.4.b')).toBe('met');
    expect(statusOf('5.1.5')).toBe('notYetEvaluable');
  });
});
