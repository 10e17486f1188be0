import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type {} from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, defaultMessage, type MamoriApp } from '../kernel/index.js';
import { errorBody, statusOf } from './http-errors.js';
import { packageRoot } from './package-root.js';

const notBuilt = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>Mamori</title></head><body>
<p>画面がまだビルドされていません。<code>npm run build</code> を実行してください。</p>
<p>The web app is not built yet. Run <code>npm run build</code>.</p></body></html>`;

/**
 * Serves the built web app. index.html gets the per-request CSP nonce so that Mantine's style tags are allowed
 * without 'unsafe-inline'; every other path that is not an API route falls back to the app (client routing).
 */
export const registerStaticWeb = async (
  app: MamoriApp,
  webDir = join(packageRoot(), 'dist', 'web'),
): Promise<void> => {
  const indexFile = join(webDir, 'index.html');
  // Re-read when the file changes, so a rebuild while the server runs (development) serves the new assets.
  let cached: { mtimeMs: number; text: string } | null = null;
  const template = (): string | null => {
    if (!existsSync(indexFile)) return null;
    const { mtimeMs } = statSync(indexFile);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, text: readFileSync(indexFile, 'utf8') };
    return cached.text;
  };
  if (template() !== null) {
    await app.register(fastifyStatic, { root: webDir, index: false, wildcard: false, maxAge: '1h' });
  }
  const sendIndex = (reply: FastifyReply): FastifyReply => {
    void reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    const page = template();
    if (page === null) return reply.send(notBuilt);
    return reply.send(page.replaceAll('__CSP_NONCE__', reply.cspNonce.style));
  };
  app.get('/', { config: { public: true }, schema: { hide: true } }, (_req, reply) => sendIndex(reply));
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/')) return sendIndex(reply);
    const error = new AppError('notFound', defaultMessage('notFound'));
    return reply.code(statusOf(error.code)).send(errorBody(error, request.id));
  });
};
