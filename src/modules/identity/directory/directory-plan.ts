import type { DirectoryGroupTable } from '../../../kernel/index.js';
import type { DirectoryChangeView } from '../../../shared/directory-api-types.js';
import type { AccountForSync, StaffForSync } from './directory.repository.js';
import type { DirectoryGroupEntry, DirectoryPerson, DirectorySnapshot } from './directory.schema.js';

/**
 * What a synchronisation would change, computed from the directory's entries and Mamori's records without
 * touching either (pure, so the dry run and the real run plan the same thing). People are matched to staff records
 * by employee number: the personnel records decide who works here (第7 2(1)イ), so an entry without a current staff
 * record gets no account, only a finding. Privileged IDs are never made or changed from the directory (they are
 * local break-glass accounts, 第7 2(1)ウ).
 */
type Finding = Extract<DirectoryChangeView, { kind: 'finding' }>['finding'];

export interface PlannedCreate {
  readonly person: DirectoryPerson;
  readonly staff: StaffForSync;
  readonly loginId: string;
}
export interface PlannedGroup {
  readonly entry: DirectoryGroupEntry;
  readonly existing: DirectoryGroupTable | null;
  readonly members: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export interface DirectoryPlan {
  readonly creates: PlannedCreate[];
  readonly links: { account: AccountForSync; person: DirectoryPerson }[];
  readonly updates: {
    account: AccountForSync;
    loginId: string | null;
    displayName: { from: string | null; to: string | null } | null;
  }[];
  readonly disables: { account: AccountForSync; reason: 'directoryDisabled' | 'directoryRemoved' }[];
  readonly enables: AccountForSync[];
  readonly groupAdds: PlannedGroup[];
  readonly groupChanges: PlannedGroup[];
  readonly groupRemovals: DirectoryGroupTable[];
  readonly findings: Extract<DirectoryChangeView, { kind: 'finding' }>[];
  /** Login IDs by entry id, for naming group members. */
  readonly loginIds: ReadonlyMap<string, string>;
}

const LOGIN_ID = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** The directory's login name as a Mamori login ID (lower case), or null when it cannot be one. */
export const loginIdOf = (raw: string | null): string | null => {
  const v = raw?.trim().toLowerCase() ?? '';
  return LOGIN_ID.test(v) ? v : null;
};

/** DNs compare case-insensitively and without spaces around separators. */
export const normalizeDn = (dn: string): string =>
  dn
    .split(',')
    .map((rdn) =>
      rdn
        .split('=')
        .map((p) => p.trim())
        .join('='),
    )
    .join(',')
    .toLowerCase();

const reenableable = new Set(['directoryDisabled', 'directoryRemoved']);

export interface PlanInput {
  readonly snapshot: DirectorySnapshot;
  /** False when no group base DN is set: groups are then left as they are. */
  readonly groupsRead: boolean;
  readonly staff: readonly StaffForSync[];
  readonly accounts: readonly AccountForSync[];
  readonly groups: readonly DirectoryGroupTable[];
  readonly today: string;
  readonly createAccounts: boolean;
}

export const planDirectorySync = (input: PlanInput): DirectoryPlan => {
  const { snapshot, today } = input;
  const plan: DirectoryPlan = {
    creates: [],
    links: [],
    updates: [],
    disables: [],
    enables: [],
    groupAdds: [],
    groupChanges: [],
    groupRemovals: [],
    findings: [],
    loginIds: new Map(snapshot.people.map((p) => [p.id, loginIdOf(p.loginId) ?? p.loginId ?? p.id])),
  };
  const find = (
    finding: Finding,
    fields: { person?: DirectoryPerson; account?: AccountForSync; employeeNumber?: string | null },
  ): void => {
    plan.findings.push({
      kind: 'finding',
      finding,
      entryId: fields.person?.id ?? null,
      loginId: fields.person?.loginId ?? fields.account?.login_id ?? null,
      employeeNumber: fields.employeeNumber ?? fields.person?.employeeNumber ?? null,
      accountId: fields.account?.id ?? null,
    });
  };

  const staffByNumber = new Map(input.staff.map((s) => [s.employee_number, s]));
  const staffById = new Map(input.staff.map((s) => [s.id, s]));
  const active = (s: StaffForSync | undefined): boolean =>
    s !== undefined && s.start_date <= today && (s.end_date === null || s.end_date >= today);
  const linkedByEntry = new Map<string, AccountForSync>();
  const personalByStaff = new Map<string, AccountForSync>();
  const takenLogins = new Set<string>();
  for (const a of input.accounts) {
    takenLogins.add(a.login_id);
    if (a.external_id !== null && (a.source === 'ldap' || a.source === 'local'))
      linkedByEntry.set(a.external_id, a);
    if (a.staff_id !== null && a.kind === 'personal' && a.privileged === 0)
      personalByStaff.set(a.staff_id, a);
  }
  const numberCount = new Map<string, number>();
  for (const p of snapshot.people) {
    const n = p.employeeNumber?.trim();
    if (n) numberCount.set(n, (numberCount.get(n) ?? 0) + 1);
  }

  const seen = new Set<string>();
  for (const person of snapshot.people) {
    seen.add(person.id);
    const number = person.employeeNumber?.trim() ?? '';
    const linked = linkedByEntry.get(person.id);
    if (linked !== undefined) {
      if (linked.source !== 'ldap') {
        if (person.disabled && linked.disabled_at === null)
          find('localAccountDisabledInDirectory', { person, account: linked });
        continue;
      }
      const loginId = loginIdOf(person.loginId);
      let nextLogin: string | null = null;
      if (loginId !== null && loginId !== linked.login_id) {
        if (takenLogins.has(loginId)) find('loginIdTaken', { person, account: linked });
        else {
          nextLogin = loginId;
          takenLogins.add(loginId);
        }
      }
      const name = person.displayName?.trim() || null;
      const displayName = name !== linked.display_name ? { from: linked.display_name, to: name } : null;
      if (nextLogin !== null || displayName !== null)
        plan.updates.push({ account: linked, loginId: nextLogin, displayName });
      if (person.disabled && linked.disabled_at === null)
        plan.disables.push({ account: linked, reason: 'directoryDisabled' });
      else if (
        !person.disabled &&
        linked.disabled_at !== null &&
        reenableable.has(linked.disabled_reason ?? '') &&
        active(linked.staff_id === null ? undefined : staffById.get(linked.staff_id))
      )
        plan.enables.push(linked);
      continue;
    }
    // A disabled entry with no account in Mamori: nothing to do.
    if (person.disabled) continue;
    if (number === '') {
      find('noEmployeeNumber', { person });
      continue;
    }
    if ((numberCount.get(number) ?? 0) > 1) {
      find('duplicateEmployeeNumber', { person });
      continue;
    }
    const staff = staffByNumber.get(number);
    if (staff === undefined) {
      find('unknownEmployee', { person });
      continue;
    }
    if (staff.end_date !== null && staff.end_date < today) {
      find('staffLeft', { person });
      continue;
    }
    if (staff.start_date > today) {
      find('staffNotStarted', { person });
      continue;
    }
    const account = personalByStaff.get(staff.id);
    if (account !== undefined) {
      // A local account gets the entry's id (SSO and this report can then find it); its password rules stay.
      if ((account.source === 'local' && account.external_id === null) || account.source === 'ldap')
        plan.links.push({ account, person });
      else find('managedElsewhere', { person, account });
      continue;
    }
    if (!input.createAccounts) continue;
    const loginId = loginIdOf(person.loginId);
    if (loginId === null) {
      find('badLoginId', { person });
      continue;
    }
    if (takenLogins.has(loginId)) {
      find('loginIdTaken', { person });
      continue;
    }
    takenLogins.add(loginId);
    plan.creates.push({ person, staff, loginId });
  }
  // An account whose entry is gone is disabled, unless it was just linked to the person's new entry.
  const relinked = new Set(plan.links.map((l) => l.account.id));
  for (const a of input.accounts)
    if (
      a.source === 'ldap' &&
      a.external_id !== null &&
      !seen.has(a.external_id) &&
      a.disabled_at === null &&
      !relinked.has(a.id)
    )
      plan.disables.push({ account: a, reason: 'directoryRemoved' });

  if (input.groupsRead) planGroups(input, plan);
  return plan;
};

const planGroups = (input: PlanInput, plan: DirectoryPlan): void => {
  const personByDn = new Map(input.snapshot.people.map((p) => [normalizeDn(p.dn), p.id]));
  const memberOf = new Map<string, Set<string>>();
  for (const p of input.snapshot.people)
    for (const g of p.memberOf) {
      const key = normalizeDn(g);
      const set = memberOf.get(key) ?? new Set<string>();
      set.add(p.id);
      memberOf.set(key, set);
    }
  const existing = new Map(input.groups.map((g) => [g.external_id, g]));
  const seen = new Set<string>();
  for (const entry of input.snapshot.groups) {
    seen.add(entry.id);
    const ids = new Set(memberOf.get(normalizeDn(entry.dn)) ?? []);
    for (const m of entry.members) {
      const id = personByDn.get(normalizeDn(m));
      if (id !== undefined) ids.add(id);
    }
    const members = [...ids].sort();
    const before = existing.get(entry.id);
    if (before === undefined) {
      plan.groupAdds.push({ entry, existing: null, members, added: members, removed: [] });
      continue;
    }
    const old = new Set(JSON.parse(before.members) as string[]);
    const added = members.filter((m) => !old.has(m));
    const removed = [...old].filter((m) => !ids.has(m)).sort();
    if (added.length > 0 || removed.length > 0 || before.name !== entry.name || before.removed_at !== null)
      plan.groupChanges.push({ entry, existing: before, members, added, removed });
  }
  for (const g of input.groups)
    if (!seen.has(g.external_id) && g.removed_at === null) plan.groupRemovals.push(g);
};

/** Counts by kind, for the run's summary and its ledger entry. */
export const planSummary = (plan: DirectoryPlan, snapshot: DirectorySnapshot): Record<string, number> => {
  const summary: Record<string, number> = {
    people: snapshot.people.length,
    groups: snapshot.groups.length,
    accountCreated: plan.creates.length,
    accountLinked: plan.links.length,
    accountUpdated: plan.updates.length,
    accountDisabled: plan.disables.length,
    accountEnabled: plan.enables.length,
    groupAdded: plan.groupAdds.length,
    groupChanged: plan.groupChanges.length,
    groupRemoved: plan.groupRemovals.length,
  };
  for (const f of plan.findings) summary[f.finding] = (summary[f.finding] ?? 0) + 1;
  return summary;
};
