// The identity module's only door (第5 4(2), 第6 4, 第7 2, 第7 3(2)イ).
export { accountDisplayNames } from './accounts.repository.js';
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
