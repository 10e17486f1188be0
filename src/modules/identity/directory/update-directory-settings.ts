import {
  AppError,
  defineUseCase,
  requirePermission,
  type FieldIssue,
  type JsonValue,
} from '../../../kernel/index.js';
import { loadDirectorySettings, saveDirectorySettings } from './directory.repository.js';
import {
  directorySettingsInput,
  type DirectorySettings,
  type DirectorySettingsInput,
} from './directory.schema.js';
import { refuseContractor } from '../privileged-guard.js';
import { BIND_PASSWORD_PURPOSE } from './run-directory-sync.js';
import { resolveSecretInput } from '../secret-input.js';
import type { SecretBox } from '../secret-box.js';

const issue = (field: string, ja: string, en: string): FieldIssue => ({ field, message: { ja, en } });

const loopback = (host: string): boolean =>
  host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);

/** Rules a schema cannot say: no bind password over a clear connection, a password to bind with. */
export const directoryProblems = (input: DirectorySettingsInput, stored: DirectorySettings): FieldIssue[] => {
  const out: FieldIssue[] = [];
  const url = new URL(input.url);
  if (url.protocol === 'ldap:' && !input.startTls && !loopback(url.hostname))
    out.push(
      issue(
        'startTls',
        'ldap:// ではパスワードが平文で流れます。ldaps:// にするか StartTLS を有効にしてください。',
        'With ldap:// the password travels in the clear. Use ldaps:// or turn on StartTLS.',
      ),
    );
  const keeps = input.bindPassword.kind === 'keep' ? stored.bindPassword.kind : input.bindPassword.kind;
  if (input.enabled && keeps === 'none')
    out.push(
      issue(
        'bindPassword',
        'バインド用のパスワード（またはそれを置いたファイル）を指定してください。',
        'Give the bind password (or the file that holds it).',
      ),
    );
  return out;
};

const changedFields = (before: DirectorySettings, after: DirectorySettings): Record<string, JsonValue> => {
  const out: Record<string, JsonValue> = {};
  const flat = (s: DirectorySettings): Record<string, JsonValue> => {
    const { bindPassword, people, groups, ...rest } = s;
    return {
      ...(rest as Record<string, JsonValue>),
      ...Object.fromEntries(Object.entries(people).map(([k, v]) => [`people.${k}`, v as JsonValue])),
      ...Object.fromEntries(Object.entries(groups).map(([k, v]) => [`groups.${k}`, v])),
      // How the password is kept, never the password.
      bindPassword: bindPassword.kind === 'file' ? `file:${bindPassword.path}` : bindPassword.kind,
    };
  };
  const a = flat(before);
  const b = flat(after);
  for (const key of Object.keys(b))
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key]))
      out[key] = { from: a[key] ?? null, to: b[key] ?? null };
  if (after.bindPassword.kind === 'sealed' && before.bindPassword.kind === 'sealed')
    if (after.bindPassword.sealed !== before.bindPassword.sealed) out['bindPassword'] = 'replaced';
  return out;
};

/** Saves the directory settings; a typed password is sealed before it is stored; the change is on the ledger. */
export const updateDirectorySettings = (deps: { readonly secrets: SecretBox }) =>
  defineUseCase({
    name: 'identity.updateDirectorySettings',
    input: directorySettingsInput,
    authorize: (ctx) => {
      refuseContractor(ctx.actor);
      requirePermission(ctx.actor, 'identity.manageSettings');
    },
    execute: async (ctx, input, tx) => {
      const { settings: before } = await loadDirectorySettings(tx);
      const issues = directoryProblems(input, before);
      const [first] = issues;
      if (first) throw new AppError('validation', first.message, { issues });
      const after: DirectorySettings = {
        ...input,
        bindPassword: resolveSecretInput(
          deps.secrets,
          input.bindPassword,
          before.bindPassword,
          BIND_PASSWORD_PURPOSE,
        ),
      };
      await saveDirectorySettings(tx, after, ctx.clock.now().toISOString());
      return {
        result: { saved: true },
        ledger: [
          {
            kind: 'identity.directorySettingsChanged',
            subject: 'identity:directory',
            payload: { changes: changedFields(before, after) },
          },
        ],
      };
    },
  });
