import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/**
 * What the server's log says about a request: method, path and address, never the query string (single sign-on's
 * callback carries the authorization code and state there) and never headers (the session cookie, the CSRF token,
 * SCIM bearer tokens). Issue 4: secrets are never logged.
 */
export const requestLogFields = (
  request: Pick<FastifyRequest, 'id' | 'method' | 'url' | 'ip'>,
): { id: string; method: string; path: string; remoteAddress: string } => {
  const q = request.url.indexOf('?');
  return {
    id: request.id,
    method: request.method,
    path: q < 0 ? request.url : `${request.url.slice(0, q)}?…`,
    remoteAddress: request.ip,
  };
};

/** The server's logger: pino at the configured level, with requests logged by requestLogFields. */
export const serverLogger = (
  level: string,
  stream?: NodeJS.WritableStream,
): NonNullable<Exclude<FastifyServerOptions['logger'], boolean>> => ({
  level,
  serializers: { req: (request: FastifyRequest) => requestLogFields(request) },
  ...(stream === undefined ? {} : { stream }),
});
