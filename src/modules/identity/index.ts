// The identity module's only door (第5 4(2), 第6 4, 第7 2, 第7 3(2)イ).
export { accountDisplayNames } from './accounts.repository.js';
export { authenticateSession, type AuthenticatedSession } from './authenticate-session.js';
export { ADMIN_LOGIN_ID, bootstrapAdministrator } from './bootstrap-administrator.js';
export { changePassword } from './change-password.js';
export { createAccount } from './create-account.js';
export { getIdentitySettings, previewIdentitySettings } from './get-identity-settings.js';
export { getSessionView } from './get-session-view.js';
export { changePasswordInput, signInInput } from './identity.schema.js';
export { registerIdentityRoutes, type IdentityRouteOptions } from './identity.routes.js';
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
export { elevateSession, makeElevateSession, type ElevationFactorCheck } from './elevate-session.js';
export { endMySessions } from './end-my-sessions.js';
export { listLockouts } from './list-lockouts.js';
export { listMySessions } from './list-my-sessions.js';
export { listSignInReports } from './list-sign-in-reports.js';
export { reportSignIn } from './report-sign-in.js';
export { makeSignIn, signIn, type SecondStep, type SessionLimits, type SignInResult } from './sign-in.js';
export { unlockAccount } from './unlock-account.js';
export { unlockAddress } from './unlock-address.js';
export { signOut } from './sign-out.js';
export { updateIdentitySettings } from './update-identity-settings.js';
