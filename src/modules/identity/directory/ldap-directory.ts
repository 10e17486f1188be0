import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { Client, InvalidCredentialsError, NoSuchObjectError, ResultCodeError, type Entry } from 'ldapts';
import type { Bilingual } from '../../../kernel/index.js';
import type {
  DirectoryGroupEntry,
  DirectoryPerson,
  DirectorySettings,
  DirectorySnapshot,
} from './directory.schema.js';

/**
 * Reads people and groups from LDAP or Active Directory (ldapts): one connection, StartTLS or ldaps:// with the
 * hospital's CA, a simple bind as the service account, paged searches (AD returns at most 1,000 entries a page).
 * Only reads: Mamori never writes to the directory.
 */
export class DirectoryReadError extends Error {
  constructor(
    readonly reason: Bilingual,
    options?: { cause?: unknown },
  ) {
    super(reason.en, options);
    this.name = 'DirectoryReadError';
  }
}

const PAGE_SIZE = 500;

/** AD's objectGUID: 16 bytes, the first three groups little-endian (as AD tools print it). */
export const guidString = (b: Buffer): string => {
  if (b.length !== 16) return b.toString('hex');
  const hex = (from: number, to: number, reverse: boolean): string => {
    const part = [...b.subarray(from, to)];
    return (reverse ? part.reverse() : part).map((x) => x.toString(16).padStart(2, '0')).join('');
  };
  return [hex(0, 4, true), hex(4, 6, true), hex(6, 8, true), hex(8, 10, false), hex(10, 16, false)].join('-');
};

const values = (entry: Entry, name: string): (string | Buffer)[] => {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === name.toLowerCase());
  const v = key === undefined ? undefined : entry[key];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
};

const first = (entry: Entry, name: string): string | null => {
  const v = values(entry, name)[0];
  if (v === undefined) return null;
  return Buffer.isBuffer(v) ? guidString(v) : v;
};

const strings = (entry: Entry, name: string): string[] =>
  values(entry, name).map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : v));

const isDisabled = (entry: Entry, rule: DirectorySettings['people']['disabled']): boolean => {
  if (rule === null) return false;
  const v = first(entry, rule.attribute);
  switch (rule.kind) {
    case 'adFlags':
      // ACCOUNTDISABLE (0x2) of userAccountControl.
      return v !== null && (Number.parseInt(v, 10) & 2) === 2;
    case 'present':
      return v !== null;
    case 'true':
      return v !== null && /^(true|1|yes)$/i.test(v.trim());
  }
};

const tlsOptions = (settings: DirectorySettings): ConnectionOptions => {
  const host = new URL(settings.url).hostname;
  if (settings.tlsCaFile === null) return { servername: host };
  let ca: string;
  try {
    ca = readFileSync(settings.tlsCaFile, 'utf8');
  } catch (cause) {
    throw new DirectoryReadError(
      {
        ja: `CA証明書ファイル ${settings.tlsCaFile} を読めません。`,
        en: `Cannot read the CA certificate file ${settings.tlsCaFile}.`,
      },
      { cause },
    );
  }
  return { ca, servername: host };
};

/** What went wrong, in words an administrator can act on. */
const reasonOf = (e: unknown, settings: DirectorySettings): Bilingual => {
  if (e instanceof DirectoryReadError) return e.reason;
  if (e instanceof InvalidCredentialsError)
    return {
      ja: `バインドに失敗しました。バインドDN（${settings.bindDn}）とパスワードを確認してください。`,
      en: `The bind failed. Check the bind DN (${settings.bindDn}) and password.`,
    };
  if (e instanceof NoSuchObjectError)
    return {
      ja: 'ベースDNがディレクトリにありません。人とグループのベースDNを確認してください。',
      en: 'A base DN does not exist in the directory. Check the people and group base DNs.',
    };
  if (e instanceof ResultCodeError)
    return {
      ja: `ディレクトリがエラーを返しました（結果コード ${String(e.code)}: ${e.message}）。`,
      en: `The directory answered with an error (result code ${String(e.code)}: ${e.message}).`,
    };
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const message = e instanceof Error ? e.message : String(e);
  return {
    ja: `ディレクトリ（${settings.url}）に接続できません（${code ?? message}）。URL・ポート・証明書を確認してください。`,
    en: `Cannot reach the directory at ${settings.url} (${code ?? message}). Check the URL, port and certificate.`,
  };
};

const personOf = (entry: Entry, s: DirectorySettings): DirectoryPerson | null => {
  const id = first(entry, s.people.id);
  if (id === null) return null;
  return {
    id,
    dn: entry.dn,
    loginId: first(entry, s.people.loginId),
    employeeNumber: first(entry, s.people.employeeNumber),
    displayName: first(entry, s.people.displayName),
    email: s.people.email === null ? null : first(entry, s.people.email),
    disabled: isDisabled(entry, s.people.disabled),
    memberOf: s.people.memberOf === null ? [] : strings(entry, s.people.memberOf),
  };
};

const groupOf = (entry: Entry, s: DirectorySettings): DirectoryGroupEntry | null => {
  const id = first(entry, s.groups.id);
  const name = first(entry, s.groups.name);
  if (id === null || name === null) return null;
  return { id, dn: entry.dn, name, members: strings(entry, s.groups.member) };
};

export interface ReadOptions {
  readonly timeoutMs?: number;
}

/** Binds and reads every person and group under the configured base DNs. Throws DirectoryReadError. */
export const readDirectory = async (
  settings: DirectorySettings,
  bindPassword: string | null,
  options: ReadOptions = {},
): Promise<DirectorySnapshot> => {
  const timeout = options.timeoutMs ?? 30_000;
  let client: Client | undefined;
  try {
    const tls = tlsOptions(settings);
    client = new Client({
      url: settings.url,
      timeout,
      connectTimeout: Math.min(timeout, 10_000),
      ...(settings.url.startsWith('ldaps:') ? { tlsOptions: tls } : {}),
    });
    if (settings.startTls && settings.url.startsWith('ldap:')) await client.startTLS(tls);
    await client.bind(settings.bindDn, bindPassword ?? '');
    const binary = [settings.people.id, settings.groups.id].filter((a) => a.toLowerCase() === 'objectguid');
    const peopleAttributes = [
      settings.people.id,
      settings.people.loginId,
      settings.people.employeeNumber,
      settings.people.displayName,
      ...(settings.people.email === null ? [] : [settings.people.email]),
      ...(settings.people.memberOf === null ? [] : [settings.people.memberOf]),
      ...(settings.people.disabled === null ? [] : [settings.people.disabled.attribute]),
    ];
    const people = await client.search(settings.peopleBaseDn, {
      scope: 'sub',
      filter: settings.peopleFilter,
      attributes: [...new Set(peopleAttributes)],
      explicitBufferAttributes: binary,
      paged: { pageSize: PAGE_SIZE },
    });
    const groups =
      settings.groupBaseDn === null
        ? { searchEntries: [] }
        : await client.search(settings.groupBaseDn, {
            scope: 'sub',
            filter: settings.groupFilter,
            attributes: [settings.groups.id, settings.groups.name, settings.groups.member],
            explicitBufferAttributes: binary,
            paged: { pageSize: PAGE_SIZE },
          });
    return {
      people: people.searchEntries.flatMap((e) => personOf(e, settings) ?? []),
      groups: groups.searchEntries.flatMap((e) => groupOf(e, settings) ?? []),
    };
  } catch (e) {
    throw new DirectoryReadError(reasonOf(e, settings), { cause: e });
  } finally {
    await client?.unbind().catch(() => undefined);
  }
};
