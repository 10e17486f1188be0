import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { rejection } from '../../../../test/factories/identity.js';
import { accountOf, lifecycleHospital, staffActor } from '../../../../test/factories/lifecycle.js';
import { auditEntries, auditSize } from '../../../../test/ledger-helpers.js';
import { systemActor, type Actor } from '../../../kernel/index.js';
import {
  createSharedAccount,
  decideSweepItems,
  listSweepItems,
  signIn,
  startIdSweep,
  sweepWhenDue,
} from '../index.js';

/** The unused-ID sweep (第7 2(1)イ(ウ)): candidates listed to each Security Manager, disabled on confirmation. */
describeEachDialect('unused-ID sweep (第7 2(1)イ(ウ))', (db) => {
  let passwords: Map<string, string>;
  let director: Actor;
  let ward: Actor;
  let somu: Actor;
  const at = (iso: string) => db().clock.set(iso);
  const itemOf = async (actor: Actor, loginId: string) => {
    const item = (await listSweepItems(db().ctx(actor), {})).items.find((i) => i.loginId === loginId);
    if (item === undefined) throw new Error(`no sweep item for ${loginId}`);
    return item;
  };

  it('prepares accounts, some used and some not', async () => {
    at('2026-01-05T01:00:00.000Z');
    passwords = await lifecycleHospital(db(), {
      staff7: 'S007',
      nurse6: 'S006',
      s004: 'S004',
      clerk: 'P001',
      s002: 'S002',
    });
    director = await staffActor(db(), 'S002', (await accountOf(db(), 's002')).id);
    ward = await staffActor(db(), 'S006', (await accountOf(db(), 'nurse6')).id);
    somu = await staffActor(db(), 'S004', (await accountOf(db(), 's004')).id);
    await createSharedAccount(db().ctx(director), {
      loginId: 'ward.shared',
      displayName: '病棟共用',
      purpose: '病棟端末',
      unitCode: 'KANGO-3E',
      users: ['S007'],
    });
    // S006 and S004 sign in in March; S007, the clerk and the shared ID never do.
    at('2026-03-10T01:00:00.000Z');
    for (const login of ['nurse6', 's004'])
      await signIn(db().ctx(), {
        loginId: login,
        password: passwords.get(login) ?? '',
        ip: null,
        userAgent: null,
      });
  });

  it('lists IDs without a sign-in for the set period, and those no longer tied to anyone on the roster (第7 2(1)イ(ウ))', async () => {
    at('2026-04-20T01:00:00.000Z');
    // S007 leaves (the record ends); the shared ID then has nobody on the roster.
    await db()
      .handle.db.updateTable('staff')
      .set({ end_date: '2026-04-15' })
      .where('employee_number', '=', 'S007')
      .execute();
    const before = await auditSize(db().handle);
    const sweep = await startIdSweep(db().ctx(director), {});
    expect(sweep.candidates).toBe(4);
    const [entry] = await auditEntries(db().handle, before);
    expect(entry).toMatchObject({
      kind: 'identity.sweepStarted',
      subject: `idSweep:${sweep.id}`,
      payload: { trigger: 'manual', unusedDays: 90, candidates: 4, unused: 2, notOnRoster: 2, ended: 0 },
    });
    const all = await listSweepItems(db().ctx(director), {});
    expect(all.items.map((i) => [i.loginId, i.reason]).sort()).toEqual([
      ['clerk', 'unused'],
      ['s002', 'unused'],
      ['staff7', 'notOnRoster'],
      ['ward.shared', 'notOnRoster'],
    ]);
  });

  it('shows each Security Manager only the IDs of their own section', async () => {
    expect((await listSweepItems(db().ctx(ward), {})).items.map((i) => i.loginId).sort()).toEqual([
      'staff7',
      'ward.shared',
    ]);
    expect((await listSweepItems(db().ctx(somu), {})).items.map((i) => i.loginId)).toEqual(['clerk']);
    await rejection(listSweepItems(db().ctx(await staffActor(db(), 'S007')), {}), 'forbidden');
  });

  it('disables on the Manager’s confirmation, recorded; another section’s item or one’s own is refused (第3 7)', async () => {
    const staff7 = await itemOf(ward, 'staff7');
    const clerk = await itemOf(director, 'clerk');
    const before = await auditSize(db().handle);
    await rejection(
      decideSweepItems(db().ctx(ward), { itemIds: [clerk.id], decision: 'disable' }),
      'forbidden',
    );
    const own = await itemOf(director, 's002');
    await rejection(
      decideSweepItems(db().ctx(director), { itemIds: [own.id], decision: 'keep', note: '自分のID' }),
      'forbidden',
    );
    expect(await auditSize(db().handle)).toBe(before);
    await decideSweepItems(db().ctx(ward), { itemIds: [staff7.id], decision: 'disable', note: null });
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => [e.kind, e.actor])).toEqual([
      ['identity.accountDisabled', `account:${ward.accountId ?? ''}`],
      ['identity.sweepItemDecided', `account:${ward.accountId ?? ''}`],
    ]);
    expect(entries[0]?.payload).toMatchObject({ reason: 'sweep', sweepItem: staff7.id });
    expect((await accountOf(db(), 'staff7')).disabled_reason).toBe('sweep');
    expect((await itemOf(ward, 'staff7')).decision).toBe('disable');
  });

  it('keeps an ID only with a reason, and does not list it again until the period passes once more', async () => {
    const clerk = await itemOf(somu, 'clerk');
    const noReason = await rejection(
      decideSweepItems(db().ctx(somu), { itemIds: [clerk.id], decision: 'keep', note: null }),
      'validation',
    );
    expect(noReason.issues.map((i) => i.field)).toEqual(['note']);
    const before = await auditSize(db().handle);
    await decideSweepItems(db().ctx(somu), {
      itemIds: [clerk.id],
      decision: 'keep',
      note: '育児休業中（7月復帰）',
    });
    expect(await auditEntries(db().handle, before)).toMatchObject([
      {
        kind: 'identity.sweepItemDecided',
        subject: `account:${clerk.accountId}`,
        payload: { decision: 'keep', reason: 'unused', note: '育児休業中（7月復帰）' },
      },
    ]);
    expect((await accountOf(db(), 'clerk')).disabled_at).toBeNull();
    const again = await startIdSweep(db().ctx(director), {});
    const listed = (await listSweepItems(db().ctx(director), {})).items.filter((i) => i.sweepId === again.id);
    expect(listed.map((i) => i.loginId)).toEqual([]);
    await rejection(
      decideSweepItems(db().ctx(somu), { itemIds: [clerk.id], decision: 'disable', note: null }),
      'validation',
    );
  });

  it('runs by itself at the policy pack’s interval (monthly), and not more often', async () => {
    at('2026-05-01T01:00:00.000Z');
    const app = db().ctx(systemActor('scheduler'));
    expect(await sweepWhenDue(app)).toBeNull();
    at('2026-05-21T01:00:00.000Z');
    const before = await auditSize(db().handle);
    const ran = await sweepWhenDue(app);
    expect(ran).not.toBeNull();
    const [entry] = await auditEntries(db().handle, before);
    expect(entry).toMatchObject({
      kind: 'identity.sweepStarted',
      actor: 'system:id-sweep',
      payload: { trigger: 'scheduled' },
    });
  });
});
