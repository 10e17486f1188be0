import { beforeAll, expect, it } from 'vitest';
import { decide, systemActor, type Actor, type Resource } from '../../kernel/index.js';
import { describeEachDialect, type TestDatabase } from '../../../test/db-harness.js';
import { staffRow } from '../../../test/factories/org.js';
import {
  activate,
  hospitalWithAccounts,
  rejection,
  signInSession,
} from '../../../test/factories/identity.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { createAccount } from '../identity/index.js';
import {
  addCompartmentMember,
  closeCompartment,
  createCompartment,
  findStaffByNumber,
  listCompartments,
  registerStaff,
  removeCompartmentMember,
  renameCompartment,
  updateStaff,
} from './index.js';

/**
 * Compartments (別領域, 第7 1(1)イ) in 3階東病棟 of the small hospital (test/factories/org.ts): S006 is its Manager,
 * S007 and S008 (registered here) are nurses of the ward, S004 is the Manager of 総務課, S005 the Officer of 看護部,
 * S002 the Director. Every actor below is built from a real session, as the server builds it for each request.
 */
const people = {
  manager: 'S006',
  nurse: 'S007',
  colleague: 'S008',
  somu: 'S004',
  officer: 'S005',
  director: 'S002',
};
type Who = keyof typeof people;

