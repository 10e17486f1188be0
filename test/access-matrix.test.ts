import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig, systemActor, type MamoriApp } from '../src/kernel/index.js';
import { demoPersonaKeys, seedDemoHospital, type DemoPersonaKey } from '../src/modules/demo/index.js';
import {
  defaultDirectorySettings,
  defaultIdentitySettings,
  defaultOidcSettings,
} from '../src/modules/identity/index.js';
import { buildApp } from '../src/server/index.js';
import { describeEachDialect } from './db-harness.js';

/**
 * Every route × the demo hospital's people (第7 1(1), brief: "tests walk the whole endpoint × role matrix"). Each
 * route from the OpenAPI document is called by: no session, the CISO, the Director, an Officer (看護部), the Manager
 * of 4階東病棟, a nurse of that ward with no role, a contractor, an auditor; routes about a unit are called for the
 * ward (own unit) and for 総務課 (another unit). The statuses must equal test/access-matrix.json. A route missing
 * from the file fails the test: add its row, and a request below if it needs a body or parameters.
 * `UPDATE_ACCESS_MATRIX=1` writes what the server answered, for review before committing.
 */

const matrixFile = new URL('./access-matrix.json', import.meta.url);
type Column = 'anonymous' | DemoPersonaKey;
const columns: readonly Column[] = ['anonymous', ...demoPersonaKeys];
/** The file: the columns once, then one row of statuses per route (and case), in column order. */
interface MatrixFile {
  readonly columns: readonly Column[];
  readonly routes: Record<string, number[]>;
}

interface Who {
  readonly key: Column;
  readonly loginId: string;
  readonly address: string;
  password: string;
  cookie: string | null;
  csrf: string | null;
  accountId: string;
  /** Ids this person created, by route, for the routes that act on them next. */
  readonly created: Map<string, string>;
}

interface World {
  readonly ownUnitId: string;
  readonly otherUnitId: string;
  readonly managerEmployeeNumber: string;
  readonly otherAccountId: string;
  readonly unitsCsv: string;
}

interface Case {
  readonly name?: string;
  readonly url: (who: Who, world: World) => string;
  readonly body?: (who: Who, world: World) => unknown;
  /** Use a session of its own (signing out must not end the session the other calls use). */
  readonly fresh?: boolean;
  readonly then?: (who: Who, res: LightMyRequestResponse) => void;
}

const code = (who: Who): string => `M-${who.key.toUpperCase()}`;
const unitRow = (who: Who, nameEn: string) => ({
  code: code(who),
  nameJa: `試験科${who.key}`,
  nameEn,
  kind: 'section',
  parentCode: 'KANGO',
  validFrom: '2026-04-01',
});
const staffRow = (who: Who, phone: string | null) => ({
  employeeNumber: code(who),
  nameKanji: '試験 太郎',
  nameKana: 'シケン タロウ',
  employment: 'regular',
  unitCode: 'KANGO-4E',
  phone,
  startDate: '2026-04-01',
});
const keep = (route: string) => (who: Who, res: LightMyRequestResponse) => {
  if (res.statusCode === 201) who.created.set(route, res.json<{ id: string }>().id);
};
const fixed = (url: string) => (): string => url;
/** The compartment the CISO made (first in each row, on each dialect): whoever made none tries theirs on it. */
let firstCompartment = 'none';
/** What the nurse of the ward (the `staff` persona) made: the others try it (issue 5: another's request). */
const nurses = new Map<string, string>();
const nurse = (key: string): string => nurses.get(key) ?? 'none';
const keepNurse = (key: string, route: string) => (who: Who, res: LightMyRequestResponse) => {
  keep(route)(who, res);
  if (res.statusCode === 201 && who.key === 'staff') nurses.set(key, res.json<{ id: string }>().id);
};
const compartmentOf = (who: Who): string => who.created.get('compartment') ?? firstCompartment;
const assetBody = { name: '行列試験の記録', form: 'electronic', origin: 'created', classification: 2 };
const approvalCarryOut = {
  item: 'ノートPC',
  itemKind: 'pc',
  classification: 2,
  destination: '研修会場',
  startDate: '2026-04-10',
  returnDate: '2026-04-11',
  purpose: '行列試験',
};

