import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/db-harness.js';
import { activate, hospitalWithAccounts } from '../../../../test/factories/identity.js';
import { auditEntries, auditSize } from '../../../../test/ledger-helpers.js';
import {
  ADMIN_DN,
  GROUPS_DN,
  PEOPLE_DN,
  personDn,
  skipWithoutSlapd,
  slapdSkipReason,
  startSlapd,
  type Slapd,
} from '../../../../test/slapd.js';
import type { AccountTable, Actor } from '../../../kernel/index.js';
import {
  directoryPresets,
  fileSecretBox,
  guidString,
  listDirectoryGroups,
  runDirectorySync,
  updateDirectorySettings,
  type DirectorySettingsInput,
} from '../index.js';

const title = skipWithoutSlapd
  ? `Active Directory attributes against slapd — ${slapdSkipReason}`
  : 'Active Directory attributes (sAMAccountName, employeeID, objectGUID, userAccountControl, memberOf) against slapd';

describeEachDialect(title, (db) => {
  let running: Slapd | undefined;
  const ldap = (): Slapd => {
    if (running === undefined) throw new Error('slapd did not start');
    return running;
  };
  let keyDir: string;
  let director: Actor;
  const guid = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
  const secrets = () => fileSecretBox(join(keyDir, 'secrets.key'));
  const sync = () =>
    runDirectorySync({ secrets: secrets() })(db().ctx(director), { dryRun: false, trigger: 'manual' });
  const account = (loginId: string): Promise<AccountTable | undefined> =>
    db().handle.db.selectFrom('accounts').selectAll().where('login_id', '=', loginId).executeTakeFirst();
  const configure = (over: Partial<DirectorySettingsInput> = {}) =>
    updateDirectorySettings({ secrets: secrets() })(db().ctx(director), {
      enabled: true,
      kind: 'activeDirectory',
      url: ldap().url,
      startTls: false,
      tlsCaFile: null,
      bindDn: ADMIN_DN,
      bindPassword: { kind: 'value', value: ldap().adminPassword },
      peopleBaseDn: PEOPLE_DN,
      groupBaseDn: GROUPS_DN,
      createAccounts: true,
      intervalMinutes: null,
      maxDisablePerRun: 10,
      ...directoryPresets.activeDirectory,
      ...over,
    });

  beforeAll(async () => {
    if (skipWithoutSlapd) return;
    running = await startSlapd();
    keyDir = mkdtempSync(join(tmpdir(), 'mamori-secrets-'));
  });
  afterAll(async () => {
    await running?.stop();
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
  });

  it('prints objectGUID as AD tools do (first three groups little-endian)', () => {
    expect(guidString(guid)).toBe('33221100-5544-7766-8899-aabbccddeeff');
  });

  it.skipIf(skipWithoutSlapd)('prepares the hospital and an AD-shaped directory', async () => {
    const passwords = await hospitalWithAccounts(db(), { director: 'S002' });
    director = (await activate(db(), 'director', passwords.get('director') ?? '')).session.actor;
    await ldap().addPerson({ uid: 'Byoto.M', cn: '病棟 六子', employeeNumber: 'S006', ad: { guid } });
    await ldap().addPerson({ uid: 'Shokuin.N', cn: '職員 七海', employeeNumber: 'S007', ad: {} });
    await ldap().addPerson({
      uid: 'Kango.I',
      cn: '看護 五子',
      employeeNumber: 'S005',
      ad: { disabled: true },
    });
    await ldap().addPerson({ uid: 'svc-backup', cn: 'Backup service', ad: { guid: randomBytes(16) } });
    await ldap().addGroup('Ward-3E', ['Byoto.M', 'Shokuin.N'], true);
    await configure();
  });

  it.skipIf(skipWithoutSlapd)(
    'matches employeeID to staff records, lower-cases sAMAccountName, keeps objectGUID, skips disabled entries (第7 2(1)イ)',
    async () => {
      const run = await sync();
      expect(run.outcome).toBe('ok');
      expect(await account('byoto.m')).toMatchObject({
        source: 'ldap',
        external_id: '33221100-5544-7766-8899-aabbccddeeff',
        display_name: '病棟 六子',
      });
      expect(await account('shokuin.n')).toBeDefined();
      // Disabled in AD (userAccountControl 514) and no account yet: none is made.
      expect(await account('kango.i')).toBeUndefined();
      expect(run.changes).toContainEqual(
        expect.objectContaining({ finding: 'noEmployeeNumber', loginId: 'svc-backup' }),
      );
    },
  );

  it.skipIf(skipWithoutSlapd)(
    'reads group membership from the people’s memberOf alone, as AD lists it',
    async () => {
      // A member attribute nobody has: only memberOf (kept by slapd's memberof overlay) can say who is in the group.
      await configure({
        bindPassword: { kind: 'keep' },
        groups: { id: 'objectGUID', name: 'cn', member: 'seeAlso' },
      });
      await sync();
      const groups = await listDirectoryGroups(db().ctx(director), {});
      expect(groups.map((g) => [g.name, g.members.map((m) => m.loginId).sort()])).toEqual([
        ['Ward-3E', ['byoto.m', 'shokuin.n']],
      ]);
    },
  );

  it.skipIf(skipWithoutSlapd)(
    'disables the account when AD disables the user, and enables it again when AD does (on the ledger)',
    async () => {
      await ldap().replace(personDn('Shokuin.N'), 'userAccountControl', ['514']);
      const before = await auditSize(db().handle);
      await sync();
      expect(await account('shokuin.n')).toMatchObject({ disabled_reason: 'directoryDisabled' });
      await ldap().replace(personDn('Shokuin.N'), 'userAccountControl', ['512']);
      await sync();
      expect(await account('shokuin.n')).toMatchObject({ disabled_at: null, disabled_reason: null });
      const kinds = (await auditEntries(db().handle, before)).map((e) => e.kind);
      expect(kinds).toEqual([
        'identity.directorySynced',
        'identity.directoryAccountDisabled',
        'identity.directorySynced',
        'identity.directoryAccountEnabled',
      ]);
    },
  );
});
