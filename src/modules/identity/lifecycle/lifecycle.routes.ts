import { z } from 'zod';
import { contextOf, optionalText, type MamoriApp } from '../../../kernel/index.js';
import { changeSharedUsers } from '../accounts/change-shared-users.js';
import { createDevelopmentAccount } from '../accounts/create-development-account.js';
import { createSharedAccount } from '../accounts/create-shared-account.js';
import { deactivateAccount } from '../accounts/deactivate-account.js';
import { getAccount } from '../accounts/get-account.js';
import { issueTemporaryPassword } from '../accounts/issue-temporary-password.js';
import { listAccounts } from '../accounts/list-accounts.js';
import { reactivateAccount } from '../accounts/reactivate-account.js';
import { setAccountPrivilege } from '../accounts/set-account-privilege.js';
import {
  accountStatuses,
  createDevelopmentAccountInput,
  createSharedAccountInput,
} from '../accounts/accounts.schema.js';
import { listPrivilegedHolders } from '../reports/list-privileged-holders.js';
import { listSharedAccounts } from '../reports/list-shared-accounts.js';
import { decideSweepItems, decideSweepItemsInput } from './decide-sweep-items.js';
import { accountKinds } from './lifecycle.schema.js';
import { listPersonnelEvents } from './list-personnel-events.js';
import { listSweepItems } from './list-sweep-items.js';
import { getPersonnelTemplate, importPersonnelFile, importPersonnelFileInput } from './personnel-file.js';
import { startIdSweep } from './start-id-sweep.js';

const tags = ['identity'];
const idParams = z.object({ id: z.string().min(1).max(64) });
const reasonBody = z.object({ reason: z.string().max(500) }).strict();

