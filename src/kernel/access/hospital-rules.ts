import { permissions, type Permission, type PermissionEntry } from './permissions.js';
import type { ResourceType, Rule } from './rules.js';
import { separationRules } from './separation.js';

/**
 * The hospital's rules: the permission table (actions on the hospital as a whole) compiled to rules, and the
 * rules on records: information assets (第4, 7-1(1)ア・イ), requests, audits and changes (第3 7).
 */

/** Actions on one record, with the resource type each acts on. */
export const resourceActions = {
  'information.read': ['informationAsset'],
  'information.update': ['informationAsset'],
  /** Make, save, submit a request, record an emergency carried out and report it afterwards (8-5(2)). */
  'request.submit': ['request'],
  /** Read a request: its form, route, decisions and history, and its decision record (決裁欄). */
  'request.read': ['request'],
  'request.withdraw': ['request'],
  /** Decide the current step of a request (approve or reject), or acknowledge an emergency's report (8-5(2)). */
  'request.approve': ['request'],
  'audit.perform': ['audit'],
  'change.verify': ['change'],
  /** Create, rename or close a compartment of a section and name its members (7-1(1)イ). */
  'compartment.manage': ['compartment'],
} as const satisfies Record<string, readonly ResourceType[]>;
export type ResourceAction = keyof typeof resourceActions;

/** Every action a route, a CLI command or a use case may declare. */
export type Action = Permission | ResourceAction;

/**
 * Actions whose every refusal is sensitive (a ledger entry): the privileged table actions (`reportDenial` in
 * `permissions.ts`), deciding who may see a compartment's information, and deciding a request.
 */
export const reportedActions: ReadonlySet<Action> = new Set<Action>([
  ...(Object.keys(permissions) as Permission[]).filter(
    (action) => (permissions[action] as PermissionEntry).reportDenial === true,
  ),
  'compartment.manage',
  'request.approve',
]);

const tableActions = Object.keys(permissions) as Permission[];

const tableResourceTypes = (): Record<Permission, readonly ResourceType[]> => {
  const types: Partial<Record<Permission, readonly ResourceType[]>> = {};
  for (const action of tableActions) types[action] = ['hospital'];
  return types as Record<Permission, readonly ResourceType[]>;
};

export const actionResourceTypes: Readonly<Record<Action, readonly ResourceType[]>> = {
  ...tableResourceTypes(),
  ...resourceActions,
};

export const isAction = (name: string): name is Action => Object.hasOwn(actionResourceTypes, name);

/** Each table entry becomes at most two rules: any signed-in account, or the listed roles (never contractors). */
const tableRules = (): Rule<Action>[] =>
  tableActions.flatMap((action): Rule<Action>[] => {
    const entry: PermissionEntry = permissions[action];
    const roles = entry.roles;
    const rules: Rule<Action>[] = [];
    if (entry.anyAccount) {
      rules.push({
        id: `${action}#signedIn`,
        effect: 'permit',
        actions: [action],
        resourceTypes: ['hospital'],
        when: [{ kind: 'signedIn' }],
        description: { ja: 'サインインした者は誰でも', en: 'Anyone signed in' },
      });
    }
    if (roles.length > 0) {
      rules.push({
        id: `${action}#roles`,
        effect: 'permit',
        actions: [action],
        resourceTypes: ['hospital'],
        when: [{ kind: 'role', roles, scope: 'anywhere' }],
        unless: [{ kind: 'contractor' }],
        description: {
          ja: `役割 ${roles.join('・')} を持つ職員（委託事業者を除く）`,
          en: `Staff holding ${roles.join(', ')} (not contractors)`,
        },
      });
    }
    return rules;
  });

