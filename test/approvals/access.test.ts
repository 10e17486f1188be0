import { beforeAll, expect, it } from 'vitest';
import { getRequest, submitRequest, withdrawRequest } from '../../src/kernel/index.js';
import { describeEachDialect } from '../db-harness.js';
import { auditEntries, auditSize } from '../ledger-helpers.js';
import { actorOf, carryOutForm, rejectionOf, seedSmallHospital } from './fixtures.js';

const bringInForm = {
  itemKind: 'medium',
  item: '私物USBメモリ',
  startDate: '2026-04-02',
  endDate: '2026-04-02',
  malwareChecked: true,
  purpose: '資料の持ち込み',
};

/**
 * Who may read and withdraw a request, as the access kernel's `request.*` rules decide it inside the use cases,
 * and which refusals are on the ledger (第7 1(1)ア: another unit's records; 第4 1: class I/II).
 */
describeEachDialect('approvals: who may read and withdraw a request', (db) => {
  beforeAll(async () => {
    await seedSmallHospital(db());
  });

  it('shows a class II carry-out to its applicant, its approvers, the Officer above and the security office, not to another section (第7 1(1)ア, 第3 3(2))', async () => {
    const staff = await actorOf(db(), 'S007');
    const { id } = await submitRequest(db().ctx(staff), {
      draft: { typeId: 'people.carryOut', form: carryOutForm() },
    });
    // Applicant, the ward's Manager (the step's seat), the Officer of 看護部, the CISO and the Director.
    for (const reader of ['S007', 'S006', 'S005', 'S001', 'S002']) {
      const view = await getRequest(db().ctx(await actorOf(db(), reader)), { id });
      expect(view.id, reader).toBe(id);
    }
    const before = await auditSize(db().handle);
    const otherSection = await actorOf(db(), 'S004');
    const refused = await rejectionOf(getRequest(db().ctx(otherSection), { id }), 'forbidden');
    expect(refused.userMessage.ja).toContain('申請を閲覧できるのは');
    expect(refused.userMessage.en).toContain('A request is read by its applicant');
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => [e.kind, e.actor, e.subject, e.payload])).toEqual([
      [
        'access.denied',
        'account:account-S004',
        `request:${id}`,
        {
          action: 'request.read',
          ruleIds: [],
          reasons: ['classification', 'otherUnit'],
          unitId: staff.unitId,
          classification: 2,
        },
      ],
    ]);
  });

  it('keeps a colleague of the same ward out of a request with no class, without a ledger entry (not sensitive)', async () => {
    const manager = await actorOf(db(), 'S006');
    const { id } = await submitRequest(db().ctx(manager), {
      draft: { typeId: 'people.bringIn', form: bringInForm },
    });
    const before = await auditSize(db().handle);
    const colleague = await actorOf(db(), 'S007');
    await rejectionOf(getRequest(db().ctx(colleague), { id }), 'forbidden');
    await rejectionOf(withdrawRequest(db().ctx(colleague), { requestId: id }), 'forbidden');
    expect(await auditSize(db().handle)).toBe(before);
    // The Manager's own request went up to the Officer, who reads it.
    expect((await getRequest(db().ctx(await actorOf(db(), 'S005')), { id })).id).toBe(id);
  });

  it('lets only its parties withdraw it; the approver’s attempt on a class II request is on the ledger', async () => {
    const staff = await actorOf(db(), 'S007');
    const { id } = await submitRequest(db().ctx(staff), {
      draft: { typeId: 'people.carryOut', form: carryOutForm({ item: '研修用ノートPC' }) },
    });
    const before = await auditSize(db().handle);
    const manager = await actorOf(db(), 'S006');
    const refused = await rejectionOf(withdrawRequest(db().ctx(manager), { requestId: id }), 'forbidden');
    expect(refused.userMessage.ja).toContain('申請者本人または申請を作成した人だけ');
    expect((await auditEntries(db().handle, before)).map((e) => [e.kind, e.payload['reasons']])).toEqual([
      ['access.denied', ['classification']],
    ]);
    await withdrawRequest(db().ctx(staff), { requestId: id });
    expect((await getRequest(db().ctx(staff), { id })).status).toBe('withdrawn');
  });
});
