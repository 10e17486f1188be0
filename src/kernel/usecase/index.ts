export type { AppContext, UseCaseContext } from './context.js';
export {
  defineQuery,
  defineUseCase,
  type LedgerEntries,
  type Outcome,
  type UseCase,
} from './define-use-case.js';
export { recordingDenials } from './recording-denials.js';
export { allow, isSecurityOffice, today, unitPathOf, unitPathsOf } from './context-helpers.js';
