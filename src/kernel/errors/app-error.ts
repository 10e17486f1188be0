import type { Bilingual } from './bilingual.js';

/** The closed set of error codes. HTTP status is mapped only in src/server/. */
export const errorCodes = [
  'validation',
  'unauthenticated',
  'invalidCredentials',
  'passwordChangeRequired',
  'forbidden',
  'notFound',
  'conflict',
  'rateLimited',
  'configuration',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One problem with one field (and, for imports, one row). */
export interface FieldIssue {
  readonly field: string;
  readonly message: Bilingual;
  readonly row?: number;
}

export interface AppErrorOptions {
  readonly issues?: readonly FieldIssue[];
  /** For logs only; never shown to users. */
  readonly internal?: string;
  readonly cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: Bilingual;
  readonly issues: readonly FieldIssue[];

  constructor(code: ErrorCode, userMessage: Bilingual, options: AppErrorOptions = {}) {
    super(options.internal ?? `${code}: ${userMessage.en}`, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
    this.issues = options.issues ?? [];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
