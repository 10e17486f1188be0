import { z } from 'zod';
import { contextOf, type MamoriApp } from '../../../kernel/index.js';
import { directorySettingsInput } from './directory.schema.js';
import { getDirectorySettings } from './get-directory-settings.js';
import { getDirectoryRun, listDirectoryGroups, listDirectoryRuns } from './list-directory-runs.js';
import { runDirectorySync, type DirectoryDeps } from './run-directory-sync.js';
import { updateDirectorySettings } from './update-directory-settings.js';

const tags = ['identity'];

/** LDAP / Active Directory: the settings (CISO, Director), runs and their results (Director). */
export const registerDirectoryRoutes = (app: MamoriApp, deps: DirectoryDeps): void => {
  const update = updateDirectorySettings(deps);
  const run = runDirectorySync(deps);

  app.get(
    '/api/identity/directory',
    {
      config: { action: 'identity.manageSettings' },
      schema: { tags, summary: 'Directory settings (never the password), presets, last and next run' },
    },
    (req) => getDirectorySettings(contextOf(req), {}),
  );
  app.put(
    '/api/identity/directory',
    {
      config: { action: 'identity.manageSettings' },
      schema: { tags, summary: 'Change the directory settings', body: directorySettingsInput },
    },
    async (req) => {
      await update(contextOf(req), req.body);
      return getDirectorySettings(contextOf(req), {});
    },
  );
  app.post(
    '/api/identity/directory/runs',
    {
      config: { action: 'identity.manageAccounts', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Synchronise now, or a dry run that shows the changes and rolls back',
        body: z.object({ dryRun: z.boolean() }).strict(),
      },
    },
    (req) => run(contextOf(req), { dryRun: req.body.dryRun, trigger: 'manual' }),
  );
  app.get(
    '/api/identity/directory/runs',
    {
      config: { action: 'identity.manageAccounts' },
      schema: {
        tags,
        summary: 'The latest synchronisations',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).optional() }).strict(),
      },
    },
    (req) => listDirectoryRuns(contextOf(req), req.query),
  );
  app.get(
    '/api/identity/directory/runs/:id',
    {
      config: { action: 'identity.manageAccounts' },
      schema: {
        tags,
        summary: 'A synchronisation and its changes',
        params: z.object({ id: z.string().min(1).max(64) }),
      },
    },
    (req) => getDirectoryRun(contextOf(req), req.params),
  );
  app.get(
    '/api/identity/directory/groups',
    {
      config: { action: 'identity.manageAccounts' },
      schema: { tags, summary: "The directory's groups and their members" },
    },
    (req) => listDirectoryGroups(contextOf(req), {}),
  );
};
