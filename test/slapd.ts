/**
 * A real OpenLDAP server (Debian's slapd) for the directory tests, started by the tests themselves: a temporary
 * slapd.conf with the memberof overlay and a small schema carrying Active Directory's attribute names (with
 * Microsoft's OIDs: sAMAccountName, employeeID, userAccountControl, objectGUID, and the `user`, `group` and
 * `computer` classes, so AD's usual filters evaluate as they do there),
 * the suffix loaded with slapadd, slapd in the foreground on a free loopback port, as a run of its own (nothing under
 * /etc/ldap is touched). People and groups are added over LDAP afterwards, so the overlay keeps memberOf as AD does.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Attribute, Change, Client } from 'ldapts';

export const SLAPD = '/usr/sbin/slapd';
export const SLAPADD = '/usr/sbin/slapadd';
export const slapdInstalled = existsSync(SLAPD) && existsSync(SLAPADD);
/** CI must run these tests: there a missing slapd fails them instead of skipping. */
export const slapdRequired = Boolean(process.env['CI']) || Boolean(process.env['MAMORI_REQUIRE_SLAPD']);
export const skipWithoutSlapd = !slapdInstalled && !slapdRequired;
export const slapdSkipReason =
  'SKIPPED: /usr/sbin/slapd is not installed (apt-get install slapd ldap-utils); set MAMORI_REQUIRE_SLAPD=1 to fail instead';

export const BASE_DN = 'dc=mamori,dc=test';
export const ADMIN_DN = `cn=admin,${BASE_DN}`;
export const PEOPLE_DN = `ou=people,${BASE_DN}`;
export const GROUPS_DN = `ou=groups,${BASE_DN}`;

const adSchema = `
attributetype ( 1.2.840.113556.1.4.221 NAME 'sAMAccountName'
  EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.4.35 NAME 'employeeID'
  EQUALITY caseIgnoreMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.4.8 NAME 'userAccountControl'
  EQUALITY integerMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.4.2 NAME 'objectGUID'
  EQUALITY octetStringMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.40 SINGLE-VALUE )
objectclass ( 1.2.840.113556.1.5.9 NAME 'user' SUP top AUXILIARY
  MAY ( sAMAccountName $ employeeID $ userAccountControl $ objectGUID $ displayName ) )
objectclass ( 1.2.840.113556.1.5.8 NAME 'group' SUP top AUXILIARY MAY ( sAMAccountName $ objectGUID ) )
objectclass ( 1.2.840.113556.1.3.30 NAME 'computer' SUP top AUXILIARY MAY ( sAMAccountName $ objectGUID ) )
`;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });

export interface PersonFields {
  readonly uid: string;
  readonly cn: string;
  readonly employeeNumber?: string;
  readonly mail?: string;
  /** AD-style entries: sAMAccountName, employeeID, userAccountControl (514 = disabled), objectGUID. */
  readonly ad?: { readonly disabled?: boolean; readonly guid?: Buffer };
}

export interface Slapd {
  readonly url: string;
  readonly adminPassword: string;
  /** Runs fn with a client bound as the directory's administrator. */
  admin<T>(fn: (client: Client) => Promise<T>): Promise<T>;
  addPerson(p: PersonFields): Promise<string>;
  addGroup(cn: string, memberUids: readonly string[], ad?: boolean): Promise<string>;
  replace(dn: string, attribute: string, values: readonly string[]): Promise<void>;
  remove(dn: string): Promise<void>;
  stop(): Promise<void>;
}

export const personDn = (uid: string): string => `uid=${uid},${PEOPLE_DN}`;
export const groupDn = (cn: string): string => `cn=${cn},${GROUPS_DN}`;