const informationRules: readonly Rule<Action>[] = [
  {
    id: 'information.read.ownUnit',
    effect: 'permit',
    actions: ['information.read'],
    when: [{ kind: 'memberOfUnit' }],
    clause: '7.1.1.a',
    description: {
      ja: '所属する科課室等の情報資産は閲覧できる（第7 1(1)ア）。',
      en: "Staff read their own section's information (第7 1(1)ア).",
    },
  },
  {
    id: 'information.read.public',
    effect: 'permit',
    actions: ['information.read'],
    when: [{ kind: 'signedIn' }, { kind: 'classificationAtLeast', level: 3 }],
    clause: '4.1',
    description: {
      ja: '重要性分類III・IVの情報資産はサインインした者が閲覧できる（第4 1）。',
      en: 'Classification III and IV information is readable by anyone signed in (第4 1).',
    },
  },
  {
    id: 'information.owner',
    effect: 'permit',
    actions: ['information.read', 'information.update'],
    when: [{ kind: 'owner' }],
    description: { ja: '情報資産の管理者本人', en: "The information asset's owner" },
  },
  {
    id: 'information.manager',
    effect: 'permit',
    actions: ['information.read', 'information.update'],
    when: [{ kind: 'role', roles: ['securityManager'], scope: 'unit' }],
    clause: '3.4.2',
    description: {
      ja: '情報セキュリティ管理者は所管する科課室等の情報資産を扱える（第3 4(2)）。',
      en: "A Security Manager handles their section's information (第3 4(2)).",
    },
  },
  {
    id: 'information.officer',
    effect: 'permit',
    actions: ['information.read', 'information.update'],
    when: [{ kind: 'role', roles: ['securityOfficer'], scope: 'subtree' }],
    clause: '3.3.2',
    description: {
      ja: '情報セキュリティ責任者は当該部局等の情報資産を扱える（第3 3(2)）。',
      en: 'A Security Officer handles the information of their bureau and the units below it (第3 3(2)).',
    },
  },
  {
    id: 'information.read.executives',
    effect: 'permit',
    actions: ['information.read'],
    when: [{ kind: 'role', roles: ['ciso', 'securityDirector'], scope: 'anywhere' }],
    clause: '3.1',
    description: {
      ja: '最高情報統括責任者・統括情報セキュリティ責任者は全ての情報資産を閲覧できる（第3 1、2）。',
      en: 'The CISO and the Security Director read all information (第3 1, 2).',
    },
  },
  {
    id: 'information.read.auditors',
    effect: 'permit',
    actions: ['information.read'],
    when: [{ kind: 'role', roles: ['auditLead', 'auditor'], scope: 'anywhere' }],
    clause: '9.1',
    description: {
      ja: '監査を行う者は監査に必要な情報資産を閲覧できる（第9 1）。',
      en: 'Auditors read the information an audit needs (第9 1).',
    },
  },
  {
    id: 'information.compartment',
    effect: 'forbid',
    actions: ['information.read', 'information.update'],
    when: [{ kind: 'inCompartment' }],
    unless: [{ kind: 'anyOf', conditions: [{ kind: 'compartmentMember' }, { kind: 'owner' }] }],
    reportDenial: true,
    clause: '7.1.1.b',
    description: {
      ja: '別領域の情報資産は担当職員以外は閲覧・使用できない（第7 1(1)イ）。',
      en: 'Information in a compartment is for its members only, even within the section (第7 1(1)イ).',
    },
  },
  {
    id: 'information.contractorClassI',
    effect: 'forbid',
    actions: ['information.read', 'information.update'],
    when: [{ kind: 'contractor' }, { kind: 'classificationAtMost', level: 1 }],
    reportDenial: true,
    clause: '4.1',
    description: {
      ja: '重要性分類Iの情報資産は委託事業者が扱えない（第4 1）。',
      en: 'Contractors do not handle classification I information (第4 1).',
    },
  },
];

/** Compartments (7-1(1)イ): the section's Manager makes them; the security office may too (第3 2). */
const compartmentRules: readonly Rule<Action>[] = [
  {
    id: 'compartment.manage.manager',
    effect: 'permit',
    actions: ['compartment.manage'],
    when: [{ kind: 'role', roles: ['securityManager'], scope: 'unit' }],
    unless: [{ kind: 'contractor' }],
    clause: '7.1.1.b',
    description: {
      ja: '情報セキュリティ管理者は所管する科課室等に別領域を作成し、担当職員を定める（第7 1(1)イ）。',
      en: "A Security Manager makes their section's compartments and names their members (第7 1(1)イ).",
    },
  },
  {
    id: 'compartment.manage.securityOffice',
    effect: 'permit',
    actions: ['compartment.manage'],
    when: [{ kind: 'role', roles: ['ciso', 'securityDirector'], scope: 'anywhere' }],
    unless: [{ kind: 'contractor' }],
    clause: '3.1',
    description: {
      ja: '最高情報統括責任者・統括情報セキュリティ責任者はどの科課室等の別領域も管理できる（第3 1、2）。',
      en: "The CISO and the Security Director manage any section's compartments (第3 1, 2).",
    },
  },
];

/** 第7 2(1)ウ(ウ): privileged IDs are never created or changed by contractors, whatever else their account holds. */
const privilegedIdRules: readonly Rule<Action>[] = [
  {
    id: 'identity.privileged.noContractors',
    effect: 'forbid',
    actions: ['identity.managePrivileged'],
    when: [{ kind: 'contractor' }],
    reportDenial: true,
    clause: '7.2.1.c.c',
    description: {
      ja: '委託事業者は特権IDの作成・変更を行えない（第7 2(1)ウ(ウ)）。',
      en: 'Contractors do not create or change privileged IDs (第7 2(1)ウ(ウ)).',
    },
  },
];

/**
 * Requests (許可の申請). A request resource carries the applicant's unit path (the step's seat unit when a step is
 * decided), its applicant and preparer, the approver seats of its route and who decided. Any staff member applies
 * and follows their own requests; approvers read and decide what is routed to them; the Officers above the
 * applicant, the security office and auditors read (第3 3(2), 第3 1・2, 第9 1).
 */
