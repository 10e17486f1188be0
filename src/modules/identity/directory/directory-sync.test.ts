import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { staffRow } from '../../../../test/factories/org.js';
import { activate, hospitalWithAccounts, rejection } from '../../../../test/factories/identity.js';
import { auditEntries, auditSize } from '../../../../test/ledger-helpers.js';
import {
  ADMIN_DN,
  GROUPS_DN,
  PEOPLE_DN,
  personDn,
  groupDn,
  skipWithoutSlapd,
  slapdSkipReason,
  startSlapd,
  type Slapd,
} from '../../../../test/slapd.js';
import {
  type Actor,
  type AccountTable,
  type JobRun,
  startScheduler,
  systemActor,
} from '../../../kernel/index.js';
import { registerStaff } from '../../org/index.js';
import {
  directoryPresets,
  directorySyncJob,
  fileSecretBox,
  getDirectorySettings,
  listDirectoryGroups,
  listDirectoryRuns,
  runDirectorySync,
  signIn,
  updateDirectorySettings,
  type DirectorySettingsInput,
} from '../index.js';

const title = skipWithoutSlapd
  ? `directory synchronisation against slapd — ${slapdSkipReason}`
  : 'directory synchronisation against a real slapd (第7 2(1)イ)';

describeEachDialect(title, (db) => {
  let running: Slapd | undefined;
  const ldap = (): Slapd => {
    if (running === undefined) throw new Error('slapd did not start');
    return running;
  };
  let keyDir: string;
  let director: Actor;
  let manager: Actor;
  const secrets = () => fileSecretBox(join(keyDir, 'secrets.key'));
  const sync = (actor: Actor, dryRun = false) =>
    runDirectorySync({ secrets: secrets() })(db().ctx(actor), { dryRun, trigger: 'manual' });
  const settings = (over: Partial<DirectorySettingsInput> = {}): DirectorySettingsInput => ({
    enabled: true,
    kind: 'openldap',
    url: ldap().url,
    startTls: false,
    tlsCaFile: null,
    bindDn: ADMIN_DN,
    bindPassword: { kind: 'value', value: ldap().adminPassword },
    peopleBaseDn: PEOPLE_DN,
    groupBaseDn: GROUPS_DN,
    createAccounts: true,
    intervalMinutes: 60,
    maxDisablePerRun: 50,
    ...directoryPresets.openldap,
    ...over,
  });
  const account = (loginId: string): Promise<AccountTable | undefined> =>
    db().handle.db.selectFrom('accounts').selectAll().where('login_id', '=', loginId).executeTakeFirst();

  beforeAll(async () => {
    if (skipWithoutSlapd) return;
    running = await startSlapd();
    keyDir = mkdtempSync(join(tmpdir(), 'mamori-secrets-'));
  });
  afterAll(async () => {
    await running?.stop();
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
  });

  it.skipIf(skipWithoutSlapd)('prepares the hospital, its Director and the directory', async () => {
    const passwords = await hospitalWithAccounts(db(), { director: 'S002', manager4: 'S004' });
    director = (await activate(db(), 'director', passwords.get('director') ?? '')).session.actor;
    manager = (await activate(db(), 'manager4', passwords.get('manager4') ?? '')).session.actor;
    // Someone who left last year (the personnel records say so).
    await registerStaff(
      db().ctx(systemActor('test')),
      staffRow({
        employeeNumber: 'S008',
        nameKanji: '退職 八子',
        nameKana: 'タイショク ヤコ',
        endDate: '2025-03-31',
      }),
    );
    await ldap().addPerson({ uid: 'byoto6', cn: 'Byoto Mutsuko', employeeNumber: 'S006' });
    await ldap().addPerson({ uid: 'shokuin7', cn: 'Shokuin Nanami', employeeNumber: 'S007' });
    await ldap().addPerson({ uid: 'jimu2', cn: 'Jimu Jiro', employeeNumber: 'S002' });
    await ldap().addPerson({ uid: 'itaku8', cn: 'Itaku Hachiro', employeeNumber: 'C001' });
    await ldap().addPerson({ uid: 'ghost', cn: 'Nobody Here', employeeNumber: 'X999' });
    await ldap().addPerson({ uid: 'nonumber', cn: 'No Number' });
    await ldap().addPerson({ uid: 'taishoku8', cn: 'Taishoku Yako', employeeNumber: 'S008' });
    await ldap().addGroup('nurses', ['byoto6', 'shokuin7']);
    await ldap().addGroup('office', ['jimu2']);
  });

  it.skipIf(skipWithoutSlapd)(
    'keeps the bind password sealed: not in the database, the view or the ledger',
    async () => {
      const before = await auditSize(db().handle);
      await updateDirectorySettings({ secrets: secrets() })(db().ctx(director), settings());
      const stored = await db()
        .handle.db.selectFrom('identity_settings')
        .select('value')
        .where('key', '=', 'directory')
        .executeTakeFirstOrThrow();
      expect(stored.value).not.toContain(ldap().adminPassword);
      expect(JSON.parse(stored.value)).toMatchObject({ bindPassword: { kind: 'sealed' } });
      const view = await getDirectorySettings(db().ctx(director), {});
      expect(view.settings.bindPassword).toEqual({ kind: 'sealed', path: null });
      expect(JSON.stringify(view)).not.toContain(ldap().adminPassword);
      const [entry] = await auditEntries(db().handle, before);
      expect(entry?.kind).toBe('identity.directorySettingsChanged');
      expect(JSON.stringify(entry)).not.toContain(ldap().adminPassword);
      expect(readFileSync(join(keyDir, 'secrets.key'), 'utf8')).not.toContain(ldap().adminPassword);
    },
  );

  it.skipIf(skipWithoutSlapd)(
    'refuses a bind password sent in the clear to another host, naming the field',
    async () => {
      const error = await rejection(
        updateDirectorySettings({ secrets: secrets() })(
          db().ctx(director),
          settings({ url: 'ldap://dc01.hospital.local' }),
        ),
        'validation',
      );
      expect(error.issues[0]?.field).toBe('startTls');
      expect(error.userMessage.ja).toContain('平文');
    },
  );

  it.skipIf(skipWithoutSlapd)(
    'a dry run shows what would change and changes nothing (第7 2(1)イ)',
    async () => {
      const before = await auditSize(db().handle);
      const run = await sync(director, true);
      expect(run).toMatchObject({ dryRun: true, id: null, outcome: 'ok' });
      expect(run.summary).toMatchObject({
        people: 7,
        groups: 2,
        accountCreated: 3,
        accountLinked: 1,
        groupAdded: 2,
        unknownEmployee: 1,
        noEmployeeNumber: 1,
        staffLeft: 1,
      });
      expect(await account('byoto6')).toBeUndefined();
      expect(await auditSize(db().handle)).toBe(before);
      expect(await listDirectoryRuns(db().ctx(director), {})).toEqual([]);
    },
  );

  it.skipIf(skipWithoutSlapd)(
    'matches people to staff records by employee number: accounts for staff, none for strangers or leavers (第7 2(1)イ)',
    async () => {
      const before = await auditSize(db().handle);
      const run = await sync(director);
      expect(run.outcome).toBe('ok');
      const made = await account('byoto6');
      expect(made).toMatchObject({
        source: 'ldap',
        must_change_password: 0,
        privileged: 0,
        disabled_at: null,
      });
      expect(made?.external_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await account('ghost')).toBeUndefined();
      expect(await account('taishoku8')).toBeUndefined();
      // The Director's own local account is linked, not replaced: its password still works.
      expect((await account('director'))?.source).toBe('local');
      expect((await account('director'))?.external_id).not.toBeNull();
      // No password signs in to a directory account: its people use the hospital's single sign-on.
      expect(
        await signIn(db().ctx(), { loginId: 'byoto6', password: '!sso-only', ip: null, userAgent: null }),
      ).toEqual({
        ok: false,
        reason: 'invalid',
      });
      const findings = run.changes.filter((c) => c.kind === 'finding').map((c) => [c.finding, c.loginId]);
      expect(findings).toEqual(
        expect.arrayContaining([
          ['unknownEmployee', 'ghost'],
          ['noEmployeeNumber', 'nonumber'],
          ['staffLeft', 'taishoku8'],
        ]),
      );
      const kinds = (await auditEntries(db().handle, before)).map((e) => e.kind);
      expect(kinds.filter((k) => k === 'identity.directoryAccountCreated')).toHaveLength(3);
      expect(kinds).toContain('identity.directoryAccountLinked');
      expect(kinds.filter((k) => k === 'identity.directoryGroupAdded')).toHaveLength(2);
      expect(kinds[0]).toBe('identity.directorySynced');
      const groups = await listDirectoryGroups(db().ctx(director), {});
      expect(groups.map((g) => [g.name, g.members.map((m) => m.loginId).sort()])).toEqual([
        ['nurses', ['byoto6', 'shokuin7']],
        ['office', ['director']],
      ]);
      const runs = await listDirectoryRuns(db().ctx(director), {});
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ id: run.id, trigger: 'manual', outcome: 'ok', actor: 'director' });
    },
  );

  it.skipIf(skipWithoutSlapd)('a second run with nothing changed changes nothing', async () => {
    const run = await sync(director);
    expect(run.changes.filter((c) => c.kind !== 'finding')).toEqual([]);
  });

  it.skipIf(skipWithoutSlapd)(
    'follows the directory: a rename, a member leaving a group, an entry removed (disabled, on the ledger)',
    async () => {
      await ldap().replace(personDn('byoto6'), 'cn', ['Byoto Mutsuko (4E)']);
      await ldap().replace(groupDn('nurses'), 'member', [personDn('byoto6')]);
      await ldap().remove(personDn('itaku8'));
      const before = await auditSize(db().handle);
      const run = await sync(director);
      const contractor = await account('itaku8');
      expect(contractor?.disabled_at).not.toBeNull();
      expect(contractor?.disabled_reason).toBe('directoryRemoved');
      expect((await account('byoto6'))?.display_name).toBe('Byoto Mutsuko (4E)');
      const entries = await auditEntries(db().handle, before);
      expect(entries.find((e) => e.kind === 'identity.directoryGroupChanged')?.payload).toMatchObject({
        name: 'nurses',
        added: [],
        removed: ['shokuin7'],
      });
      expect(entries.find((e) => e.kind === 'identity.directoryAccountDisabled')?.payload).toEqual({
        loginId: 'itaku8',
        reason: 'directoryRemoved',
      });
      expect(entries.find((e) => e.kind === 'identity.directoryAccountUpdated')?.payload).toEqual({
        displayName: { from: 'Byoto Mutsuko', to: 'Byoto Mutsuko (4E)' },
      });
      expect(run.summary).toMatchObject({ accountDisabled: 1, accountUpdated: 1, groupChanged: 1 });
    },
  );

  it.skipIf(skipWithoutSlapd)(
    'refuses a run that would disable more accounts than allowed, changing nothing (a wrong base DN)',
    async () => {
      await updateDirectorySettings({ secrets: secrets() })(
        db().ctx(director),
        settings({
          bindPassword: { kind: 'keep' },
          peopleFilter: '(uid=nobody-matches-this)',
          maxDisablePerRun: 1,
        }),
      );
      const before = await auditSize(db().handle);
      const run = await sync(director);
      expect(run.outcome).toBe('refused');
      expect(run.error?.ja).toContain('上限');
      expect((await account('byoto6'))?.disabled_at).toBeNull();
      const entries = await auditEntries(db().handle, before);
      expect(entries.map((e) => e.kind)).toEqual(['identity.directorySyncRefused']);
      await updateDirectorySettings({ secrets: secrets() })(
        db().ctx(director),
        settings({ bindPassword: { kind: 'keep' } }),
      );
    },
  );

  it.skipIf(skipWithoutSlapd)(
    'records a run that cannot bind, with a reason an administrator can act on',
    async () => {
      const file = join(keyDir, 'bind-password');
      writeFileSync(file, 'not the password\n', { mode: 0o600 });
      await updateDirectorySettings({ secrets: secrets() })(
        db().ctx(director),
        settings({ bindPassword: { kind: 'file', path: file } }),
      );
      const before = await auditSize(db().handle);
      const run = await sync(director);
      expect(run.outcome).toBe('failed');
      expect(run.error?.ja).toContain(ADMIN_DN);
      expect((await auditEntries(db().handle, before)).map((e) => e.kind)).toEqual([
        'identity.directorySyncFailed',
      ]);
      writeFileSync(file, `${ldap().adminPassword}\n`, { mode: 0o600 });
      expect((await sync(director)).outcome).toBe('ok');
    },
  );

  it.skipIf(skipWithoutSlapd)(
    'a Security Manager may neither synchronise nor change the settings',
    async () => {
      await rejection(sync(manager, true), 'forbidden');
      await rejection(
        updateDirectorySettings({ secrets: secrets() })(db().ctx(manager), settings()),
        'forbidden',
      );
    },
  );

  it.skipIf(skipWithoutSlapd)(
    'serve synchronises on the schedule, once per interval across instances',
    async () => {
      const job = directorySyncJob({ secrets: secrets() });
      const app = db().ctx(systemActor('test'));
      const runs: JobRun[] = [];
      const one = startScheduler(app, [job], { tickMs: 0, holder: 'one', onRun: (r) => runs.push(r) });
      const two = startScheduler(app, [job], { tickMs: 0, holder: 'two', onRun: (r) => runs.push(r) });
      // The manual runs just now count: nothing is due yet.
      await one.tick();
      expect(runs[0]?.result).toEqual({ ran: false, reason: 'notDue' });
      await ldap().addPerson({ uid: 'kango5', cn: 'Kango Itsuko', employeeNumber: 'S005' });
      db().clock.advance(61 * 60_000);
      await Promise.all([one.tick(), two.tick()]);
      const ran = runs.slice(1);
      expect(ran).toHaveLength(1);
      expect(ran[0]?.result).toMatchObject({ ran: true, outcome: 'ok' });
      expect((await account('kango5'))?.source).toBe('ldap');
      expect((await listDirectoryRuns(db().ctx(director), {}))[0]).toMatchObject({ trigger: 'schedule' });
      await one.stop();
      await two.stop();
    },
  );
});
