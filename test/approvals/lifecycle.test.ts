import { beforeAll, expect, it } from 'vitest';
import {
  acknowledgeReport,
  expireRequests,
  listMyNotifications,
  markNotificationsRead,
  recordEmergency,
  remindApprovers,
  reportEmergency,
  submitRequest,
  systemActor,
  withdrawRequest,
} from '../../src/kernel/index.js';
import { describeEachDialect } from '../db-harness.js';
import { auditEntries, auditSize } from '../ledger-helpers.js';
import { actorOf, carryOutForm, rejectionOf, seedSmallHospital, staffIdOf, unitIdOf } from './fixtures.js';

const HOUR = 3_600_000;

describeEachDialect('approvals: withdrawal, emergencies (第8 5(2)), reminders, escalation, expiry', (db) => {
  beforeAll(async () => {
    await seedSmallHospital(db());
  });

  const requestRow = (id: string) =>
    db().handle.db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const step0 = (id: string) =>
    db()
      .handle.db.selectFrom('approval_steps')
      .selectAll()
      .where('request_id', '=', id)
      .where('idx', '=', 0)
      .executeTakeFirstOrThrow();
  const scheduler = () => db().ctx(systemActor('scheduler'));

  it('lets the applicant withdraw a waiting request; the approver is told and can no longer decide', async () => {
    const staff = await actorOf(db(), 'S007');
    const { id } = await submitRequest(db().ctx(staff), {
      draft: { typeId: 'people.carryOut', form: carryOutForm() },
    });
    const other = await actorOf(db(), 'S006');
    // Only its parties withdraw it (the access kernel's `request.withdraw`): 403, saying who may.
    const notMine = await rejectionOf(withdrawRequest(db().ctx(other), { requestId: id }), 'forbidden');
    expect(notMine.userMessage.ja).toContain('申請者本人または申請を作成した人だけ');
    const before = await auditSize(db().handle);
    await withdrawRequest(db().ctx(staff), { requestId: id, reason: '日程が変わったため' });
    expect(await auditEntries(db().handle, before)).toMatchObject([
      { kind: 'approvals.request.withdrawn', payload: { from: 'submitted', reason: '日程が変わったため' } },
    ]);
    expect(await requestRow(id)).toMatchObject({ status: 'withdrawn', current_step: null });
    expect((await step0(id)).status).toBe('cancelled');
    const managerInbox = await listMyNotifications(db().ctx(other), {});
    expect(
      managerInbox.items
        .filter((n) => n.link === `/approvals/requests/${id}`)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['approvalRequested', 'withdrawn']);
    await rejectionOf(withdrawRequest(db().ctx(staff), { requestId: id }), 'conflict');
  });

  it('records an emergency exception carried out first, reported afterwards, acknowledged by the CISO', async () => {
    const manager = await actorOf(db(), 'S004');
    const future = await rejectionOf(
      recordEmergency(db().ctx(manager), {
        typeId: 'exceptions.emergencyReport',
        form: {},
        carriedOutAt: '2026-04-02T00:00:00Z',
      }),
      'validation',
    );
    expect(future.issues[0]?.field).toBe('carriedOutAt');
    const notEmergency = await rejectionOf(
      recordEmergency(db().ctx(manager), {
        typeId: 'people.carryOut',
        form: {},
        carriedOutAt: '2026-03-31T15:00:00Z',
      }),
      'validation',
    );
    expect(notEmergency.issues[0]?.field).toBe('typeId');

    const before = await auditSize(db().handle);
    const recorded = await recordEmergency(db().ctx(manager), {
      typeId: 'exceptions.emergencyReport',
      form: { rule: '第7 1(16) 無許可でのネットワーク接続の禁止' },
      carriedOutAt: '2026-03-31T15:00:00Z',
    });
    expect(recorded).toMatchObject({ status: 'carriedOut', reportDueAt: '2026-04-01T15:00:00.000Z' });
    expect((await auditEntries(db().handle, before)).map((e) => e.kind)).toEqual([
      'approvals.emergency.carriedOut',
    ]);

    const incomplete = await rejectionOf(
      reportEmergency(db().ctx(manager), { requestId: recorded.id }),
      'validation',
    );
    expect(incomplete.issues.map((i) => i.field).sort()).toEqual(['form.action', 'form.urgency']);
    expect((await requestRow(recorded.id)).status).toBe('carriedOut');

    const beforeReport = await auditSize(db().handle);
    const reported = await reportEmergency(db().ctx(manager), {
      requestId: recorded.id,
      form: {
        rule: '第7 1(16) 無許可でのネットワーク接続の禁止',
        action: '救急外来の検査機器を仮のネットワークに接続した',
        urgency: '基幹スイッチ故障のため検査結果が参照できなかった',
      },
    });
    expect(reported).toMatchObject({ status: 'reported', late: false });
    const reportEntries = await auditEntries(db().handle, beforeReport);
    expect(reportEntries.map((e) => e.kind)).toEqual([
      'approvals.request.reported',
      'approvals.step.activated',
    ]);
    expect(reportEntries[0]?.payload).toMatchObject({ late: false });
    expect(await step0(recorded.id)).toMatchObject({ role: 'ciso', unit_id: null, status: 'pending' });
    const ciso = await actorOf(db(), 'S001');
    const cisoInbox = await listMyNotifications(db().ctx(ciso), { unreadOnly: 'true' });
    expect(cisoInbox.items.map((n) => n.kind)).toContain('emergencyReported');

    const beforeAck = await auditSize(db().handle);
    const acknowledged = await acknowledgeReport(db().ctx(ciso), {
      requestId: recorded.id,
      comment: '復旧後に報告書を提出すること',
    });
    expect(acknowledged.status).toBe('acknowledged');
    expect((await auditEntries(db().handle, beforeAck)).map((e) => e.kind)).toEqual([
      'approvals.step.decided',
      'approvals.request.acknowledged',
    ]);
    expect(await step0(recorded.id)).toMatchObject({ status: 'acknowledged', decision: 'acknowledged' });
  });

  it('reminds the approver after the reminder time, escalates to the Officer after the escalation time', async () => {
    const staff = await actorOf(db(), 'S007');
    const { id } = await submitRequest(db().ctx(staff), {
      draft: {
        typeId: 'people.carryOut',
        form: carryOutForm({ startDate: '2026-04-30', returnDate: '2026-05-01' }),
      },
    });
    const settings = { reminderHours: 24, escalationHours: 72 };
    const beforeNothing = await auditSize(db().handle);
    expect(await remindApprovers(scheduler(), settings)).toMatchObject({ reminded: 0, escalated: 0 });
    expect(await auditSize(db().handle)).toBe(beforeNothing);

    db().clock.advance(25 * HOUR);
    const before = await auditSize(db().handle);
    const first = await remindApprovers(scheduler(), settings);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const reminded = (await auditEntries(db().handle, before)).filter(
      (e) => e.subject === `approvalRequest:${id}`,
    );
    expect(reminded).toMatchObject([
      { kind: 'approvals.step.reminded', payload: { count: 1, approvers: [await staffIdOf(db(), 'S006')] } },
    ]);
    expect(await step0(id)).toMatchObject({ reminder_count: 1 });
    // Not again within the reminder time.
    const again = await auditSize(db().handle);
    await remindApprovers(scheduler(), settings);
    expect(
      (await auditEntries(db().handle, again)).filter((e) => e.subject === `approvalRequest:${id}`),
    ).toEqual([]);

    db().clock.advance(48 * HOUR);
    const beforeEscalation = await auditSize(db().handle);
    await remindApprovers(scheduler(), settings);
    const escalated = (await auditEntries(db().handle, beforeEscalation)).filter(
      (e) => e.subject === `approvalRequest:${id}`,
    );
    expect(escalated).toMatchObject([
      {
        kind: 'approvals.step.escalated',
        payload: {
          to: { role: 'securityOfficer', unitId: await unitIdOf(db(), 'KANGO') },
          reason: 'overdue',
        },
      },
    ]);
    const officer = await actorOf(db(), 'S005');
    const inbox = await listMyNotifications(db().ctx(officer), {});
    expect(inbox.items.find((n) => n.link === `/approvals/requests/${id}`)).toMatchObject({
      kind: 'escalated',
    });
  });

  it('expires a request undecided when its day has passed, and tells the applicant', async () => {
    const staff = await actorOf(db(), 'S007');
    const today = db().clock.now().toISOString().slice(0, 10);
    const { id } = await submitRequest(db().ctx(staff), {
      draft: { typeId: 'people.carryOut', form: carryOutForm({ startDate: today, returnDate: today }) },
    });
    const before = await auditSize(db().handle);
    await expireRequests(scheduler(), { expiryDays: 30 });
    expect(
      (await auditEntries(db().handle, before)).filter((e) => e.subject === `approvalRequest:${id}`),
    ).toEqual([]);
    db().clock.advance(24 * HOUR);
    const beforeExpiry = await auditSize(db().handle);
    const result = await expireRequests(scheduler(), { expiryDays: 30 });
    expect(result.expired).toBeGreaterThanOrEqual(1);
    const entries = (await auditEntries(db().handle, beforeExpiry)).filter(
      (e) => e.subject === `approvalRequest:${id}`,
    );
    expect(entries).toMatchObject([{ kind: 'approvals.request.expired', payload: { reason: 'datePassed' } }]);
    expect(await requestRow(id)).toMatchObject({ status: 'expired', closed_reason: 'datePassed' });
    expect((await step0(id)).status).toBe('cancelled');
    const inbox = await listMyNotifications(db().ctx(staff), {});
    expect(inbox.items.find((n) => n.link === `/approvals/requests/${id}`)).toMatchObject({
      kind: 'expired',
    });
  });

  it('reminds whoever recorded an emergency exception, and the CISO, once its report is overdue (8-5(2))', async () => {
    const manager = await actorOf(db(), 'S004');
    const carriedOutAt = new Date(db().clock.now().getTime() - 2 * HOUR).toISOString();
    const { id } = await recordEmergency(db().ctx(manager), {
      typeId: 'exceptions.emergencyReport',
      form: { rule: '第6 1(1)エ 私物記録媒体の持込み' },
      carriedOutAt,
    });
    const settings = { reminderHours: 24, escalationHours: 72 };
    const before = await auditSize(db().handle);
    await remindApprovers(scheduler(), settings);
    expect(
      (await auditEntries(db().handle, before)).filter((e) => e.subject === `approvalRequest:${id}`),
    ).toEqual([]);

    db().clock.advance(23 * HOUR);
    const beforeOverdue = await auditSize(db().handle);
    const run = await remindApprovers(scheduler(), settings);
    expect(run.overdue).toBe(1);
    const entries = (await auditEntries(db().handle, beforeOverdue)).filter(
      (e) => e.subject === `approvalRequest:${id}`,
    );
    expect(entries.map((e) => e.kind)).toEqual(['approvals.emergency.reportOverdue']);
    const told = await db()
      .handle.db.selectFrom('notifications')
      .select('recipient_staff_id')
      .where('subject', '=', `approvalRequest:${id}`)
      .where('kind', '=', 'reportOverdue')
      .execute();
    expect(told.map((n) => n.recipient_staff_id).sort()).toEqual(
      [await staffIdOf(db(), 'S004'), await staffIdOf(db(), 'S001')].sort(),
    );
    const again = await auditSize(db().handle);
    await remindApprovers(scheduler(), settings);
    expect(
      (await auditEntries(db().handle, again)).filter((e) => e.subject === `approvalRequest:${id}`),
    ).toEqual([]);

    const reported = await reportEmergency(db().ctx(manager), {
      requestId: id,
      form: { rule: '第6 1(1)エ', action: '私物USBで検査結果を移した', urgency: '院内ネットワークの障害' },
    });
    expect(reported).toMatchObject({ status: 'reported', late: true });
  });

  it('refuses the scheduler’s runs to people', async () => {
    const staff = await actorOf(db(), 'S007');
    await rejectionOf(
      remindApprovers(db().ctx(staff), { reminderHours: 1, escalationHours: 2 }),
      'forbidden',
    );
    await rejectionOf(expireRequests(db().ctx(staff), { expiryDays: 1 }), 'forbidden');
  });

  it('marks only the reader’s own notifications read', async () => {
    const staff = await actorOf(db(), 'S007');
    const mine = await listMyNotifications(db().ctx(staff), {});
    expect(mine.unread).toBeGreaterThan(0);
    const someoneElses = await db()
      .handle.db.selectFrom('notifications')
      .select('id')
      .where('recipient_staff_id', '<>', await staffIdOf(db(), 'S007'))
      .executeTakeFirstOrThrow();
    const before = await auditSize(db().handle);
    const refused = await rejectionOf(
      markNotificationsRead(db().ctx(staff), { ids: [someoneElses.id] }),
      'validation',
    );
    expect(refused.issues[0]?.field).toBe('ids');
    expect(await auditSize(db().handle)).toBe(before);
    const first = mine.items[0]?.id ?? '';
    expect(await markNotificationsRead(db().ctx(staff), { ids: [first] })).toEqual({ read: 1 });
    expect((await listMyNotifications(db().ctx(staff), {})).unread).toBe(mine.unread - 1);
    const all = await markNotificationsRead(db().ctx(staff), { all: true });
    expect(all.read).toBe(mine.unread - 1);
    expect((await listMyNotifications(db().ctx(staff), {})).unread).toBe(0);
    expect((await auditEntries(db().handle, before)).map((e) => e.kind)).toEqual([
      'approvals.notifications.read',
      'approvals.notifications.read',
    ]);
  });
});
