import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  AccessDenied,
  AppError,
  defaultMessage,
  isAppError,
  recordDenial,
  type ErrorCode,
  type RequestState,
} from '../kernel/index.js';
import type { ApiErrorBody } from '../shared/api-types.js';

/** The only place where an error code becomes an HTTP status. */
export const statusOf = (code: ErrorCode): number => {
  switch (code) {
    case 'validation':
      return 400;
    case 'unauthenticated':
    case 'invalidCredentials':
      return 401;
    case 'passwordChangeRequired':
    case 'forbidden':
      return 403;
    case 'notFound':
      return 404;
    case 'conflict':
      return 409;
    case 'rateLimited':
      return 429;
    case 'configuration':
    case 'internal':
      return 500;
  }
};

/** Errors that come from Fastify itself (body too large, bad JSON, rate limit…) in our terms. */
export const fromFastify = (error: FastifyError): AppError => {
  const status = error.statusCode ?? 500;
  if (status === 429) return new AppError('rateLimited', defaultMessage('rateLimited'), { cause: error });
  if (status === 413) {
    return new AppError(
      'validation',
      { ja: '送信されたデータが大きすぎます。', en: 'The request body is too large.' },
      { cause: error },
    );
  }
  if (status === 415) {
    return new AppError(
      'validation',
      { ja: 'JSON形式で送信してください。', en: 'Send the request body as JSON.' },
      { cause: error },
    );
  }
  if (status === 404) return new AppError('notFound', defaultMessage('notFound'), { cause: error });
  if (status >= 400 && status < 500) {
    return new AppError(
      'validation',
      { ja: '要求の形式が正しくありません。', en: 'The request is malformed.' },
      {
        cause: error,
        issues: [{ field: '(body)', message: { ja: '形式が正しくありません。', en: error.message } }],
      },
    );
  }
  return new AppError('internal', defaultMessage('internal'), { cause: error });
};

export const errorBody = (error: AppError, requestId: string): ApiErrorBody => ({
  error: {
    code: error.code,
    message: { ja: error.userMessage.ja, en: error.userMessage.en },
    issues: error.issues.map((i) => ({
      field: i.field,
      message: { ja: i.message.ja, en: i.message.en },
      ...(i.row === undefined ? {} : { row: i.row }),
    })),
  },
  requestId,
});

/**
 * Sensitive denials are ledger entries (`recordDenial` decides which, and limits how many): a refusal by the
 * route's action in the auth hook, or by a use case not wrapped in `recordingDenials`, is written here, in a
 * transaction of its own (the refused one rolled back). A refusal already written is not written twice. If the
 * entry cannot be written the refusal still goes out, and the failure is logged.
 */
const recordIfSensitive = async (error: AccessDenied, request: FastifyRequest): Promise<void> => {
  // Refusals before the auth hook (none today) have no request state to name the actor.
  if (!Object.hasOwn(request, 'mamori')) return;
  const state: RequestState = request.mamori;
  try {
    await recordDenial(state.ctx, state.ctx.actor, error);
  } catch (e) {
    request.log.error({ err: e }, 'a sensitive denial could not be recorded');
  }
};

export const handleError = async (
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> => {
  if (error instanceof AccessDenied) await recordIfSensitive(error, request);
  const appError = isAppError(error) ? error : fromFastify(error as FastifyError);
  const status = statusOf(appError.code);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: appError.code, msg: appError.message }, 'request refused');
  return reply.code(status).type('application/json').send(errorBody(appError, request.id));
};
