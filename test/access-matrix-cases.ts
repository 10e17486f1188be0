// The requests of the access-matrix test (test/access-matrix.test.ts): the body or parameters each route needs
// beyond a plain GET of its path.
import {
  defaultDirectorySettings,
  defaultIdentitySettings,
  defaultOidcSettings,
} from '../src/modules/identity/index.js';
import { approvalRequests } from './access-matrix-approvals.js';
import { assetRequests } from './access-matrix-assets.js';
import { facilitiesRequests } from './access-matrix-facilities.js';
import {
  code,
  columns,
  compartmentOf,
  fixed,
  keep,
  made,
  staffRow,
  unitRow,
  type Case,
} from './access-matrix-kit.js';

/** Requests for the routes that need more than a plain GET of their path. */
export const requests: Record<string, readonly Case[]> = {
  ...assetRequests,
  ...facilitiesRequests,
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
        if (res.statusCode === 201 && who.key === 'ciso')
          made.firstCompartment = res.json<{ id: string }>().id;
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
  ...approvalRequests,
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
