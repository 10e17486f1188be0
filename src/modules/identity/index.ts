// The identity module's only door (第5 4(2), 第6 4, 第7 2, 第7 3(2)イ).
export { accountDisplayNames, accountIdOfLoginId } from './accounts.repository.js';
export { authenticateSession, type AuthenticatedSession } from './authenticate-session.js';
export { ADMIN_LOGIN_ID, bootstrapAdministrator } from './bootstrap-administrator.js';
export { changePassword } from './change-password.js';
export { createAccount } from './create-account.js';
export { getIdentitySettings, previewIdentitySettings } from './get-identity-settings.js';
export { getSessionView } from './get-session-view.js';
export { changePasswordInput, signInInput } from './identity.schema.js';
export {
  registerIdentityRoutes,
  SIGN_IN_REFUSAL_FLOOR_MS,
  type IdentityRouteOptions,
} from './identity.routes.js';
export { isBlocklisted } from './password-blocklist.js';
export { passwordChangeMessage, type PasswordReason } from './password-expiry.js';
export {
  accountClasses,
  defaultIdentitySettings,
  presetIds,
  presets,
  type AccountClass,
  type IdentitySettings,
  type PasswordProfile,
  type PresetId,
} from './password-profiles.js';
export { brokenRules, type PasswordOwner, type PasswordRule } from './password-rules.js';
export { departuresOf, type Departure } from './profile-departures.js';
export { elevateSession } from './elevate-session.js';
export { endMySessions } from './end-my-sessions.js';
export { listLockouts } from './list-lockouts.js';
export { listMySessions } from './list-my-sessions.js';
export { listSignInReports } from './list-sign-in-reports.js';
export { reportSignIn } from './report-sign-in.js';
export { completeSecondFactor } from './complete-second-factor.js';
export { confirmTotp } from './confirm-totp.js';
export { enrolTotp } from './enrol-totp.js';
export { issueRecoveryCodes } from './issue-recovery-codes.js';
export { listMyFactors } from './list-my-factors.js';
export { totpCodeAt } from './mfa-secrets.js';
export { registerWebauthn } from './register-webauthn.js';
export { removeMfaFactor } from './remove-mfa-factor.js';
export { secondFactorRefusal } from './second-factor-gate.js';
export type { RelyingParty } from './second-factor.js';
export { webauthnAuthenticationOptions, webauthnRegistrationOptions } from './webauthn-options.js';
export { signIn, type SessionLimits, type SignInResult } from './sign-in.js';
export { unlockAccount } from './unlock-account.js';
export { unlockAddress } from './unlock-address.js';
export { signOut } from './sign-out.js';
export { updateIdentitySettings } from './update-identity-settings.js';
// Directory synchronisation (LDAP / Active Directory) and single sign-on (OIDC).
export { applyDirectorySnapshot } from './directory/apply-directory-snapshot.js';
export { directorySyncJob } from './directory/directory-job.js';
export { registerDirectoryRoutes } from './directory/directory.routes.js';
export {
  defaultDirectorySettings,
  directoryPresets,
  type DirectorySettingsInput,
  type DirectorySnapshot,
} from './directory/directory.schema.js';
export { getDirectorySettings } from './directory/get-directory-settings.js';
export { guidString, readDirectory } from './directory/ldap-directory.js';
export { getDirectoryRun, listDirectoryGroups, listDirectoryRuns } from './directory/list-directory-runs.js';
export { runDirectorySync, type DirectoryDeps } from './directory/run-directory-sync.js';
export { fileSecretBox, secretsKeyFileOf, type SecretBox } from './secret-box.js';
export { updateDirectorySettings } from './directory/update-directory-settings.js';
export { registerOidcRoutes, type OidcRouteOptions } from './sso/oidc.routes.js';
export { getOidcSettings, getSsoInfo, updateOidcSettings } from './sso/oidc-settings.js';
export { defaultOidcSettings, type OidcSettingsInput } from './sso/oidc.schema.js';
// The account lifecycle (第7 2(1)イ・ウ, 第7 3(2)イ(ア), 第6 4(1)): personnel events, the import, SCIM, the sweep.
export { identityApprovalHooks } from './accounts/approval-hooks.js';
export { changeSharedUsers } from './accounts/change-shared-users.js';
export { createDevelopmentAccount } from './accounts/create-development-account.js';
export { createSharedAccount } from './accounts/create-shared-account.js';
export { deactivateAccount } from './accounts/deactivate-account.js';
export { getAccount } from './accounts/get-account.js';
export { issueTemporaryPassword } from './accounts/issue-temporary-password.js';
export { listAccounts } from './accounts/list-accounts.js';
export { reactivateAccount } from './accounts/reactivate-account.js';
export { setAccountPrivilege } from './accounts/set-account-privilege.js';
export { decideSweepItems } from './lifecycle/decide-sweep-items.js';
export { followStaffRecords, followStaffRecordsNow } from './lifecycle/follow-staff-records.js';
export { importPersonnel } from './lifecycle/import-personnel.js';
export { identityJobs, sweepWhenDue } from './lifecycle/lifecycle-jobs.js';
export { personnelEventKinds, personnelKindOf, type PersonnelRow } from './lifecycle/lifecycle.schema.js';
export { listSweepItems } from './lifecycle/list-sweep-items.js';
export { importPersonnelFile, personnelSheets, personnelTemplateCsv } from './lifecycle/personnel-file.js';
export { startIdSweep } from './lifecycle/start-id-sweep.js';
export { listPrivilegedHolders } from './reports/list-privileged-holders.js';
export { listSharedAccounts } from './reports/list-shared-accounts.js';
export { registerLifecycleRoutes } from './lifecycle/lifecycle.routes.js';
export { listPersonnelEvents } from './lifecycle/list-personnel-events.js';
export { issueScimToken } from './scim/issue-scim-token.js';
export { listScimTokens } from './scim/list-scim-tokens.js';
export { revokeScimToken } from './scim/revoke-scim-token.js';
export { scimTypeOf } from './scim/scim-errors.js';
export { SCIM_ERROR } from './scim/scim.schema.js';
export { registerScimRoutes, type ScimRouteOptions } from './scim/scim.routes.js';
export { registerScimTokenRoutes } from './scim/scim-tokens.routes.js';
export { passwordPolicyEvaluator } from './password-compliance.js';
