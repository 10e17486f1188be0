import { z } from 'zod';
import { AppError, calendarDateSchema, defineUseCase } from '../../kernel/index.js';
import { allow } from './org-access.js';
import { findAssignmentById, updateAssignmentRow } from './roles.repository.js';

/** Ends a term: the record stays, with its end date (nothing is deleted). */
export const endRoleAssignment = defineUseCase({
  name: 'org.endRoleAssignment',
  input: z.object({ assignmentId: z.string().min(1).max(64), endDate: calendarDateSchema }).strict(),
  authorize: allow('org.manage'),
  execute: async (_ctx, input, tx) => {
    const existing = await findAssignmentById(tx, input.assignmentId);
    if (!existing)
      throw new AppError('notFound', {
        ja: '役割の任命が見つかりません。',
        en: 'The role assignment does not exist.',
      });
    if (input.endDate < existing.start_date) {
      throw new AppError(
        'validation',
        { ja: '終了日は開始日以降にしてください。', en: 'The end date must not be before the start date.' },
        {
          issues: [
            {
              field: 'endDate',
              message: {
                ja: '終了日は開始日以降にしてください。',
                en: 'The end date must not be before the start date.',
              },
            },
          ],
        },
      );
    }
    await updateAssignmentRow(tx, existing.id, { end_date: input.endDate });
    return {
      result: { id: existing.id },
      ledger: [
        {
          kind: 'org.role.ended',
          subject: `roleAssignment:${existing.id}`,
          payload: { role: existing.role, endDate: input.endDate, previousEndDate: existing.end_date },
        },
      ],
    };
  },
});