const waitForBind = async (url: string, password: string, child: ChildProcess, log: () => string) => {
  const until = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`slapd exited (${String(child.exitCode)}):\n${log()}`);
    const client = new Client({ url, connectTimeout: 1_000, timeout: 2_000 });
    try {
      await client.bind(ADMIN_DN, password);
      await client.unbind();
      return;
    } catch {
      await client.unbind().catch(() => undefined);
      if (Date.now() > until) throw new Error(`slapd did not answer at ${url}:\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
};

export const startSlapd = async (): Promise<Slapd> => {
  if (!slapdInstalled)
    throw new Error(
      `${SLAPD} is missing: install Debian's slapd and ldap-utils (CI installs them in .ci/run).`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'mamori-slapd-'));
  const db = join(dir, 'db');
  mkdirSync(db);
  const adminPassword = randomBytes(12).toString('base64url');
  writeFileSync(join(dir, 'ad.schema'), adSchema);
  const conf = join(dir, 'slapd.conf');
  writeFileSync(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      `include ${join(dir, 'ad.schema')}`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      'moduleload memberof',
      `pidfile ${join(dir, 'slapd.pid')}`,
      `argsfile ${join(dir, 'slapd.args')}`,
      'database mdb',
      'maxsize 33554432',
      `suffix "${BASE_DN}"`,
      `rootdn "${ADMIN_DN}"`,
      `rootpw ${adminPassword}`,
      `directory ${db}`,
      'overlay memberof',
      '',
    ].join('\n'),
  );
  const base = join(dir, 'base.ldif');
  writeFileSync(
    base,
    [
      `dn: ${BASE_DN}\nobjectClass: dcObject\nobjectClass: organization\ndc: mamori\no: Mamori Test Hospital\n`,
      `dn: ${PEOPLE_DN}\nobjectClass: organizationalUnit\nou: people\n`,
      `dn: ${GROUPS_DN}\nobjectClass: organizationalUnit\nou: groups\n`,
    ].join('\n'),
  );
  const added = spawnSync(SLAPADD, ['-f', conf, '-l', base], { encoding: 'utf8' });
  if (added.status !== 0) throw new Error(`slapadd failed: ${added.stderr}`);
  const port = await freePort();
  const url = `ldap://127.0.0.1:${String(port)}`;
  const child = spawn(SLAPD, ['-h', `${url}/`, '-f', conf, '-d', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const stop = async (): Promise<void> => {
    if (alive()) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (alive()) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForBind(url, adminPassword, child, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  const admin = async <T>(fn: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ url, timeout: 5_000 });
    try {
      await client.bind(ADMIN_DN, adminPassword);
      return await fn(client);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  };
  return {
    url,
    adminPassword,
    admin,
    addPerson: (p) =>
      admin(async (c) => {
        const dn = personDn(p.uid);
        const attributes = [
          new Attribute({ type: 'objectClass', values: ['inetOrgPerson', ...(p.ad ? ['user'] : [])] }),
          new Attribute({ type: 'uid', values: [p.uid] }),
          new Attribute({ type: 'cn', values: [p.cn] }),
          new Attribute({ type: 'sn', values: [p.cn.split(' ')[0] ?? p.cn] }),
          ...(p.mail ? [new Attribute({ type: 'mail', values: [p.mail] })] : []),
          ...(p.employeeNumber && !p.ad
            ? [new Attribute({ type: 'employeeNumber', values: [p.employeeNumber] })]
            : []),
          ...(p.ad
            ? [
                new Attribute({ type: 'sAMAccountName', values: [p.uid] }),
                new Attribute({ type: 'displayName', values: [p.cn] }),
                new Attribute({ type: 'userAccountControl', values: [p.ad.disabled ? '514' : '512'] }),
                new Attribute({ type: 'objectGUID', values: [p.ad.guid ?? randomBytes(16)] }),
                ...(p.employeeNumber
                  ? [new Attribute({ type: 'employeeID', values: [p.employeeNumber] })]
                  : []),
              ]
            : []),
        ];
        await c.add(dn, attributes);
        return dn;
      }),
    addGroup: (cn, memberUids, ad = false) =>
      admin(async (c) => {
        const dn = groupDn(cn);
        await c.add(dn, [
          new Attribute({ type: 'objectClass', values: ['groupOfNames', ...(ad ? ['group'] : [])] }),
          new Attribute({ type: 'cn', values: [cn] }),
          // groupOfNames needs a member; the base DN stands in for "nobody" as OpenLDAP's docs suggest.
          new Attribute({
            type: 'member',
            values: memberUids.length > 0 ? memberUids.map(personDn) : [BASE_DN],
          }),
          ...(ad ? [new Attribute({ type: 'objectGUID', values: [randomBytes(16)] })] : []),
        ]);
        return dn;
      }),
    replace: (dn, attribute, values) =>
      admin(async (c) => {
        await c.modify(
          dn,
          new Change({
            operation: 'replace',
            modification: new Attribute({ type: attribute, values: [...values] }),
          }),
        );
      }),
    remove: (dn) => admin((c) => c.del(dn)),
    stop,
  };
};
