import { z } from 'zod';
import { contextOf, type MamoriApp } from '../../kernel/index.js';
import { listRecordHistory } from './list-record-history.js';

export const registerRecordsRoutes = (app: MamoriApp): void => {
  app.get(
    '/api/records/:subject/history',
    {
      config: { action: 'records.readHistory' },
      schema: {
        tags: ['records'],
        summary: "A record's history from the ledger",
        params: z.object({ subject: z.string() }),
      },
    },
    (req) => listRecordHistory(contextOf(req), { subject: req.params.subject }),
  );
};
