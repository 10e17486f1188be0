import { AppError, validationError } from '../../../kernel/index.js';
import type { ComplianceSetup } from '../compliance-setup.js';
import type { ChecklistItem, ChecklistPack } from './checklist.model.js';

/** The loaded checklist, or a clear error when the deployment has none. */
export const requireChecklist = (setup: ComplianceSetup): ChecklistPack => {
  if (setup.checklist === null)
    throw new AppError('notFound', {
      ja: 'MHLWチェックリストのパックが読み込まれていません。',
      en: 'No MHLW checklist pack is loaded.',
    });
  return setup.checklist;
};

export const requireItem = (checklist: ChecklistPack, itemId: string): ChecklistItem => {
  const item = checklist.items.find((i) => i.id === itemId);
  if (item === undefined)
    throw validationError([
      {
        field: 'itemId',
        message: {
          ja: `チェックリストに項目 ${itemId} はありません。`,
          en: `The checklist has no item ${itemId}.`,
        },
      },
    ]);
  return item;
};
