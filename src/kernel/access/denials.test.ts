import { z } from 'zod';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { defineQuery, recordingDenials } from '../usecase/index.js';
import type { Actor } from './actor.js';
import { AccessDenied, decide, requirePermission } from './authorize.js';
import { DENIAL_ENTRIES_PER_MINUTE, denialReasons, recordDenial } from './denials.js';
import type { Action } from './hospital-rules.js';
import type { Role } from './roles.js';
import { hospitalResource, seatKey, type Resource } from './rules.js';

/**
 * Sensitive denials are ledger entries (issue 5): which refusals are sensitive, the entry each writes in its own
 * transaction, and the limits that keep a flood of refusals from becoming a flood of writes.
 */
const person = (
  staffId: string,
  unitId: string,
  grants: [Role, string | null][] = [],
  contractor = false,
): Actor => ({
  kind: 'account',
  accountId: `acc-${staffId}`,
  staffId,
  unitId,
  loginId: staffId,
  systemRole: null,
  category: contractor ? 'contractor' : 'employee',
  grants: grants.map(([role, unit]) => ({ role, unitId: unit, via: 'assignment', sourceId: 'x' })),
});

const nurse4E = person('n4e', '4E');
const nurse4W = person('n4w', '4W');
const manager4E = person('m4e', '4E', [['securityManager', '4E']]);
const vendor = person('v1', '4E', [], true);

const asset = (unit: '4E' | '4W', classification: 1 | 2 | 3 | 4, more: Partial<Resource> = {}): Resource => ({
  type: 'informationAsset',
  id: `asset-${unit}-${String(classification)}`,
  unitPath: [unit, 'KANGO'],
  classification,
  ...more,
});

const refusal = (actor: Actor, action: Action, resource: Resource = hospitalResource): AccessDenied => {
  const decision = decide(actor, action, resource);
  expect(decision.allowed, `${actor.loginId} ${action}`).toBe(false);
  return new AccessDenied(actor, action, resource, decision);
};

it('says which refusals are sensitive: class I/II, a compartment, another unit, a privileged action, a reported rule (第7 1(1)ア・イ, 第4 1, 第3 7)', () => {
  // Another section's class II record (7-1(1)ア, 第4 1).
  expect(denialReasons(nurse4W, refusal(nurse4W, 'information.read', asset('4E', 2)))).toEqual([
    'classification',
    'otherUnit',
  ]);
  // Inside the section, a compartment's record (7-1(1)イ): the forbid rule is marked for reporting.
  const inCompartment = asset('4E', 3, { compartment: 'abuse-records' });
  expect(denialReasons(nurse4E, refusal(nurse4E, 'information.read', inCompartment))).toEqual([
    'rule',
    'compartment',
  ]);
  // Changing the organisation or IDs is privileged, whoever asks (第7 2(1)).
  expect(denialReasons(nurse4E, refusal(nurse4E, 'org.manage'))).toEqual(['privilegedAction']);
  expect(denialReasons(vendor, refusal(vendor, 'identity.managePrivileged'))).toEqual([
    'rule',
    'privilegedAction',
  ]);
  // Deciding one's own request (第3 7(1)).
  const own: Resource = {
    type: 'request',
    id: 'r1',
    unitPath: ['4E', 'KANGO'],
    applicantId: 'm4e',
    seats: [seatKey('securityManager', '4E')],
  };
  expect(denialReasons(manager4E, refusal(manager4E, 'request.approve', own))).toEqual([
    'rule',
    'privilegedAction',
  ]);
  // Not sensitive: a screen one's role does not open, one's own unit's class III record one may not change.
  expect(denialReasons(nurse4E, refusal(nurse4E, 'compliance.read'))).toEqual([]);
  expect(denialReasons(nurse4E, refusal(nurse4E, 'information.update', asset('4E', 3)))).toEqual([]);
});

