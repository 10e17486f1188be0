import { expect, it } from 'vitest';
import { systemActor } from '../../kernel/index.js';
import { describeEachDialect } from '../../../test/db-harness.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { checkStorage, listAssets, listMediaRegister } from '../assets/index.js';
import { seedDemoHospital } from './index.js';

/** The demo hospital's synthetic asset register (第4), seeded through the asset import. */
describeEachDialect('demo hospital: its asset register', (db) => {
  it('registers a modest register with every class, places, media and something for the storage checks to find', async () => {
    const before = await auditSize(db().handle);
    const seeded = await seedDemoHospital(db().ctx(systemActor('demo')), { seed: 3, asOf: '2026-04-01' });
    expect(seeded.seeded).toBe(true);
    const entries = await auditEntries(db().handle, before);
    expect(entries.filter((e) => e.kind === 'assets.import.applied')).toHaveLength(1);

    const system = db().ctx(systemActor('test'));
    const all = await listAssets(system, { limit: 1000 });
    expect(all.total).toBeGreaterThan(150);
    expect(all.total).toBeLessThan(400);
    expect(new Set(all.items.map((a) => a.classification))).toEqual(new Set([1, 2, 3, 4]));
    // Everything came through the import, but the compartments' records (demo-compartments.test.ts).
    const imported = all.items.filter((a) => a.compartmentId === null);
    expect(imported.length).toBe(all.total - 2);
    expect(imported.every((a) => a.classificationBasis === 'imported' && a.status === 'active')).toBe(true);
    // The ward of the staff and manager personas has class II assets to transport or dispose of.
    const ward = all.items.filter((a) => a.owningUnit.nameJa === '4階東病棟');
    expect(ward.some((a) => a.classification === 2)).toBe(true);

    const media = await listMediaRegister(system, {});
    expect(media.find((m) => m.code === 'LTO-HIS-03')?.findings.map((f) => [f.clauseId, f.ok])).toEqual([
      ['4.2.5.b', true],
      ['4.2.5.c', true],
    ]);
    const check = await checkStorage(system, {});
    const failing = Object.fromEntries(check.rules.map((r) => [r.clauseId, r.failing]));
    expect(failing['4.2.5.b']).toBe(1);
    expect(failing['4.2.5.d']).toBeGreaterThan(0);
    // Seeding twice changes nothing.
    expect((await seedDemoHospital(db().ctx(systemActor('demo')), { seed: 3 })).seeded).toBe(false);
  });
});
