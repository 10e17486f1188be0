import type { Messages } from '../i18n/ja.js';

/** English text of a record's history (the `records` namespace); the same keys as messages-ja.ts. */
export const recordsEn: Messages['records'] = {
  history: 'History',
  title: 'History of {{name}} (ledger entries)',
  close: 'Close',
};
