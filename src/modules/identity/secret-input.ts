import { z } from 'zod';
import type { SecretBox, StoredSecret } from './secret-box.js';

const absolutePath = z
  .string()
  .trim()
  .min(2)
  .max(500)
  .refine((v) => v.startsWith('/'), {
    params: { ja: '絶対パスで指定してください。', en: 'Give an absolute path.' },
  });

/** What a settings screen sends for a secret: typed in, a file that holds it, none, or the one already kept. */
export const secretInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keep') }).strict(),
  z.object({ kind: z.literal('value'), value: z.string().min(1).max(500) }).strict(),
  z.object({ kind: z.literal('file'), path: absolutePath }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);
export type SecretInput = z.output<typeof secretInput>;

/** How a secret is stored (the settings' JSON): sealed, in a file, or none. */
export const storedSecretSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sealed'), sealed: z.string().min(1).max(2000) }).strict(),
  z.object({ kind: z.literal('file'), path: absolutePath }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);

/** What to store for a secret the settings screen sent: sealed when typed in, the file's path, none, or as before. */
export const resolveSecretInput = (
  box: SecretBox,
  input: SecretInput,
  before: StoredSecret,
  purpose: string,
): StoredSecret => {
  switch (input.kind) {
    case 'keep':
      return before;
    case 'value':
      return { kind: 'sealed', sealed: box.seal(input.value, purpose) };
    case 'file':
      return { kind: 'file', path: input.path };
    case 'none':
      return { kind: 'none' };
  }
};

/** How a secret is kept, for a view: never the secret or its sealed form. */
export const secretView = (s: StoredSecret): { kind: StoredSecret['kind']; path: string | null } => ({
  kind: s.kind,
  path: s.kind === 'file' ? s.path : null,
});