/** Requests for the routes that need more than a plain GET of their path. */
const requests: Record<string, readonly Case[]> = {
  // Information assets (第4): each person registers a class II asset for the ward (own unit) and acts on it.
  'POST /api/assets': [
    {
      url: fixed('/api/assets'),
      body: (_, w) => ({ ...assetBody, owningUnitId: w.ownUnitId }),
      then: keep('asset'),
    },
  ],
  'GET /api/assets/{id}': [
    { name: 'own asset', url: (who) => `/api/assets/${who.created.get('asset') ?? 'none'}` },
  ],
  'PUT /api/assets/{id}': [
    {
      name: 'own asset',
      url: (who) => `/api/assets/${who.created.get('asset') ?? 'none'}`,
      body: () => ({ systemName: '電子カルテ' }),
    },
  ],
  'POST /api/assets/{id}/derive': [
    {
      name: 'own asset',
      url: (who) => `/api/assets/${who.created.get('asset') ?? 'none'}/derive`,
      body: () => ({ kind: 'copy' }),
    },
  ],
  'POST /api/assets/{id}/reclassify': [
    {
      name: 'own asset',
      url: (who) => `/api/assets/${who.created.get('asset') ?? 'none'}/reclassify`,
      body: () => ({ classification: 1, reason: '行列試験' }),
    },
  ],
  'POST /api/assets/{id}/erase': [
    {
      name: 'own asset (not a draft)',
      url: (who) => `/api/assets/${who.created.get('asset') ?? 'none'}/erase`,
      body: () => ({ reason: '行列試験' }),
    },
  ],
  'POST /api/assets/{id}/ruling': [
    {
      name: 'own asset (already classified)',
      url: (who) => `/api/assets/${who.created.get('asset') ?? 'none'}/ruling`,
      body: () => ({ proposedClassification: 2 }),
    },
  ],
  'POST /api/assets/{id}/publications': [
    {
      name: 'own class II asset',
      url: (who) => `/api/assets/${who.created.get('asset') ?? 'none'}/publications`,
      body: () => ({ channel: '掲示板', contentBase64: 'eA==' }),
    },
  ],
  'POST /api/assets/publications/{id}/check': [
    { url: fixed('/api/assets/publications/none/check'), body: () => ({ contentBase64: 'eA==' }) },
  ],
  'POST /api/assets/media': [
    {
      url: fixed('/api/assets/media'),
      body: (who, w) => ({
        code: `MX-${code(who)}`,
        label: '行列試験',
        kind: 'usbMemory',
        owningUnitId: w.ownUnitId,
        purpose: 'working',
      }),
      then: keep('medium'),
    },
  ],
  'PUT /api/assets/media/{id}': [
    {
      name: 'own medium',
      url: (who) => `/api/assets/media/${who.created.get('medium') ?? 'none'}`,
      body: (who, w) => ({
        code: `MX-${code(who)}`,
        label: '行列試験2',
        kind: 'usbMemory',
        owningUnitId: w.ownUnitId,
        purpose: 'working',
      }),
    },
  ],
  'POST /api/assets/places': [
    {
      url: fixed('/api/assets/places'),
      body: (who, w) => ({
        code: `PX-${code(who)}`,
        name: '行列試験',
        kind: 'cabinet',
        owningUnitId: w.ownUnitId,
      }),
      then: keep('place'),
    },
  ],
  'PUT /api/assets/places/{id}': [
    {
      name: 'own place',
      url: (who) => `/api/assets/places/${who.created.get('place') ?? 'none'}`,
      body: (who, w) => ({
        code: `PX-${code(who)}`,
        name: '行列試験2',
        kind: 'cabinet',
        owningUnitId: w.ownUnitId,
      }),
    },
  ],
  'POST /api/assets/handlings': [
    {
      name: 'own class II asset (needs permission)',
      url: fixed('/api/assets/handlings'),
      body: (who) => ({
        kind: 'transport',
        assetId: who.created.get('asset') ?? 'none',
        performedAt: '2026-03-31T23:00:00Z',
      }),
    },
  ],
  'POST /api/assets/handlings/{id}/complete': [
    {
      url: fixed('/api/assets/handlings/none/complete'),
      body: () => ({ performedAt: '2026-03-31T23:00:00Z' }),
    },
  ],
  'POST /api/assets/disposals': [
    {
      url: fixed('/api/assets/disposals'),
      body: () => ({ handlingId: 'none', performedAt: '2026-03-31T23:00:00Z', method: 'shred' }),
    },
  ],
  'GET /api/assets/disposals/{id}/certificate.pdf': [
    { url: fixed('/api/assets/disposals/none/certificate.pdf') },
  ],
  'GET /api/assets/exports': [{ url: fixed('/api/assets/exports?register=assets&format=xlsx') }],
  'POST /api/assets/import': [
    {
      url: fixed('/api/assets/import?dryRun=true'),
      body: () => ({
        format: 'csv',
        sheet: 'assets',
        contentBase64: Buffer.from(
          '資産番号,名称,形態,所管部署コード,重要性分類\r\nIA-MX-1,行列試験,電子,KANGO-4E,II\r\n',
        ).toString('base64'),
      }),
    },
  ],
  'POST /api/session': [
    {
      url: fixed('/api/session'),
      body: (who) => ({ loginId: who.key === 'anonymous' ? 'nobody' : who.loginId, password: who.password }),
    },
  ],
  'DELETE /api/session': [{ url: fixed('/api/session'), fresh: true }],
  'POST /api/account/password': [
    {
      url: fixed('/api/account/password'),
      body: (who) => ({ currentPassword: who.password, newPassword: `${who.password}-2` }),
      then: (who, res) => {
        if (res.statusCode === 204) who.password = `${who.password}-2`;
      },
    },
  ],
  'GET /api/org/units/{id}': [
    { name: 'own unit', url: (_, w) => `/api/org/units/${w.ownUnitId}` },
    { name: 'other unit', url: (_, w) => `/api/org/units/${w.otherUnitId}` },
  ],
  'POST /api/org/units': [{ url: fixed('/api/org/units'), body: (who) => unitRow(who, 'Test section') }],
  'PUT /api/org/units': [
    { url: fixed('/api/org/units'), body: (who) => unitRow(who, 'Test section, renamed') },
  ],
  'GET /api/org/staff': [
    { name: 'own unit', url: (_, w) => `/api/org/staff?unitId=${w.ownUnitId}` },
    { name: 'other unit', url: (_, w) => `/api/org/staff?unitId=${w.otherUnitId}` },
  ],
  'POST /api/org/staff': [{ url: fixed('/api/org/staff'), body: (who) => staffRow(who, null) }],
  'PUT /api/org/staff': [{ url: fixed('/api/org/staff'), body: (who) => staffRow(who, '0000') }],
  'POST /api/org/assignments': [
    {
      url: fixed('/api/org/assignments'),
      body: (who) => ({
        role: 'securityStaff',
        employeeNumber: code(who),
        unitCode: 'KANGO-4E',
        startDate: '2026-04-01',
      }),
      then: keep('assignment'),
    },
  ],
  'POST /api/org/assignments/{id}/end': [
    {
      url: (who) => `/api/org/assignments/${who.created.get('assignment') ?? 'none'}/end`,
      body: () => ({ endDate: '2026-04-30' }),
    },
  ],
  'POST /api/org/delegations': [
    {
      url: fixed('/api/org/delegations'),
      body: (who, w) => ({
        kind: 'acting',
        role: 'securityManager',
        unitCode: 'KANGO-4E',
        fromEmployeeNumber: w.managerEmployeeNumber,
        toEmployeeNumber: code(who),
        startDate: `2026-05-0${String(1 + columns.indexOf(who.key))}`,
        endDate: `2026-05-0${String(1 + columns.indexOf(who.key))}`,
        reason: '試験のための代理',
      }),
    },
  ],
  'POST /api/org/import': [
    {
      url: fixed('/api/org/import?dryRun=true'),
      body: (_, w) => ({ format: 'csv', sheet: 'units', contentBase64: w.unitsCsv }),
    },
  ],
  // Compartments (7-1(1)イ) of the Manager's ward: the ward's Manager and the security office make and manage them.
  'GET /api/org/units/{id}/compartments': [
    { name: 'own unit', url: (_, w) => `/api/org/units/${w.ownUnitId}/compartments` },
    { name: 'other unit', url: (_, w) => `/api/org/units/${w.otherUnitId}/compartments` },
  ],
  'POST /api/org/units/{id}/compartments': [
    {
      name: 'own unit',
      url: (_, w) => `/api/org/units/${w.ownUnitId}/compartments`,
      body: (who) => ({ nameJa: `試験領域${who.key}`, nameEn: `Trial ${who.key}`, validFrom: '2026-04-01' }),
      then: (who, res) => {
        keep('compartment')(who, res);
        if (res.statusCode === 201 && who.key === 'ciso') firstCompartment = res.json<{ id: string }>().id;
      },
    },
    {
      name: 'other unit',
      url: (_, w) => `/api/org/units/${w.otherUnitId}/compartments`,
      body: (who) => ({ nameJa: `試験領域${who.key}`, nameEn: `Trial ${who.key}`, validFrom: '2026-04-01' }),
    },
  ],
  'PUT /api/org/compartments/{id}': [
    {
      url: (who) => `/api/org/compartments/${compartmentOf(who)}`,
      body: (who) => ({ nameJa: `試験領域${who.key}改`, nameEn: `Trial ${who.key}, renamed` }),
    },
  ],
  'POST /api/org/compartments/{id}/close': [
    {
      url: (who) => `/api/org/compartments/${compartmentOf(who)}/close`,
      body: () => ({ validTo: '2026-04-30', reason: '行列試験' }),
    },
  ],
  'POST /api/org/compartments/{id}/members': [
    {
      url: (who) => `/api/org/compartments/${compartmentOf(who)}/members`,
      body: (_, w) => ({ employeeNumber: w.managerEmployeeNumber, startDate: '2026-04-01' }),
      then: keep('membership'),
    },
  ],
  'POST /api/org/compartments/{id}/members/{membershipId}/end': [
    {
      url: (who) =>
        `/api/org/compartments/${compartmentOf(who)}/members/${who.created.get('membership') ?? 'none'}/end`,
      body: () => ({ endDate: '2026-04-15' }),
    },
  ],
  'PUT /api/identity/settings': [
    { url: fixed('/api/identity/settings'), body: () => defaultIdentitySettings },
  ],
  'POST /api/identity/settings/preview': [
    { url: fixed('/api/identity/settings/preview'), body: () => defaultIdentitySettings },
  ],
  // Directory settings turned off, so a run is refused (400) for those allowed without reaching any directory.
  'PUT /api/identity/directory': [
    {
      url: fixed('/api/identity/directory'),
      body: () => ({ ...defaultDirectorySettings, bindPassword: { kind: 'none' } }),
    },
  ],
  'POST /api/identity/directory/runs': [
    { url: fixed('/api/identity/directory/runs'), body: () => ({ dryRun: false }) },
  ],
  'GET /api/identity/directory/runs/{id}': [{ url: fixed('/api/identity/directory/runs/none') }],
  // Single sign-on stays off (no provider to reach): the button and the callback send everyone back to sign-in.
  'PUT /api/identity/oidc/settings': [
    {
      url: fixed('/api/identity/oidc/settings'),
      body: () => ({ ...defaultOidcSettings, clientSecret: { kind: 'none' } }),
    },
  ],
  // The ledger (第7 1(4)イ, 1(6)): the audit log; a cosignature that is not one passes authorization, then fails.
  'GET /api/ledger/{log}/checkpoint': [{ url: fixed('/api/ledger/audit/checkpoint') }],
  'POST /api/ledger/{log}/checkpoint': [{ url: fixed('/api/ledger/audit/checkpoint') }],
  'GET /api/ledger/{log}/entries': [{ url: fixed('/api/ledger/audit/entries?start=0&end=2') }],
  'GET /api/ledger/{log}/proofs/inclusion': [
    { url: fixed('/api/ledger/audit/proofs/inclusion?index=0&size=2') },
  ],
  'GET /api/ledger/{log}/proofs/consistency': [
    { url: fixed('/api/ledger/audit/proofs/consistency?from=1&to=2') },
  ],
  'POST /api/ledger/{log}/verifications': [{ url: fixed('/api/ledger/audit/verifications') }],
  'GET /api/ledger/{log}/verifications': [{ url: fixed('/api/ledger/audit/verifications') }],
  // The ledger page: each log's state, entries by actor, an entry's proof (signed above, so index 0 is covered).
  'GET /api/ledger/status': [{ url: fixed('/api/ledger/status') }],
  'GET /api/ledger/search': [{ url: fixed('/api/ledger/search?log=audit&actor=demo-ciso&limit=5') }],
  'GET /api/ledger/{log}/kinds': [{ url: fixed('/api/ledger/audit/kinds') }],
  'GET /api/ledger/{log}/entries/{index}/proof': [{ url: fixed('/api/ledger/audit/entries/0/proof') }],
  'POST /api/ledger/{log}/cosignatures': [
    {
      url: fixed('/api/ledger/audit/cosignatures'),
      body: () => ({ checkpoint: 'not a checkpoint', cosignerKey: 'not a key' }),
    },
  ],
  'POST /api/identity/lockouts/account': [
    { url: fixed('/api/identity/lockouts/account'), body: () => ({ accountId: 'none', reason: 'matrix' }) },
  ],
  'POST /api/identity/lockouts/address': [
    { url: fixed('/api/identity/lockouts/address'), body: () => ({ ip: '203.0.113.1', reason: 'matrix' }) },
  ],
  'POST /api/account/sessions/end': [
    { url: fixed('/api/account/sessions/end'), body: () => ({ others: true }) },
  ],
  'POST /api/session/elevate': [{ url: fixed('/api/session/elevate'), body: () => ({ password: 'not it' }) }],
  'POST /api/account/sign-in-reports': [
    { url: fixed('/api/account/sign-in-reports'), body: () => ({ attemptId: 'none' }) },
  ],
  'POST /api/account/mfa/totp': [{ url: fixed('/api/account/mfa/totp'), body: () => ({ label: 'matrix' }) }],
  'POST /api/account/mfa/totp/confirm': [
    { url: fixed('/api/account/mfa/totp/confirm'), body: () => ({ factorId: 'none', code: '000000' }) },
  ],
  'POST /api/account/mfa/webauthn/options': [{ url: fixed('/api/account/mfa/webauthn/options') }],
  'POST /api/account/mfa/webauthn': [
    {
      url: fixed('/api/account/mfa/webauthn'),
      body: () => ({ label: 'matrix', response: { id: 'x', rawId: 'x', type: 'public-key', response: {} } }),
    },
  ],
  'POST /api/account/mfa/{id}/remove': [{ url: fixed('/api/account/mfa/none/remove') }],
  'POST /api/account/recovery-codes': [{ url: fixed('/api/account/recovery-codes') }],
  'POST /api/session/mfa/webauthn/options': [{ url: fixed('/api/session/mfa/webauthn/options') }],
  'POST /api/session/mfa': [{ url: fixed('/api/session/mfa'), body: () => ({ code: '000000' }) }],
  'GET /api/records/{subject}/history': [
    { name: 'an org record', url: (_, w) => `/api/records/unit:${w.ownUnitId}/history` },
    { name: 'own account', url: (who) => `/api/records/account:${who.accountId || 'none'}/history` },
    { name: 'another account', url: (_, w) => `/api/records/account:${w.otherAccountId}/history` },
  ],
  // Approvals: each person works on their own request (an approver's own request is refused, 第3 7(1)).
  'POST /api/approvals/requests': [
    {
      url: fixed('/api/approvals/requests'),
      body: () => ({ typeId: 'people.carryOut', form: { item: '行列試験' } }),
      then: keepNurse('draft', 'approvalDraft'),
    },
  ],
  'POST /api/approvals/requests/submit': [
    {
      url: fixed('/api/approvals/requests/submit'),
      body: () => ({ draft: { typeId: 'people.carryOut', form: approvalCarryOut } }),
      then: keepNurse('request', 'approvalRequest'),
    },
  ],
  'GET /api/approvals/requests/{id}': [
    {
      name: 'own request',
      url: (who) => `/api/approvals/requests/${who.created.get('approvalRequest') ?? 'none'}`,
    },
    // Her ward's Manager (the step's seat), the Officer above, the security office and auditors read it.
    { name: "the nurse's request", url: () => `/api/approvals/requests/${nurse('request')}` },
  ],
  'POST /api/approvals/requests/{id}/submit': [
    {
      name: 'own incomplete draft',
      url: (who) => `/api/approvals/requests/${who.created.get('approvalDraft') ?? 'none'}/submit`,
    },
    // Only she submits it (400: hers, still incomplete).
    { name: "the nurse's draft", url: () => `/api/approvals/requests/${nurse('draft')}/submit` },
  ],
  'POST /api/approvals/requests/{id}/decision': [
    {
      name: 'own request',
      url: (who) => `/api/approvals/requests/${who.created.get('approvalRequest') ?? 'none'}/decision`,
      body: () => ({ decision: 'approve' }),
    },
    // Only the step's seat passes (400: the reason to reject is missing); the request stays waiting.
    {
      name: "the nurse's request, rejected without a reason",
      url: () => `/api/approvals/requests/${nurse('request')}/decision`,
      body: () => ({ decision: 'reject' }),
    },
  ],
  'POST /api/approvals/requests/{id}/withdraw': [
    {
      name: 'own request',
      url: (who) => `/api/approvals/requests/${who.created.get('approvalRequest') ?? 'none'}/withdraw`,
      body: () => ({ reason: '行列試験' }),
    },
    // Only she withdraws it (409: she already has).
    {
      name: "the nurse's request",
      url: () => `/api/approvals/requests/${nurse('request')}/withdraw`,
      body: () => ({ reason: '行列試験' }),
    },
  ],
  'POST /api/approvals/emergencies': [
    {
      url: fixed('/api/approvals/emergencies'),
      body: () => ({
        typeId: 'exceptions.emergencyReport',
        form: { rule: '第7 1(16)' },
        carriedOutAt: '2026-03-31T15:00:00Z',
      }),
      then: keepNurse('emergency', 'approvalEmergency'),
    },
  ],
  'POST /api/approvals/requests/{id}/report': [
    {
      name: 'own emergency',
      url: (who) => `/api/approvals/requests/${who.created.get('approvalEmergency') ?? 'none'}/report`,
      body: () => ({ form: { rule: '第7 1(16)', action: '仮接続', urgency: '機器の故障' } }),
    },
    // Only she reports it (409: she already has).
    {
      name: "the nurse's emergency",
      url: () => `/api/approvals/requests/${nurse('emergency')}/report`,
      body: () => ({ form: { rule: '第7 1(16)', action: '仮接続', urgency: '機器の故障' } }),
    },
  ],
  'POST /api/approvals/requests/{id}/acknowledge': [
    {
      name: 'own emergency',
      url: (who) => `/api/approvals/requests/${who.created.get('approvalEmergency') ?? 'none'}/acknowledge`,
      body: () => ({}),
    },
  ],
  'GET /api/approvals/requests/{id}/record.pdf': [
    {
      name: 'own request',
      url: (who) => `/api/approvals/requests/${who.created.get('approvalRequest') ?? 'none'}/record.pdf`,
    },
    {
      name: "the nurse's request",
      url: () => `/api/approvals/requests/${nurse('request')}/record.pdf`,
    },
  ],
  'POST /api/approvals/notifications/read': [
    { url: fixed('/api/approvals/notifications/read'), body: () => ({ all: true }) },
  ],
  // Compliance (policy module): each person tries a clause of their own, so the security office's calls all succeed.
  'GET /api/compliance/clauses/{clauseId}': [{ url: fixed('/api/compliance/clauses/3.3.1') }],
  'POST /api/compliance/snapshots': [{ url: fixed('/api/compliance/snapshots'), body: () => ({}) }],
  'POST /api/compliance/exclusions': [
    {
      url: fixed('/api/compliance/exclusions'),
      body: (who) => ({
        clauseId: ['5.2.1.b', '5.2.1.c', '5.2.1.d', '5.2.1.e', '5.2.1.f', '5.2.1.g', '5.1.5', '5.1.6'][
          columns.indexOf(who.key)
        ],
        reason: '行列試験のための適用除外です。',
      }),
      then: keep('exclusion'),
    },
  ],
  'POST /api/compliance/exclusions/{exclusionId}/end': [
    {
      url: (who) => `/api/compliance/exclusions/${who.created.get('exclusion') ?? 'none'}/end`,
      body: () => ({ reason: '行列試験の終了。' }),
    },
  ],
  'POST /api/compliance/checklist/items/{itemId}/answer': [
    {
      url: fixed('/api/compliance/checklist/items/2-1/answer'),
      body: () => ({ answer: 'yes', note: '行列試験の回答です。' }),
    },
  ],
  'PUT /api/compliance/checklist/items/{itemId}/mapping': [
    {
      url: fixed('/api/compliance/checklist/items/2-1/mapping'),
      body: () => ({ clauseIds: ['5.1.1'], note: '行列試験の対応付けです。' }),
    },
  ],
  // The account lifecycle (第7 2(1)イ・ウ): changes to an account that does not exist pass authorization, then 404.
  'GET /api/identity/accounts/{id}': [{ url: (who) => `/api/identity/accounts/${who.accountId || 'none'}` }],
  'POST /api/identity/accounts/{id}/disable': [
    { url: fixed('/api/identity/accounts/none/disable'), body: () => ({ reason: '行列試験' }) },
  ],
  'POST /api/identity/accounts/{id}/enable': [
    { url: fixed('/api/identity/accounts/none/enable'), body: () => ({ reason: '行列試験' }) },
  ],
  'POST /api/identity/accounts/{id}/temporary-password': [
    { url: fixed('/api/identity/accounts/none/temporary-password'), body: () => ({ reason: '行列試験' }) },
  ],
  'POST /api/identity/accounts/{id}/privilege': [
    {
      url: fixed('/api/identity/accounts/none/privilege'),
      body: () => ({ privileged: true, systemName: '行列試験', reason: '行列試験' }),
    },
  ],
  'POST /api/identity/shared-accounts': [
    {
      url: fixed('/api/identity/shared-accounts'),
      body: (who, w) => ({
        loginId: `shared-${who.key.toLowerCase()}`,
        displayName: '行列試験の共用ID',
        purpose: '行列試験',
        unitCode: 'KANGO-4E',
        users: [w.managerEmployeeNumber],
      }),
    },
  ],
  'POST /api/identity/shared-accounts/{id}/users': [
    {
      url: fixed('/api/identity/shared-accounts/none/users'),
      body: () => ({ add: ['X'], reason: '行列試験' }),
    },
  ],
  'POST /api/identity/development-accounts': [
    {
      url: fixed('/api/identity/development-accounts'),
      body: (who, w) => ({
        loginId: `dev-${who.key.toLowerCase()}`,
        ownerEmployeeNumber: w.managerEmployeeNumber,
        systemName: '行列試験システム',
        purpose: '行列試験',
        endDate: '2026-12-31',
      }),
    },
  ],
  'POST /api/identity/personnel/import': [
    {
      url: fixed('/api/identity/personnel/import?dryRun=true'),
      body: (who) => ({
        format: 'csv',
        contentBase64: Buffer.from(
          `異動区分,職員番号,発効日,氏名,氏名（カナ）,雇用形態,所属部署コード\r\n採用,MX-${who.key.toUpperCase()},2026-04-01,行列 太郎,ギョウレツ タロウ,regular,KANGO-4E\r\n`,
        ).toString('base64'),
      }),
    },
  ],
  'POST /api/identity/sweep': [{ url: fixed('/api/identity/sweep'), body: () => ({}) }],
  'POST /api/identity/sweep/decisions': [
    { url: fixed('/api/identity/sweep/decisions'), body: () => ({ itemIds: ['none'], decision: 'disable' }) },
  ],
  'POST /api/identity/scim-tokens': [
    { url: fixed('/api/identity/scim-tokens'), body: (who) => ({ name: `行列試験 ${who.key}` }) },
  ],
  'POST /api/identity/scim-tokens/{id}/revoke': [
    { url: fixed('/api/identity/scim-tokens/none/revoke'), body: () => ({ reason: '行列試験' }) },
  ],
};

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
}
interface ErrorBody {
  error?: { code?: string; message?: { ja?: string; en?: string } };
}

