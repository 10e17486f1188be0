import { z } from 'zod';
import { secretInput, storedSecretSchema } from '../secret-input.js';

/**
 * LDAP / Active Directory synchronisation settings (第7 2(1)イ: IDs follow the personnel records; the directory
 * says who may sign in, the personnel records say who works here). Stored as JSON in identity_settings.
 */
export const directoryKinds = ['openldap', 'activeDirectory'] as const;
export type DirectoryKind = (typeof directoryKinds)[number];

const bilingual = (ja: string, en: string) => ({ params: { ja, en } });

const attribute = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(
    (v) => /^[A-Za-z][A-Za-z0-9-]*$/.test(v),
    bilingual(
      '属性名は英字で始まる英数字とハイフンです。',
      'Attribute names are letters, digits and hyphens.',
    ),
  );

const dn = z
  .string()
  .trim()
  .min(3)
  .max(500)
  .refine(
    (v) => /^[A-Za-z][\w.-]*=[^,]+(,\s*[A-Za-z][\w.-]*=[^,]+)*$/.test(v),
    bilingual(
      'DNの形式が正しくありません（例: ou=people,dc=example,dc=jp）。',
      'Not a DN (e.g. ou=people,dc=example,dc=jp).',
    ),
  );

/** Balanced parentheses around the whole filter: enough to catch typing slips before the server sees it. */
const balanced = (v: string): boolean => {
  let depth = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charAt(i);
    if (c === '(') depth += 1;
    if (c === ')') depth -= 1;
    if (depth < 0 || (depth === 0 && i < v.length - 1)) return false;
  }
  return depth === 0;
};
const filter = z
  .string()
  .trim()
  .min(3)
  .max(1000)
  .refine(
    (v) => v.startsWith('(') && balanced(v),
    bilingual(
      'LDAPフィルタは括弧で囲んでください（例: (objectClass=person)）。',
      'An LDAP filter is enclosed in parentheses, e.g. (objectClass=person).',
    ),
  );

const absolutePath = z
  .string()
  .trim()
  .min(2)
  .max(500)
  .refine((v) => v.startsWith('/'), bilingual('絶対パスで指定してください。', 'Give an absolute path.'));

const ldapUrl = z
  .string()
  .trim()
  .max(300)
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (
          (u.protocol === 'ldap:' || u.protocol === 'ldaps:') && u.hostname !== '' && u.pathname.length <= 1
        );
      } catch {
        return false;
      }
    },
    bilingual(
      'ldap:// または ldaps:// で始まるURLを指定してください（例: ldaps://dc01.hospital.local）。',
      'Give an ldap:// or ldaps:// URL (e.g. ldaps://dc01.hospital.local).',
    ),
  );

/** How a person's entry says the account is disabled: AD's userAccountControl flag 2, or an attribute present or TRUE. */
export const disabledKinds = ['adFlags', 'present', 'true'] as const;

export const peopleAttributesSchema = z
  .object({
    /** A stable id that survives renames: entryUUID (OpenLDAP) or objectGUID (AD). */
    id: attribute,
    /** The login ID: uid or sAMAccountName (lower-cased). */
    loginId: attribute,
    /** Matches the staff record: employeeNumber or AD's employeeID. */
    employeeNumber: attribute,
    displayName: attribute,
    email: attribute.nullable(),
    /** Groups listed on the person (AD's memberOf, OpenLDAP's memberof overlay); null: only groups' members. */
    memberOf: attribute.nullable(),
    disabled: z
      .object({ attribute, kind: z.enum(disabledKinds) })
      .strict()
      .nullable(),
  })
  .strict();

export const groupAttributesSchema = z.object({ id: attribute, name: attribute, member: attribute }).strict();

