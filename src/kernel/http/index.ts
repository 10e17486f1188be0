export { contextOf, SESSION_COOKIE, type MamoriApp, type RequestState } from './route-kit.js';
