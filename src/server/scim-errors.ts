import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../kernel/index.js';
import { SCIM_ERROR, scimTypeOf } from '../modules/identity/index.js';
import { fromFastify, statusOf } from './http-errors.js';

/**
 * Errors of the SCIM endpoint in RFC 7644 §3.12's form: `status` as a string, a `scimType` where one applies, and
 * the bilingual message (with each field named) as `detail`. The HTTP status comes from the same mapping as the
 * rest of the API.
 */
export const handleScimError = (
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply => {
  const appError = isAppError(error) ? error : fromFastify(error as FastifyError);
  const status = statusOf(appError.code);
  if (status >= 500) request.log.error({ err: error }, 'scim request failed');
  else request.log.info({ code: appError.code, msg: appError.message }, 'scim request refused');
  const syntax = !isAppError(error) && status === 400;
  const scimType = syntax ? 'invalidSyntax' : scimTypeOf(appError);
  const fields = (lang: 'ja' | 'en') =>
    appError.issues.length === 0
      ? ''
      : ` [${appError.issues.map((i) => `${i.field}: ${i.message[lang]}`).join('; ')}]`;
  if (status === 401) void reply.header('www-authenticate', 'Bearer realm="Mamori SCIM"');
  return reply
    .code(status)
    .type('application/scim+json')
    .send({
      schemas: [SCIM_ERROR],
      status: String(status),
      ...(scimType === undefined ? {} : { scimType }),
      detail: `${appError.userMessage.ja}${fields('ja')} / ${appError.userMessage.en}${fields('en')}`,
    });
};