describeEachDialect('compartments (第7 1(1)イ)', (db) => {
  const passwords = new Map<Who, string>();
  let ward = '';
  let kango = '';
  let wardCompartment = '';

  /** The actor of a fresh session on the clock's date. */
  const actor = async (who: Who): Promise<Actor> =>
    (await signInSession(db(), who, passwords.get(who) ?? '')).actor;
  const as = async (who: Who) => db().ctx(await actor(who));

  /** The entries about compartments since an index (sign-ins write entries of their own). */
  const compartmentEntries = async (from: number) =>
    (await auditEntries(db().handle, from)).filter((e) => e.subject.startsWith('compartment:'));

  /** A class I record of the ward, in a compartment or not (what the assets module hands the engine). */
  const record = (compartment: string | null): Resource => ({
    type: 'informationAsset',
    id: 'asset-1',
    unitPath: [ward, kango],
    classification: 1,
    compartment,
    ownerId: null,
  });

  beforeAll(async () => {
    const d: TestDatabase = db();
    const temporary = await hospitalWithAccounts(d, {
      manager: people.manager,
      nurse: people.nurse,
      somu: people.somu,
      officer: people.officer,
      director: people.director,
    });
    const system = d.ctx(systemActor('test'));
    await registerStaff(system, staffRow({ employeeNumber: people.colleague, unitCode: 'KANGO-3E' }));
    const colleague = await createAccount(system, { loginId: 'colleague', employeeNumber: people.colleague });
    temporary.set('colleague', colleague.temporaryPassword);
    for (const [who, password] of temporary)
      passwords.set(who as Who, (await activate(d, who, password)).password);
    ward = (await findStaffByNumber(d.handle.db, people.nurse))?.unit_id ?? '';
    kango = (
      await d.handle.db.selectFrom('units').select('id').where('code', '=', 'KANGO').executeTakeFirstOrThrow()
    ).id;
  });

  it("the section's Manager makes a compartment and names a member, each a ledger entry (第7 1(1)イ)", async () => {
    const manager = await actor('manager');
    const before = await auditSize(db().handle);
    const { id } = await createCompartment(db().ctx(manager), {
      unitId: ward,
      nameJa: '虐待対応記録',
      nameEn: 'Abuse case records',
      purpose: '児童・高齢者虐待の対応記録は担当職員のみが扱う。',
      validFrom: '2026-04-01',
    });
    wardCompartment = id;
    const member = await addCompartmentMember(db().ctx(manager), {
      compartmentId: id,
      employeeNumber: people.nurse,
      startDate: '2026-04-01',
    });
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => [e.kind, e.subject, e.actor])).toEqual([
      ['org.compartment.created', `compartment:${id}`, `account:${manager.accountId ?? ''}`],
      ['org.compartment.memberAdded', `compartment:${id}`, `account:${manager.accountId ?? ''}`],
    ]);
    expect(entries[0]?.payload).toMatchObject({
      unitId: ward,
      nameJa: '虐待対応記録',
      validFrom: '2026-04-01',
    });
    expect(entries[1]?.payload).toMatchObject({
      membershipId: member.id,
      employeeNumber: people.nurse,
      startDate: '2026-04-01',
      endDate: null,
    });
  });

  it('a member sees a class I record of the compartment; a colleague of the same section does not (第7 1(1)イ)', async () => {
    const nurse = await actor('nurse');
    const colleague = await actor('colleague');
    expect(nurse.compartments).toEqual([wardCompartment]);
    expect(colleague.compartments).toEqual([]);

    expect(decide(nurse, 'information.read', record(wardCompartment))).toMatchObject({ allowed: true });
    const refused = decide(colleague, 'information.read', record(wardCompartment));
    expect(refused).toMatchObject({ allowed: false, ruleIds: ['information.compartment'], report: true });
    expect(decide(colleague, 'information.update', record(wardCompartment)).allowed).toBe(false);
    // The same record outside any compartment is the section's, open to both (第7 1(1)ア).
    expect(decide(colleague, 'information.read', record(null))).toMatchObject({
      allowed: true,
      ruleIds: ['information.read.ownUnit'],
    });
  });

  it("the section's Manager manages the compartment but sees its information only as a member (第7 1(1)イ)", async () => {
    const manager = await actor('manager');
    // Outside compartments the Manager handles the section's information (第3 4(2)); inside, the forbid wins.
    expect(decide(manager, 'information.update', record(null)).allowed).toBe(true);
    expect(decide(manager, 'information.read', record(wardCompartment))).toMatchObject({
      allowed: false,
      ruleIds: ['information.compartment'],
    });
    // Naming themselves a member is theirs to do, and on the ledger like any other member.
    await addCompartmentMember(db().ctx(manager), {
      compartmentId: wardCompartment,
      employeeNumber: people.manager,
      startDate: '2026-04-01',
    });
    const member = await actor('manager');
    expect(decide(member, 'information.read', record(wardCompartment)).allowed).toBe(true);
    // So do the executives: the compartment is closed to them too unless they are members (第7 1(1)イ).
    expect(decide(await actor('director'), 'information.read', record(wardCompartment)).allowed).toBe(false);
  });

  it('only the section’s Manager and the security office manage its compartments; refusals write nothing', async () => {
    const input = { unitId: ward, nameJa: '試験領域', nameEn: 'Trial', validFrom: '2026-04-01' };
    const contexts = [await as('somu'), await as('officer'), await as('nurse')];
    const director = await as('director');
    const before = await auditSize(db().handle);
    for (const ctx of contexts) {
      const error = await rejection(createCompartment(ctx, input), 'forbidden');
      expect(error.userMessage.ja).toContain('権限がありません');
      await rejection(
        addCompartmentMember(ctx, {
          compartmentId: wardCompartment,
          employeeNumber: people.colleague,
          startDate: '2026-04-01',
        }),
        'forbidden',
      );
    }
    expect(await auditSize(db().handle)).toBe(before);
    // The security office (the Director, hospital-wide) may.
    const made = await createCompartment(director, input);
    expect((await auditEntries(db().handle, before)).map((e) => e.subject)).toEqual([
      `compartment:${made.id}`,
    ]);
  });

  it('refuses bad input naming the field in Japanese and English, and writes nothing', async () => {
    const ctx = await as('manager');
    const director = await as('director');
    const before = await auditSize(db().handle);
    const other = await rejection(
      addCompartmentMember(ctx, {
        compartmentId: wardCompartment,
        employeeNumber: people.somu,
        startDate: '2026-04-01',
      }),
      'validation',
    );
    expect(other.issues[0]).toMatchObject({ field: 'employeeNumber' });
    expect(other.issues[0]?.message.ja).toContain('科課室等に所属する');
    expect(other.issues[0]?.message.en).toContain('staff of its own section');
    const dates = await rejection(
      addCompartmentMember(ctx, {
        compartmentId: wardCompartment,
        employeeNumber: people.colleague,
        startDate: '2026-04-10',
        endDate: '2026-04-01',
      }),
      'validation',
    );
    expect(dates.issues[0]).toMatchObject({ field: 'endDate' });
    const twice = await rejection(
      addCompartmentMember(ctx, {
        compartmentId: wardCompartment,
        employeeNumber: people.nurse,
        startDate: '2026-05-01',
      }),
      'conflict',
    );
    expect(twice.userMessage.ja).toContain('既にこの別領域の担当職員');
    const duplicate = await rejection(
      createCompartment(ctx, {
        unitId: ward,
        nameJa: '虐待対応記録',
        nameEn: 'Other',
        validFrom: '2026-04-01',
      }),
      'conflict',
    );
    expect(duplicate.issues[0]).toMatchObject({ field: 'nameJa' });
    const bureau = (
      await db()
        .handle.db.selectFrom('units')
        .select('id')
        .where('code', '=', 'JIMU')
        .executeTakeFirstOrThrow()
    ).id;
    const kind = await rejection(
      createCompartment(director, {
        unitId: bureau,
        nameJa: '局',
        nameEn: 'B',
        validFrom: '2026-04-01',
      }),
      'validation',
    );
    expect(kind.issues[0]).toMatchObject({ field: 'unitId' });
    await rejection(renameCompartment(ctx, { compartmentId: 'none', nameJa: 'x', nameEn: 'x' }), 'notFound');
    expect(await auditSize(db().handle)).toBe(before);
  });

  it('membership dates count: a member from a later date sees nothing yet; an ended membership sees no more', async () => {
    const ctx = await as('manager');
    const later = await addCompartmentMember(ctx, {
      compartmentId: wardCompartment,
      employeeNumber: people.colleague,
      startDate: '2026-04-10',
      endDate: '2026-04-20',
      note: '応援勤務の期間',
    });
    expect((await actor('colleague')).compartments).toEqual([]);
    db().clock.set('2026-04-10T01:00:00.000Z');
    try {
      expect(decide(await actor('colleague'), 'information.read', record(wardCompartment)).allowed).toBe(
        true,
      );
      const before = await auditSize(db().handle);
      await removeCompartmentMember(await as('manager'), {
        compartmentId: wardCompartment,
        membershipId: later.id,
        endDate: '2026-04-12',
      });
      const [entry] = await compartmentEntries(before);
      expect(entry).toMatchObject({
        kind: 'org.compartment.memberRemoved',
        subject: `compartment:${wardCompartment}`,
        payload: { membershipId: later.id, endDate: '2026-04-12', previousEndDate: '2026-04-20' },
      });
      db().clock.set('2026-04-13T01:00:00.000Z');
      expect(decide(await actor('colleague'), 'information.read', record(wardCompartment)).allowed).toBe(
        false,
      );
    } finally {
      db().clock.set('2026-04-01T01:00:00.000Z');
    }
  });

  it('the list shows every compartment to whoever manages them, only their own to a member, none to others', async () => {
    const managed = await listCompartments(await as('manager'), { unitId: ward });
    expect(managed.canManage).toBe(true);
    expect(managed.compartments.map((c) => c.nameJa).sort()).toEqual(['虐待対応記録', '試験領域']);
    const own = managed.compartments.find((c) => c.id === wardCompartment);
    expect(own?.members.map((m) => [m.employeeNumber, m.active])).toEqual([
      [people.manager, true],
      [people.nurse, true],
      [people.colleague, false],
    ]);
    const asMember = await listCompartments(await as('nurse'), { unitId: ward });
    expect(asMember).toMatchObject({ canManage: false });
    expect(asMember.compartments.map((c) => c.id)).toEqual([wardCompartment]);
    expect((await listCompartments(await as('colleague'), { unitId: ward })).compartments).toEqual([]);
    expect((await listCompartments(await as('somu'), { unitId: ward })).canManage).toBe(false);
  });

  it('a transfer out of the section ends what the membership gave (第7 1(1)イ)', async () => {
    const system = db().ctx(systemActor('test'));
    await updateStaff(
      system,
      staffRow({
        employeeNumber: people.nurse,
        nameKanji: '職員 七海',
        nameKana: 'ショクイン ナナミ',
        employment: 'partTime',
        unitCode: 'JIMU-SOMU',
      }),
    );
    expect((await actor('nurse')).compartments).toEqual([]);
    await updateStaff(
      system,
      staffRow({
        employeeNumber: people.nurse,
        nameKanji: '職員 七海',
        nameKana: 'ショクイン ナナミ',
        employment: 'partTime',
        unitCode: 'KANGO-3E',
      }),
    );
    expect((await actor('nurse')).compartments).toEqual([wardCompartment]);
  });

  it('renaming keeps the members; closing ends the memberships and closes the information to all (第7 1(1)イ)', async () => {
    const ctx = await as('manager');
    const before = await auditSize(db().handle);
    await renameCompartment(ctx, {
      compartmentId: wardCompartment,
      nameJa: '虐待・DV対応記録',
      nameEn: 'Abuse and DV records',
    });
    expect((await actor('nurse')).compartments).toEqual([wardCompartment]);
    await closeCompartment(ctx, {
      compartmentId: wardCompartment,
      validTo: '2026-04-01',
      reason: '院内の虐待対応チームへ移管',
    });
    const entries = await compartmentEntries(before);
    expect(entries.map((e) => e.kind)).toEqual(['org.compartment.renamed', 'org.compartment.closed']);
    expect(entries[0]?.payload).toMatchObject({ previousNameJa: '虐待対応記録', nameJa: '虐待・DV対応記録' });
    expect((entries[1]?.payload['endedMemberships'] as unknown[]).length).toBe(2);
    await rejection(
      closeCompartment(ctx, { compartmentId: wardCompartment, validTo: '2026-04-02', reason: '二度目' }),
      'conflict',
    );
    db().clock.set('2026-04-02T01:00:00.000Z');
    try {
      const nurse = await actor('nurse');
      expect(nurse.compartments).toEqual([]);
      expect(decide(nurse, 'information.read', record(wardCompartment)).allowed).toBe(false);
    } finally {
      db().clock.set('2026-04-01T01:00:00.000Z');
    }
  });
});