describeEachDialect('sensitive denials on the ledger', (db) => {
  const minute = 60_000;

  it('writes an access.denied entry naming actor, action, resource and rules; nothing for an ordinary refusal (第7 1(1)ア)', async () => {
    const before = await auditSize(db().handle);
    expect(
      await recordDenial(db().ctx(), nurse4W, refusal(nurse4W, 'information.read', asset('4E', 1))),
    ).toBe(true);
    expect(await recordDenial(db().ctx(), nurse4E, refusal(nurse4E, 'compliance.read'))).toBe(false);
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => [e.kind, e.actor, e.subject, e.payload])).toEqual([
      [
        'access.denied',
        'account:acc-n4w',
        'informationAsset:asset-4E-1',
        {
          action: 'information.read',
          ruleIds: [],
          reasons: ['classification', 'otherUnit'],
          unitId: '4E',
          classification: 1,
        },
      ],
    ]);
  });

  it('records a refused use case once, after its transaction rolled back, however many catchers see it (第7 1(1)イ)', async () => {
    db().clock.advance(minute);
    const read = recordingDenials(
      defineQuery({
        name: 'test.readCompartment',
        input: z.object({}),
        authorize: (ctx) =>
          requirePermission(ctx.actor, 'information.read', asset('4E', 2, { compartment: 'abuse-records' })),
        execute: () => Promise.resolve('secret'),
      }),
    );
    const before = await auditSize(db().handle);
    const refused = await read(db().ctx(nurse4E), {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AccessDenied);
    if (!(refused instanceof AccessDenied)) return;
    // The HTTP handler sees the same refusal: it is not written twice.
    expect(await recordDenial(db().ctx(), nurse4E, refused)).toBe(false);
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => [e.kind, e.payload['ruleIds'], e.payload['reasons']])).toEqual([
      ['access.denied', ['information.compartment'], ['rule', 'classification', 'compartment']],
    ]);
  });

  it('writes one entry a minute per actor, action and resource; the next says how many it stands for', async () => {
    db().clock.advance(minute);
    const before = await auditSize(db().handle);
    const target = asset('4E', 2, { id: 'probed' });
    for (let i = 0; i < 500; i++)
      await recordDenial(db().ctx(), nurse4W, refusal(nurse4W, 'information.read', target));
    // Another resource, or another person, is another key.
    await recordDenial(db().ctx(), nurse4W, refusal(nurse4W, 'information.update', target));
    await recordDenial(
      db().ctx(),
      vendor,
      refusal(vendor, 'information.read', asset('4W', 1, { id: 'probed' })),
    );
    expect(await auditSize(db().handle)).toBe(before + 3);
    db().clock.advance(minute - 1);
    await recordDenial(db().ctx(), nurse4W, refusal(nurse4W, 'information.read', target));
    expect(await auditSize(db().handle)).toBe(before + 3);
    db().clock.advance(1);
    await recordDenial(db().ctx(), nurse4W, refusal(nurse4W, 'information.read', target));
    const entries = await auditEntries(db().handle, before);
    expect(entries).toHaveLength(4);
    expect(entries[3]?.payload).toMatchObject({ action: 'information.read', repeated: 500 });
  });

  it(`writes at most ${String(DENIAL_ENTRIES_PER_MINUTE)} a minute in all; the next entry counts the refusals left unwritten`, async () => {
    db().clock.advance(minute);
    const before = await auditSize(db().handle);
    for (let i = 0; i < DENIAL_ENTRIES_PER_MINUTE + 30; i++) {
      const resource = asset('4E', 1, { id: `flood-${String(i)}` });
      await recordDenial(db().ctx(), nurse4W, refusal(nurse4W, 'information.read', resource));
    }
    expect(await auditSize(db().handle)).toBe(before + DENIAL_ENTRIES_PER_MINUTE);
    db().clock.advance(minute);
    await recordDenial(db().ctx(), nurse4W, refusal(nurse4W, 'org.manage'));
    const [last] = await auditEntries(db().handle, before + DENIAL_ENTRIES_PER_MINUTE);
    expect(last?.payload).toMatchObject({ action: 'org.manage', unrecordedBefore: 30 });
  });
});
