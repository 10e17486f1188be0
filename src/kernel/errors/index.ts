export { AppError, errorCodes, isAppError, type ErrorCode, type FieldIssue } from './app-error.js';
export { bi, type Bilingual } from './bilingual.js';
export { defaultMessage } from './messages.js';
export { issuesFromZod, parseOrThrow, validationError } from './zod-issues.js';