const requestRules: readonly Rule<Action>[] = [
  {
    id: 'request.party',
    effect: 'permit',
    actions: ['request.submit', 'request.read', 'request.withdraw'],
    resourceTypes: ['request'],
    when: [{ kind: 'party' }],
    description: {
      ja: '申請者本人・申請を作成した者は、その申請を提出・閲覧・取り下げできる',
      en: 'The applicant, or whoever prepared it, submits, reads and withdraws their request',
    },
  },
  {
    id: 'request.read.approvers',
    effect: 'permit',
    actions: ['request.read'],
    resourceTypes: ['request'],
    when: [{ kind: 'anyOf', conditions: [{ kind: 'seated' }, { kind: 'decider' }] }],
    description: {
      ja: '申請の経路の決裁者（代決者・上位の決裁者を含む）と決裁した者は、その申請を閲覧できる',
      en: "The approvers on a request's route (acting, delegated and escalated ones included) and whoever decided it read it",
    },
  },
  {
    id: 'request.read.officer',
    effect: 'permit',
    actions: ['request.read'],
    resourceTypes: ['request'],
    when: [{ kind: 'role', roles: ['securityOfficer'], scope: 'subtree' }],
    clause: '3.3.2',
    description: {
      ja: '情報セキュリティ責任者は所管する部局等の職員の申請を閲覧できる（第3 3(2)）。',
      en: 'A Security Officer reads the requests of the staff of their bureau and the units below it (第3 3(2)).',
    },
  },
  {
    id: 'request.read.securityOffice',
    effect: 'permit',
    actions: ['request.read'],
    resourceTypes: ['request'],
    when: [{ kind: 'role', roles: ['ciso', 'securityDirector'], scope: 'anywhere' }],
    clause: '3.1',
    description: {
      ja: '最高情報統括責任者・統括情報セキュリティ責任者は全ての申請を閲覧できる（第3 1、2）。',
      en: 'The CISO and the Security Director read every request (第3 1, 2).',
    },
  },
  {
    id: 'request.read.auditors',
    effect: 'permit',
    actions: ['request.read'],
    resourceTypes: ['request'],
    when: [{ kind: 'role', roles: ['auditLead', 'auditor'], scope: 'anywhere' }],
    clause: '9.1',
    description: {
      ja: '監査を行う者は申請と決裁の記録を閲覧できる（第9 1）。',
      en: 'Auditors read requests and their decisions (第9 1).',
    },
  },
];

const dutyRules: readonly Rule<Action>[] = [
  {
    id: 'request.approve.seat',
    effect: 'permit',
    actions: ['request.approve'],
    resourceTypes: ['request'],
    when: [{ kind: 'seated' }],
    description: {
      ja: '決裁する段階の決裁者（その役割を任命・委任・代理で持つ者、または上位に送られた段階の上位者）',
      en: "The step's approver: who holds its seat by assignment, delegation or acting, or the seat it was sent up to",
    },
  },
  {
    id: 'audit.perform.auditors',
    effect: 'permit',
    actions: ['audit.perform'],
    when: [{ kind: 'role', roles: ['auditLead', 'auditor'], scope: 'anywhere' }],
    clause: '9.1.2',
    description: { ja: '監査を行う者（第9 1(2)）', en: 'Auditors (第9 1(2))' },
  },
  {
    id: 'change.verify.unit',
    effect: 'permit',
    actions: ['change.verify'],
    when: [
      {
        kind: 'anyOf',
        conditions: [
          { kind: 'role', roles: ['securityManager', 'securityStaff'], scope: 'unit' },
          { kind: 'role', roles: ['securityOfficer'], scope: 'subtree' },
        ],
      },
    ],
    clause: '7.1.4.c',
    description: {
      ja: '所管する部署の管理者・担当者・責任者が作業を確認する（第7 1(4)ウ）。',
      en: "The unit's Manager, Staff or Officer verifies a change (第7 1(4)ウ).",
    },
  },
  {
    id: 'contractor.noDecisions',
    effect: 'forbid',
    actions: ['request.approve', 'audit.perform', 'change.verify'],
    when: [{ kind: 'contractor' }],
    reportDenial: true,
    clause: '3.5.2',
    description: {
      ja: '委託事業者は承認・監査・確認を行えない（第3 5(2)）。',
      en: 'Contractors do not approve, audit or verify (第3 5(2)).',
    },
  },
];

/** The rule set every decision in Mamori uses. */
export const hospitalRules = (): Rule<Action>[] => [
  {
    id: 'administrator',
    effect: 'permit',
    actions: '*',
    resourceTypes: ['hospital'],
    when: [{ kind: 'administrator' }],
    description: {
      ja: 'Mamoriの運用管理者はシステムを運用する（記録の内容は扱わない）',
      en: "Mamori's operator runs the system (not the records' contents)",
    },
  },
  ...tableRules(),
  ...informationRules,
  ...compartmentRules,
  ...privilegedIdRules,
  ...requestRules,
  ...dutyRules,
  ...(separationRules as readonly Rule<Action>[]),
];