const common = {
  enabled: z.boolean(),
  kind: z.enum(directoryKinds),
  url: ldapUrl,
  /** Upgrade an ldap:// connection with StartTLS before binding. */
  startTls: z.boolean(),
  /** The hospital's CA certificate (PEM) for ldaps:// and StartTLS; the system's CAs when null. */
  tlsCaFile: absolutePath.nullable(),
  bindDn: dn,
  peopleBaseDn: dn,
  peopleFilter: filter,
  groupBaseDn: dn.nullable(),
  groupFilter: filter,
  people: peopleAttributesSchema,
  groups: groupAttributesSchema,
  /** Make an account (no local password: sign-in through the hospital's SSO) for a matched person without one. */
  createAccounts: z.boolean(),
  /** Synchronise on this schedule; null: only on demand. */
  intervalMinutes: z.number().int().min(15).max(10_080).nullable(),
  /** A run that would disable more accounts than this is refused (a wrong base DN must not disable everyone). */
  maxDisablePerRun: z.number().int().min(0).max(100_000),
};

export const directorySettingsSchema = z.object({ ...common, bindPassword: storedSecretSchema }).strict();
export type DirectorySettings = z.output<typeof directorySettingsSchema>;

export const directorySettingsInput = z.object({ ...common, bindPassword: secretInput }).strict();
export type DirectorySettingsInput = z.output<typeof directorySettingsInput>;

/** Attribute names and filters that fit each kind of directory; the screen fills them in when the kind changes. */
export const directoryPresets: Readonly<
  Record<DirectoryKind, Pick<DirectorySettings, 'peopleFilter' | 'groupFilter' | 'people' | 'groups'>>
> = {
  openldap: {
    peopleFilter: '(objectClass=inetOrgPerson)',
    groupFilter: '(objectClass=groupOfNames)',
    people: {
      id: 'entryUUID',
      loginId: 'uid',
      employeeNumber: 'employeeNumber',
      displayName: 'cn',
      email: 'mail',
      memberOf: null,
      disabled: null,
    },
    groups: { id: 'entryUUID', name: 'cn', member: 'member' },
  },
  activeDirectory: {
    peopleFilter: '(&(objectClass=user)(!(objectClass=computer)))',
    groupFilter: '(objectClass=group)',
    people: {
      id: 'objectGUID',
      loginId: 'sAMAccountName',
      employeeNumber: 'employeeID',
      displayName: 'displayName',
      email: 'mail',
      memberOf: 'memberOf',
      disabled: { attribute: 'userAccountControl', kind: 'adFlags' },
    },
    groups: { id: 'objectGUID', name: 'cn', member: 'member' },
  },
};

export const defaultDirectorySettings: DirectorySettings = {
  enabled: false,
  kind: 'activeDirectory',
  url: 'ldaps://dc01.hospital.local',
  startTls: false,
  tlsCaFile: null,
  bindDn: 'cn=mamori-sync,ou=service,dc=hospital,dc=local',
  bindPassword: { kind: 'none' },
  peopleBaseDn: 'ou=staff,dc=hospital,dc=local',
  groupBaseDn: 'ou=groups,dc=hospital,dc=local',
  createAccounts: true,
  intervalMinutes: 60,
  maxDisablePerRun: 50,
  ...directoryPresets.activeDirectory,
};

const personSchema = z
  .object({
    id: z.string().min(1).max(200),
    dn: z.string().min(1).max(1000),
    loginId: z.string().max(256).nullable(),
    employeeNumber: z.string().max(64).nullable(),
    displayName: z.string().max(256).nullable(),
    email: z.string().max(256).nullable(),
    disabled: z.boolean(),
    memberOf: z.array(z.string().max(1000)).max(10_000),
  })
  .strict();
const groupSchema = z
  .object({
    id: z.string().min(1).max(200),
    dn: z.string().min(1).max(1000),
    name: z.string().min(1).max(256),
    members: z.array(z.string().max(1000)).max(200_000),
  })
  .strict();

export const directorySnapshotSchema = z
  .object({ people: z.array(personSchema).max(200_000), groups: z.array(groupSchema).max(50_000) })
  .strict();

/** One person as read from the directory, in Mamori's terms (memberOf: DNs of the groups the entry lists). */
export type DirectoryPerson = z.output<typeof personSchema>;
/** One group (members: DNs). */
export type DirectoryGroupEntry = z.output<typeof groupSchema>;
export type DirectorySnapshot = z.output<typeof directorySnapshotSchema>;

export const syncTriggers = ['manual', 'schedule', 'cli'] as const;
export type SyncTrigger = (typeof syncTriggers)[number];
