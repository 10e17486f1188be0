import { z } from 'zod';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/db-harness.js';
import { auditEntries, auditSize } from '../../../test/ledger-helpers.js';
import { isAppError } from '../errors/index.js';
import { defineQuery, defineUseCase } from '../usecase/index.js';
import type { Actor } from './actor.js';
import { AccessDenied, decide, requirePermission } from './authorize.js';
import { recordDenial } from './denials.js';
import { authorizeDuty } from './override.js';
import { principalOf } from './principal.js';
import type { Role } from './roles.js';
import { seatKey, type Resource } from './rules.js';
import { approvesOwnRequest, auditsOwnUnit, verifiesOwnChange } from './separation.js';

const person = (
  staffId: string,
  unitId: string,
  grants: [Role, string | null][],
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

const manager = person('m4e', '4E', [['securityManager', '4E']]);
const otherManager = person('m4w', '4W', [['securityManager', '4W']]);
const officer = person('okango', 'KANGO', [['securityOfficer', 'KANGO']]);
const auditorOfKango = person('aud1', 'KANGO', [['auditor', null]]);
const auditorOfKansa = person('aud2', 'KANSA', [['auditor', null]]);

/** A nurse's request of 4E: its step's seat is the ward's Manager, sent up to the Officer of 看護部 if need be. */
const request = (more: Partial<Resource> = {}): Resource => ({
  type: 'request',
  id: 'req-1',
  unitPath: ['4E', 'KANGO'],
  applicantId: 'nurse',
  seats: [seatKey('securityManager', '4E'), seatKey('securityOfficer', 'KANGO')],
  ...more,
});

it('declares the duties kept apart as pure functions (第3 7)', () => {
  expect(approvesOwnRequest(principalOf(manager), { applicantId: 'm4e' })).toBe(true);
  expect(approvesOwnRequest(principalOf(manager), { applicantId: 'nurse', preparerId: 'acc-m4e' })).toBe(
    true,
  );
  expect(approvesOwnRequest(principalOf(manager), { applicantId: 'nurse', preparerId: 'clerk' })).toBe(false);
  expect(auditsOwnUnit(principalOf(auditorOfKango), { auditedUnitIds: ['KANGO', '4E', '4W'] })).toBe(true);
  expect(auditsOwnUnit(principalOf(officer), { auditedUnitIds: ['KANGO'] })).toBe(true);
  expect(auditsOwnUnit(principalOf(auditorOfKansa), { auditedUnitIds: ['KANGO', '4E', '4W'] })).toBe(false);
  expect(verifiesOwnChange(principalOf(manager), { changerId: 'm4e' })).toBe(true);
  expect(verifiesOwnChange(principalOf(manager), { changerId: 'someone' })).toBe(false);
});

it('lets the engine apply them: the approver of a request is not its applicant or preparer', () => {
  expect(decide(manager, 'request.approve', request())).toMatchObject({ allowed: true });
  expect(decide(otherManager, 'request.approve', request())).toMatchObject({ allowed: false, ruleIds: [] });
  expect(decide(officer, 'request.approve', request())).toMatchObject({ allowed: true });
  expect(decide(manager, 'request.approve', request({ applicantId: 'm4e' }))).toEqual({
    allowed: false,
    ruleIds: ['sod.approveOwnRequest'],
    report: true,
    overridable: true,
  });
  expect(decide(manager, 'request.approve', request({ preparerId: 'm4e' })).ruleIds).toEqual([
    'sod.approveOwnRequest',
  ]);
  const audit: Resource = { type: 'audit', id: 'a1', unitPath: [], auditedUnitIds: ['KANGO', '4E', '4W'] };
  expect(decide(auditorOfKango, 'audit.perform', audit).ruleIds).toEqual(['sod.auditOwnUnit']);
  expect(decide(auditorOfKansa, 'audit.perform', audit).allowed).toBe(true);
  const change: Resource = { type: 'change', id: 'c1', unitPath: ['4E', 'KANGO'], changerId: 'm4e' };
  expect(decide(manager, 'change.verify', change).ruleIds).toEqual(['sod.verifyOwnChange']);
  expect(decide(officer, 'change.verify', change).allowed).toBe(true);
  // Contractors never approve, and that cannot be overridden.
  const vendor = person('v', '4E', [['securityManager', '4E']], true);
  expect(decide(vendor, 'request.approve', request())).toMatchObject({
    allowed: false,
    ruleIds: ['contractor.noDecisions'],
    overridable: false,
  });
});

it('overrides only with a written reason, and only what a permit would otherwise allow', () => {
  expect(authorizeDuty(manager, 'request.approve', request())).toBeNull();
  const own = request({ applicantId: 'm4e' });
  expect(() => authorizeDuty(manager, 'request.approve', own)).toThrow(AccessDenied);
  try {
    authorizeDuty(manager, 'request.approve', own, { reason: '急ぎ' });
    expect.unreachable();
  } catch (e) {
    if (!isAppError(e)) throw e;
    expect(e.code).toBe('validation');
    expect(e.issues[0]?.field).toBe('overrideReason');
    expect(e.userMessage.ja).toBe('やむを得ない理由を10文字以上で記入してください。');
  }
  // Not permitted at all: an override reason does not help.
  expect(() =>
    authorizeDuty(otherManager, 'request.approve', request({ applicantId: 'm4w' }), {
      reason: '他に承認できる者がいないため',
    }),
  ).toThrow(AccessDenied);
  const override = authorizeDuty(manager, 'request.approve', own, {
    reason: '  他に承認できる者が不在のため  ',
  });
  expect(override).toEqual({
    action: 'request.approve',
    ruleIds: ['sod.approveOwnRequest'],
    clauses: ['3.7.1'],
    reason: '他に承認できる者が不在のため',
    notify: 'ciso',
    ledger: {
      kind: 'access.separationOverridden',
      subject: 'request:req-1',
      payload: {
        action: 'request.approve',
        ruleIds: ['sod.approveOwnRequest'],
        clauses: ['3.7.1'],
        reason: '他に承認できる者が不在のため',
        notify: 'ciso',
      },
    },
  });
});

describeEachDialect('separation of duties on the ledger', (db) => {
  const approve = defineUseCase({
    name: 'test.approve',
    input: z.object({ applicantId: z.string(), reason: z.string().optional() }),
    authorize: () => undefined,
    execute: (ctx, input) => {
      const resource = request({ applicantId: input.applicantId });
      const override = authorizeDuty(
        ctx.actor,
        'request.approve',
        resource,
        input.reason === undefined ? undefined : { reason: input.reason },
      );
      return Promise.resolve({
        result: override?.notify ?? null,
        ledger: [
          { kind: 'test.approved', subject: 'request:req-1', payload: {} },
          ...(override === null ? [] : [override.ledger]),
        ],
      });
    },
  });

  it('writes the override in the same transaction as the approval; a refusal writes neither', async () => {
    const before = await auditSize(db().handle);
    await expect(approve(db().ctx(manager), { applicantId: 'm4e' })).rejects.toThrow(AccessDenied);
    expect(await auditSize(db().handle)).toBe(before);
    expect(
      await approve(db().ctx(manager), { applicantId: 'm4e', reason: '他に承認できる者が不在のため' }),
    ).toBe('ciso');
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => [e.kind, e.actor])).toEqual([
      ['test.approved', 'account:acc-m4e'],
      ['access.separationOverridden', 'account:acc-m4e'],
    ]);
  });

  it('records a sensitive denial in its own transaction once the refused one rolled back', async () => {
    const read = defineQuery({
      name: 'test.readCompartment',
      input: z.object({}),
      authorize: (ctx) =>
        requirePermission(ctx.actor, 'information.read', {
          type: 'informationAsset',
          id: 'notes',
          unitPath: ['4E', 'KANGO'],
          compartment: 'psychiatry',
        }),
      execute: () => Promise.resolve('secret'),
    });
    const before = await auditSize(db().handle);
    const refused = await read(db().ctx(manager), {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AccessDenied);
    if (!(refused instanceof AccessDenied)) return;
    expect(await recordDenial(db().ctx(), manager, refused)).toBe(true);
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => [e.kind, e.actor, e.subject, e.payload])).toEqual([
      [
        'access.denied',
        'account:acc-m4e',
        'informationAsset:notes',
        {
          action: 'information.read',
          ruleIds: ['information.compartment'],
          reasons: ['rule', 'compartment'],
          unitId: '4E',
          compartment: 'psychiatry',
        },
      ],
    ]);
    // An ordinary refusal is not sensitive: nothing is written.
    const nurse = person('n4e', '4E', []);
    const plain = new AccessDenied(
      nurse,
      'org.readReports',
      { type: 'hospital', id: 'hospital', unitPath: [] },
      decide(nurse, 'org.readReports'),
    );
    expect(await recordDenial(db().ctx(), nurse, plain)).toBe(false);
    expect(await auditSize(db().handle)).toBe(before + 1);
  });
});