/** HTTP for the account lifecycle and its administration: validate, call the use case, present. */
export const registerLifecycleRoutes = (app: MamoriApp): void => {
  app.get(
    '/api/identity/accounts',
    {
      config: { action: 'identity.manageAccounts' },
      schema: {
        tags,
        summary: 'Accounts with kind, class and status (filter, page)',
        querystring: z.object({
          q: z.string().max(100).optional(),
          kind: z.enum(accountKinds).optional(),
          status: z.enum(accountStatuses).optional(),
          unitId: z.string().max(64).optional(),
          privileged: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }),
      },
    },
    (req) =>
      listAccounts(contextOf(req), {
        ...req.query,
        q: req.query.q ?? null,
        privileged: req.query.privileged === undefined ? undefined : req.query.privileged === 'true',
      }),
  );
  app.get(
    '/api/identity/accounts/:id',
    {
      config: { action: 'identity.manageAccounts' },
      schema: {
        tags,
        summary: 'One account: kind, profile, status, lockout, people, events',
        params: idParams,
      },
    },
    (req) => getAccount(contextOf(req), { accountId: req.params.id }),
  );
  const accountAction = (
    path: string,
    summary: string,
    run: (
      ctx: ReturnType<typeof contextOf>,
      input: { accountId: string; reason: string },
    ) => Promise<unknown>,
  ): void => {
    app.post(
      `/api/identity/accounts/:id/${path}`,
      {
        config: { action: 'identity.manageAccounts' },
        schema: { tags, summary, params: idParams, body: reasonBody },
      },
      (req) => run(contextOf(req), { accountId: req.params.id, reason: req.body.reason }),
    );
  };
  accountAction('disable', 'Disable an account (with the reason)', deactivateAccount);
  accountAction('enable', 'Enable a disabled account again (with the reason)', reactivateAccount);
  accountAction(
    'temporary-password',
    'Issue a temporary password (shown once, 第7 2(3)イ)',
    issueTemporaryPassword,
  );
  app.post(
    '/api/identity/accounts/:id/privilege',
    {
      config: { action: 'identity.managePrivileged' },
      schema: {
        tags,
        summary: 'Make an ID privileged for a system, or no longer (never by contractors, 第7 2(1)ウ(ウ))',
        params: idParams,
        body: z
          .object({ privileged: z.boolean(), systemName: optionalText(100), reason: z.string().max(500) })
          .strict(),
      },
    },
    (req) => setAccountPrivilege(contextOf(req), { accountId: req.params.id, ...req.body }),
  );

  app.get(
    '/api/identity/shared-accounts',
    {
      config: { action: 'identity.readReports' },
      schema: { tags, summary: 'Shared IDs and their named users (第6 4(1))' },
    },
    (req) => listSharedAccounts(contextOf(req), {}),
  );
  app.post(
    '/api/identity/shared-accounts',
    {
      config: { action: 'identity.manageAccounts' },
      schema: {
        tags,
        summary: 'Create a shared ID with named users (第6 4(1))',
        body: createSharedAccountInput,
      },
    },
    async (req, reply) => reply.code(201).send(await createSharedAccount(contextOf(req), req.body)),
  );
  app.post(
    '/api/identity/shared-accounts/:id/users',
    {
      config: { action: 'identity.manageAccounts' },
      schema: {
        tags,
        summary: 'Add or remove the named users of a shared ID',
        params: idParams,
        body: z
          .object({
            add: z.array(z.string().max(20)).max(200).optional(),
            remove: z.array(z.string().max(20)).max(200).optional(),
            reason: z.string().max(500),
          })
          .strict(),
      },
    },
    (req) => changeSharedUsers(contextOf(req), { accountId: req.params.id, ...req.body }),
  );
  app.post(
    '/api/identity/development-accounts',
    {
      config: { action: 'identity.manageAccounts' },
      schema: {
        tags,
        summary: 'Create a development ID with its end date (第7 3(2)イ(ア))',
        body: createDevelopmentAccountInput,
      },
    },
    async (req, reply) => reply.code(201).send(await createDevelopmentAccount(contextOf(req), req.body)),
  );
  app.get(
    '/api/identity/privileged-holders',
    {
      config: { action: 'identity.readReports' },
      schema: { tags, summary: 'Privileged ID holders per system against the limit (第7 2(1)ウ(ア))' },
    },
    (req) => listPrivilegedHolders(contextOf(req), {}),
  );

  app.post(
    '/api/identity/personnel/import',
    {
      config: { action: 'identity.importPersonnel' },
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Import the personnel office's hires, transfers, leaves, returns, retirements (dry run first)",
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
        body: importPersonnelFileInput,
      },
    },
    (req) => importPersonnelFile(contextOf(req), req.body, req.query.dryRun === 'true'),
  );
  app.get(
    '/api/identity/personnel/template.csv',
    {
      config: { action: 'identity.importPersonnel' },
      schema: { tags, summary: 'An empty personnel file with its headers' },
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="personnel.csv"')
        .send(await getPersonnelTemplate(contextOf(req), {})),
  );
  app.get(
    '/api/identity/personnel/events',
    {
      config: { action: 'identity.importPersonnel' },
      schema: {
        tags,
        summary: 'Personnel events recorded lately (scheduled and applied)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).optional() }),
      },
    },
    (req) => listPersonnelEvents(contextOf(req), req.query),
  );

  app.get(
    '/api/identity/sweep',
    {
      config: { action: 'identity.sweep' },
      schema: { tags, summary: 'Unused-ID sweep candidates of my units (第7 2(1)イ(ウ))' },
    },
    (req) => listSweepItems(contextOf(req), {}),
  );
  app.post(
    '/api/identity/sweep',
    {
      config: { action: 'identity.sweep' },
      schema: { tags, summary: 'Run the unused-ID sweep now', body: z.object({}).strict() },
    },
    (req) => startIdSweep(contextOf(req), { trigger: 'manual' }),
  );
  app.post(
    '/api/identity/sweep/decisions',
    {
      config: { action: 'identity.sweep' },
      schema: { tags, summary: 'Disable or keep sweep candidates (recorded)', body: decideSweepItemsInput },
    },
    (req) => decideSweepItems(contextOf(req), req.body),
  );
};