describeEachDialect('access matrix: every route × the demo hospital’s people', (db) => {
  let app: MamoriApp;
  let world: World;
  const people = new Map<Column, Who>();

  const send = (who: Who, method: string, url: string, body?: unknown, session = who) =>
    app.inject({
      method: method as 'GET',
      url,
      remoteAddress: who.address,
      headers: {
        ...(session.cookie === null ? {} : { cookie: session.cookie }),
        ...(session.csrf === null ? {} : { 'x-csrf-token': session.csrf }),
      },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });

  const signIn = async (who: Who): Promise<Who> => {
    const res = await send(who, 'POST', '/api/session', { loginId: who.loginId, password: who.password });
    expect(res.statusCode, `${who.key} signs in`).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'mamori_session');
    const view = res.json<{ csrfToken: string; account: { id: string } }>();
    return {
      ...who,
      cookie: `mamori_session=${cookie?.value ?? ''}`,
      csrf: view.csrfToken,
      accountId: view.account.id,
    };
  };

  const keyDir = mkdtempSync(join(tmpdir(), 'mamori-access-matrix-'));

  beforeAll(async () => {
    const seeded = await seedDemoHospital(db().ctx(systemActor('test')), { seed: 7, asOf: '2026-04-01' });
    app = await buildApp({
      config: loadConfig({}, { logLevel: 'silent', ledgerKeyFile: join(keyDir, 'ledger.key') }),
      app: {
        database: db().handle,
        clock: db().clock,
        timeZone: 'Asia/Tokyo',
        hospitalName: seeded.hospital.hospitalName,
      },
      logger: false,
    });
    await app.ready();
    const anonymous: Who = {
      key: 'anonymous',
      loginId: '',
      address: '10.0.0.1',
      password: 'not a password at all',
      cookie: null,
      csrf: null,
      accountId: '',
      created: new Map(),
    };
    people.set('anonymous', anonymous);
    for (const [i, persona] of seeded.personas.entries()) {
      const first = await signIn({
        key: persona.key,
        loginId: persona.loginId,
        address: `10.0.1.${String(i + 1)}`,
        password: persona.temporaryPassword,
        cookie: null,
        csrf: null,
        accountId: '',
        created: new Map(),
      });
      // 7-2(3)イ: nothing else answers before the temporary password is changed.
      expect((await send(first, 'GET', '/api/org/units')).statusCode).toBe(403);
      const password = `Matrix passphrase ${String(i)} for ${persona.key.slice(0, 3)} 4Qz!`;
      const changed = await send(first, 'POST', '/api/account/password', {
        currentPassword: first.password,
        newPassword: password,
      });
      expect(changed.statusCode, `${persona.key} changes the temporary password`).toBe(204);
      people.set(persona.key, { ...first, password });
    }
    const ciso = people.get('ciso');
    if (!ciso) throw new Error('no CISO persona');
    const units = (await send(ciso, 'GET', '/api/org/units')).json<{ id: string; code: string }[]>();
    const idOf = (c: string): string => units.find((u) => u.code === c)?.id ?? `missing ${c}`;
    const manager = seeded.personas.find((p) => p.key === 'securityManager');
    const csv = await send(ciso, 'GET', '/api/org/export?format=csv&sheet=units');
    world = {
      ownUnitId: idOf('KANGO-4E'),
      otherUnitId: idOf('JIMU-SOMU'),
      managerEmployeeNumber: manager?.employeeNumber ?? '',
      otherAccountId: people.get('securityDirector')?.accountId ?? '',
      unitsCsv: csv.rawPayload.toString('base64'),
    };
  });

  afterAll(async () => {
    await app.close();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('answers each route for each person as test/access-matrix.json says, with the bilingual reason', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApi>();
    const actual: Record<string, number[]> = {};
    const unexplained: string[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        const route = `${method} ${path}`;
        const cases =
          requests[route] ?? (method === 'GET' && !path.includes('{') ? [{ url: fixed(path) }] : null);
        if (cases === null) {
          unexplained.push(`${route}: add a request for it in test/access-matrix.test.ts`);
          continue;
        }
        for (const c of cases) {
          const row: number[] = [];
          for (const column of columns) {
            const who = people.get(column);
            if (!who) throw new Error(`no ${column}`);
            const session = c.fresh === true && column !== 'anonymous' ? await signIn(who) : who;
            const res = await send(who, method, c.url(who, world), c.body?.(who, world), session);
            c.then?.(who, res);
            row.push(res.statusCode);
            if (res.statusCode === 401 || res.statusCode === 403) {
              const error = res.json<ErrorBody>().error;
              const expectedCode =
                res.statusCode === 403 ? ['forbidden'] : ['unauthenticated', 'invalidCredentials'];
              expect(expectedCode, `${route} ${column}`).toContain(error?.code);
              expect(error?.message?.ja, `${route} ${column}`).toMatch(/[ぁ-んァ-ヶ一-龯]/);
              expect(error?.message?.en, `${route} ${column}`).toMatch(/[a-z]/);
            }
          }
          actual[c.name === undefined ? route : `${route} (${c.name})`] = row;
        }
      }
    }
    if (process.env['UPDATE_ACCESS_MATRIX'] === '1' && db().dialect === 'sqlite') {
      const rows = Object.entries(actual).map(
        ([route, row]) => `    ${JSON.stringify(route)}: [${row.join(', ')}]`,
      );
      const header = `  "columns": [${columns.map((c) => JSON.stringify(c)).join(', ')}],`;
      writeFileSync(matrixFile, `{\n${header}\n  "routes": {\n${rows.join(',\n')}\n  }\n}\n`);
    }
    expect(unexplained).toEqual([]);
    const expected = JSON.parse(readFileSync(matrixFile, 'utf8')) as MatrixFile;
    expect(expected.columns).toEqual(columns);
    const missing = Object.keys(actual).filter((route) => !(route in expected.routes));
    expect(
      missing,
      'routes without a row in test/access-matrix.json (UPDATE_ACCESS_MATRIX=1 writes them)',
    ).toEqual([]);
    expect(actual).toEqual(expected.routes);
  });
});
