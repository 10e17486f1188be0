import { beforeAll, expect, it } from 'vitest';
import {
  AppError,
  decideStep,
  mergeApprovalHooks,
  submitRequest,
  type Actor,
  type ApprovalHooks,
  type UseCaseContext,
} from '../../src/kernel/index.js';
import { describeEachDialect } from '../db-harness.js';
import { auditEntries, auditSize } from '../ledger-helpers.js';
import { actorOf, carryOutForm, countRows, rejectionOf, seedSmallHospital, unitIdOf } from './fixtures.js';

/**
 * How a module takes part in the engine (AppContext.approvalHooks): before the route is fixed it may complete the
 * form and set the owning unit from its record, or refuse; when the last step approves, its entries join the
 * approval's transaction — and its failure undoes the approval.
 */
describeEachDialect('approvals: module hooks', (db) => {
  let staff: Actor;
  let manager: Actor;
  beforeAll(async () => {
    await seedSmallHospital(db());
    staff = await actorOf(db(), 'S007');
    manager = await actorOf(db(), 'S006');
  });
  const withHooks = (actor: Actor, hooks: ApprovalHooks): UseCaseContext => ({
    ...db().ctx(actor),
    approvalHooks: hooks,
  });

  it('refuses a type hooked by two modules', () => {
    const hooks: ApprovalHooks = { 'people.carryOut': {} };
    expect(() => mergeApprovalHooks(hooks, hooks)).toThrow(AppError);
  });

  it('lets the module complete the form and route by its record, or refuse with nothing written', async () => {
    const somu = await unitIdOf(db(), 'JIMU-SOMU');
    const hooks: ApprovalHooks = {
      'assets.transport': {
        beforeRoute: (env, draft) => {
          if (draft.resourceRef === 'thing:refused') {
            const message = { ja: '拒否', en: 'Refused' };
            return Promise.reject(
              new AppError('validation', message, { issues: [{ field: 'form.x', message }] }),
            );
          }
          return Promise.resolve({
            form: { ...draft.form, assetName: 'From the record' },
            resourceUnitId: somu,
          });
        },
      },
    };
    const form = {
      assetName: 'typed',
      classification: 2,
      origin: 'a',
      destination: 'b',
      transportDate: '2026-04-05',
      protection: 'encrypted',
      purpose: 'p',
    };
    const before = await countRows(db(), 'approval_requests');
    await rejectionOf(
      submitRequest(withHooks(staff, hooks), {
        draft: { typeId: 'assets.transport', form, resourceRef: 'thing:refused' },
      }),
      'validation',
    );
    expect(await countRows(db(), 'approval_requests')).toBe(before);
    const { id } = await submitRequest(withHooks(staff, hooks), {
      draft: { typeId: 'assets.transport', form, resourceRef: 'thing:ok' },
    });
    const row = await db()
      .handle.db.selectFrom('approval_requests')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: 'From the record', resource_unit_id: somu });
  });

  it('puts the module’s entries in the approval’s transaction, and a failing module undoes the approval', async () => {
    let fail = true;
    const hooks: ApprovalHooks = {
      'people.carryOut': {
        onApproved: (_env, request) =>
          fail
            ? Promise.reject(new Error('module failed'))
            : Promise.resolve([{ kind: 'test.permitted', subject: `thing:${request.id}`, payload: {} }]),
      },
    };
    const { id } = await submitRequest(withHooks(staff, hooks), {
      draft: { typeId: 'people.carryOut', form: carryOutForm() },
    });
    const before = await auditSize(db().handle);
    await expect(
      decideStep(withHooks(manager, hooks), { requestId: id, decision: 'approve' }),
    ).rejects.toThrow('module failed');
    expect(await auditSize(db().handle)).toBe(before);
    const status = async () =>
      (
        await db()
          .handle.db.selectFrom('approval_requests')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;
    expect(await status()).toBe('submitted');
    fail = false;
    await decideStep(withHooks(manager, hooks), { requestId: id, decision: 'approve' });
    expect(await status()).toBe('approved');
    expect((await auditEntries(db().handle, before)).map((e) => e.kind)).toEqual([
      'approvals.step.decided',
      'approvals.request.approved',
      'test.permitted',
    ]);
  });
});
