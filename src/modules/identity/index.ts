// The identity module's only door (第5 4(2), 第6 4, 第7 2, 第7 3(2)イ). This is the sign-in skeleton.
export { authenticateSession, type AuthenticatedSession } from './authenticate-session.js';
export { ADMIN_LOGIN_ID, bootstrapAdministrator } from './bootstrap-administrator.js';
export { changePassword } from './change-password.js';
export { createAccount } from './create-account.js';
export { getSessionView } from './get-session-view.js';
export { changePasswordInput, MIN_PASSWORD_LENGTH, signInInput } from './identity.schema.js';
export { signIn, type SessionLimits, type SignInResult } from './sign-in.js';
export { signOut } from './sign-out.js';
export { registerIdentityRoutes, type IdentityRouteOptions } from './identity.routes.js';
export { accountDisplayNames } from './accounts.repository.js';
