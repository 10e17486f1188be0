import { z } from 'zod';
import { migrationLevel, type DatabaseHandle, type MamoriApp } from '../kernel/index.js';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({
    dialect: z.enum(['sqlite', 'postgres']),
    migration: z.string().nullable(),
    latest: z.string(),
    pending: z.number(),
  }),
  version: z.string(),
});

export const registerHealthRoutes = (app: MamoriApp, database: DatabaseHandle, version: string): void => {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness, database dialect and migration level',
        response: { 200: healthSchema },
      },
    },
    async () => {
      const level = await migrationLevel(database);
      return {
        status: level.pending === 0 ? ('ok' as const) : ('degraded' as const),
        database: {
          dialect: database.dialect,
          migration: level.current,
          latest: level.latest,
          pending: level.pending,
        },
        version,
      };
    },
  );
};
