import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  approvalJobs,
  createMailer,
  loadConfig,
  mailSettingsOf,
  startScheduler,
  submitRequest,
  type Mailer,
} from '../../src/kernel/index.js';
import { describeEachDialect } from '../db-harness.js';
import { auditEntries, auditSize } from '../ledger-helpers.js';
import { actorOf, carryOutForm, seedSmallHospital } from './fixtures.js';
import { startTestSmtp, type TestSmtp } from './smtp.js';

describeEachDialect('approvals: e-mail over SMTP and the scheduler’s leases', (db) => {
  let smtp: TestSmtp;
  let mailer: Mailer;
  const config = () =>
    loadConfig(
      {},
      {
        smtpHost: '127.0.0.1',
        smtpPort: String(smtp.port),
        mailFrom: 'mamori@hospital.test',
        publicUrl: 'http://mamori.hospital.test/',
        logLevel: 'silent',
      },
    );

  beforeAll(async () => {
    await seedSmallHospital(db(), { emails: true });
    smtp = await startTestSmtp();
    const settings = mailSettingsOf(config());
    if (settings === null) throw new Error('SMTP settings were not read');
    mailer = createMailer(settings);
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
  });

  const notificationOf = (requestId: string, to: string) =>
    db()
      .handle.db.selectFrom('notifications')
      .selectAll()
      .where('subject', '=', `approvalRequest:${requestId}`)
      .where('email_to', '=', to)
      .executeTakeFirstOrThrow();

  it('has no SMTP settings, and so no mail job, when no host is configured', () => {
    expect(mailSettingsOf(loadConfig({}, { logLevel: 'silent' }))).toBeNull();
    const names = (cfg: ReturnType<typeof config>, m: Mailer | null) =>
      approvalJobs(cfg, m).map((j) => j.name);
    expect(names(config(), null)).toEqual(['approvals.remind', 'approvals.expire']);
    expect(names(config(), mailer)).toEqual(['approvals.remind', 'approvals.expire', 'approvals.mail']);
  });

  it('mails the approver through a real SMTP server, in Japanese then English, with a link', async () => {
    const staff = await actorOf(db(), 'S007');
    const { id, refNo } = await submitRequest(db().ctx(staff), {
      draft: { typeId: 'people.carryOut', form: carryOutForm() },
    });
    expect(await notificationOf(id, 's006@hospital.test')).toMatchObject({ email_status: 'pending' });
    const scheduler = startScheduler(db().ctx(), approvalJobs(config(), mailer), {
      tickMs: 0,
      holder: 'test-a',
    });
    const before = await auditSize(db().handle);
    const runs = await scheduler.tick();
    await scheduler.stop();
    expect(runs.find((r) => r.name === 'approvals.mail')).toMatchObject({
      ok: true,
      result: { sent: 1, failed: 0 },
    });
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toMatchObject({ text: 's006@hospital.test' });
    expect(mail?.from?.text).toBe('mamori@hospital.test');
    expect(mail?.subject).toBe(
      `［守り］承認依頼 ［${refNo}］対象資産の持ち出し：ノートPC（資産番号 PC-0042）`,
    );
    expect(mail?.text).toContain('職員 七海さん（3階東病棟）から申請');
    expect(mail?.text).toContain(`http://mamori.hospital.test/approvals/requests/${id}`);
    expect(mail?.text).toContain('Approval requested');
    expect(mail?.headers.get('auto-submitted')).toBe('auto-generated');
    expect(await notificationOf(id, 's006@hospital.test')).toMatchObject({
      email_status: 'sent',
      email_attempts: 1,
    });
    const entries = await auditEntries(db().handle, before);
    expect(entries.map((e) => e.kind)).toEqual(['approvals.mail.delivered']);
    expect(entries[0]?.payload).toMatchObject({ failed: [] });
  });

  it('keeps a refused e-mail queued with the reason, and sends it on a later run', async () => {
    const staff = await actorOf(db(), 'S007');
    const { id } = await submitRequest(db().ctx(staff), {
      draft: { typeId: 'people.carryOut', form: carryOutForm({ item: 'タブレット端末' }) },
    });
    smtp.failFor('s006@hospital.test');
    const count = smtp.received.length;
    const scheduler = startScheduler(db().ctx(), approvalJobs(config(), mailer), {
      tickMs: 0,
      holder: 'test-b',
    });
    db().clock.advance(5 * 60_000);
    const before = await auditSize(db().handle);
    await scheduler.tick();
    const queued = await notificationOf(id, 's006@hospital.test');
    expect(queued).toMatchObject({ email_status: 'pending', email_attempts: 1 });
    expect(queued.email_error).toContain('Mailbox temporarily unavailable');
    expect((await auditEntries(db().handle, before))[0]?.payload).toMatchObject({ sent: [] });
    expect(smtp.received.length).toBe(count);

    smtp.failFor(null);
    db().clock.advance(5 * 60_000);
    await scheduler.tick();
    await scheduler.stop();
    await smtp.waitFor(count + 1);
    expect(smtp.received.at(-1)?.subject).toContain('タブレット端末');
    expect(await notificationOf(id, 's006@hospital.test')).toMatchObject({
      email_status: 'sent',
      email_attempts: 2,
    });
  });

  it('runs a job once per interval however many instances tick at the same moment', async () => {
    let runs = 0;
    const job = {
      name: 'test.count',
      everyMs: 60_000,
      run: async () => {
        runs += 1;
        await new Promise((r) => setTimeout(r, 30));
      },
    };
    const instances = ['one', 'two', 'three', 'four'].map((holder) =>
      startScheduler(db().ctx(), [job], { tickMs: 0, holder }),
    );
    await Promise.all(instances.map((s) => s.tick()));
    expect(runs).toBe(1);
    await Promise.all(instances.map((s) => s.tick()));
    expect(runs).toBe(1);
    db().clock.advance(61_000);
    const results = await Promise.all(instances.map((s) => s.tick()));
    expect(runs).toBe(2);
    expect(results.flat().filter((r) => r.name === 'test.count')).toHaveLength(1);
    const lease = await db()
      .handle.db.selectFrom('job_leases')
      .selectAll()
      .where('name', '=', 'test.count')
      .executeTakeFirstOrThrow();
    expect(lease).toMatchObject({ runs: 2, last_outcome: 'ok' });
    await Promise.all(instances.map((s) => s.stop()));
  });
});
