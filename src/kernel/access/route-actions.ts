import { isAction } from './hospital-rules.js';

/** What the server knows of a route when it is registered. */
export interface RouteDeclaration {
  readonly method: string | readonly string[];
  readonly url: string;
  readonly config?: { readonly public?: boolean; readonly action?: string } | undefined;
}

/**
 * API routes that need a session: everything under /api/ except public routes and the API docs. HEAD routes are
 * the ones Fastify adds beside each GET, with the same configuration.
 */
const needsAction = (route: RouteDeclaration): boolean =>
  route.method !== 'HEAD' &&
  route.url.startsWith('/api/') &&
  route.config?.public !== true &&
  !route.url.startsWith('/api/docs');

/**
 * Every non-public API route declares the action it performs (`config: { action }`), and the action is one the
 * access rules know. Returns one line per route that does not; the server refuses to start on any.
 */
export const undeclaredRouteActions = (routes: readonly RouteDeclaration[]): string[] =>
  routes.filter(needsAction).flatMap((route) => {
    const method = typeof route.method === 'string' ? route.method : route.method.join(',');
    const action = route.config?.action;
    if (action === undefined) {
      return [`${method} ${route.url}: no action declared (add config: { action } from src/kernel/access)`];
    }
    if (!isAction(action)) return [`${method} ${route.url}: unknown action '${action}'`];
    return [];
  });
