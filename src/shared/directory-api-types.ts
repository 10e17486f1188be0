/**
 * API types of the directory synchronisation and single sign-on (identity module), shared by server and web.
 * Secrets never appear here: a view says how a secret is kept, never what it is.
 */

export type DirectoryKindView = 'openldap' | 'activeDirectory';
export type SecretKindView = 'sealed' | 'file' | 'none';

export interface DirectoryPeopleAttributesView {
  id: string;
  loginId: string;
  employeeNumber: string;
  displayName: string;
  email: string | null;
  memberOf: string | null;
  disabled: { attribute: string; kind: 'adFlags' | 'present' | 'true' } | null;
}

export interface DirectorySettingsFields {
  enabled: boolean;
  kind: DirectoryKindView;
  url: string;
  startTls: boolean;
  tlsCaFile: string | null;
  bindDn: string;
  peopleBaseDn: string;
  peopleFilter: string;
  groupBaseDn: string | null;
  groupFilter: string;
  people: DirectoryPeopleAttributesView;
  groups: { id: string; name: string; member: string };
  createAccounts: boolean;
  intervalMinutes: number | null;
  maxDisablePerRun: number;
}

/** What the settings screen sends: the password typed in, a file that holds it, none, or the one kept. */
export type SecretInputBody =
  { kind: 'keep' } | { kind: 'value'; value: string } | { kind: 'file'; path: string } | { kind: 'none' };

export interface DirectorySettingsBody extends DirectorySettingsFields {
  bindPassword: SecretInputBody;
}

export interface DirectorySettingsView {
  settings: DirectorySettingsFields & { bindPassword: { kind: SecretKindView; path: string | null } };
  /** Saved at least once (before that the screen shows the defaults). */
  saved: boolean;
  presets: Record<
    DirectoryKindView,
    Pick<DirectorySettingsFields, 'peopleFilter' | 'groupFilter' | 'people' | 'groups'>
  >;
  lastRun: DirectoryRunSummaryView | null;
  /** When the schedule runs next (ISO instant), null when off. */
  nextRunAt: string | null;
}

/** One change a synchronisation makes, or a finding it reports without changing anything. */
export type DirectoryChangeView =
  | { kind: 'accountCreated'; entryId: string; loginId: string; employeeNumber: string; accountId: string }
  | { kind: 'accountLinked'; entryId: string; loginId: string; accountId: string }
  | {
      kind: 'accountUpdated';
      accountId: string;
      loginId: string;
      changes: Record<string, { from: string | null; to: string | null }>;
    }
  | {
      kind: 'accountDisabled';
      accountId: string;
      loginId: string;
      reason: 'directoryDisabled' | 'directoryRemoved';
    }
  | { kind: 'accountEnabled'; accountId: string; loginId: string }
  | { kind: 'groupAdded'; entryId: string; name: string; members: string[] }
  | {
      kind: 'groupChanged';
      groupId: string;
      name: string;
      from: string | null;
      added: string[];
      removed: string[];
    }
  | { kind: 'groupRemoved'; groupId: string; name: string }
  | {
      kind: 'finding';
      finding:
        | 'noEmployeeNumber'
        | 'unknownEmployee'
        | 'duplicateEmployeeNumber'
        | 'staffLeft'
        | 'staffNotStarted'
        | 'badLoginId'
        | 'loginIdTaken'
        | 'managedElsewhere'
        | 'localAccountDisabledInDirectory';
      entryId: string | null;
      loginId: string | null;
      employeeNumber: string | null;
      accountId: string | null;
    };

export type DirectoryRunOutcome = 'ok' | 'failed' | 'refused';

export interface DirectoryRunSummaryView {
  id: string | null;
  dryRun: boolean;
  trigger: 'manual' | 'schedule' | 'cli';
  actor: string;
  startedAt: string;
  finishedAt: string;
  outcome: DirectoryRunOutcome;
  error: { ja: string; en: string } | null;
  /** Entries read, and changes and findings by kind. */
  summary: Record<string, number>;
}

export interface DirectoryRunView extends DirectoryRunSummaryView {
  changes: DirectoryChangeView[];
  truncated: boolean;
}

export interface DirectoryGroupView {
  id: string;
  name: string;
  syncedAt: string;
  removedAt: string | null;
  members: { accountId: string | null; loginId: string; name: string | null }[];
}

/** The OIDC provider as administrators configure it. */
export interface OidcSettingsFields {
  enabled: boolean;
  nameJa: string;
  nameEn: string;
  issuer: string;
  clientId: string;
  scopes: string;
  /** The claim that names the account, and what it is matched with. */
  claim: string;
  matchBy: 'loginId' | 'employeeNumber' | 'directoryId';
  /** Password sign-in for everyone, or only for privileged IDs (break-glass) once SSO is on. */
  passwordSignIn: 'everyone' | 'privilegedOnly';
}

export interface OidcSettingsBody extends OidcSettingsFields {
  clientSecret: SecretInputBody;
}

export interface OidcSettingsView {
  settings: OidcSettingsFields & { clientSecret: { kind: SecretKindView; path: string | null } };
  saved: boolean;
  /** What to register at the provider as the redirect URI. */
  redirectUri: string;
}

/** What the sign-in page shows: the provider's name when SSO is on. */
export interface SsoInfoView {
  oidc: { name: { ja: string; en: string }; startUrl: string } | null;
  passwordSignIn: 'everyone' | 'privilegedOnly';
}
