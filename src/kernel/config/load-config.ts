import { readFileSync } from 'node:fs';
import { AppError, issuesFromZod, type FieldIssue } from '../errors/index.js';
import { configSchema, envNames, type Config } from './config.schema.js';

/**
 * Settings come from the optional JSON file named by MAMORI_CONFIG, then the environment (which wins).
 * A wrong value stops start-up with the setting's name and what is allowed.
 */
export const loadConfig = (
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Record<keyof Config, string>> = {},
): Config => {
  const fromFile = readConfigFile(env['MAMORI_CONFIG']);
  const fromEnv: Record<string, string> = {};
  for (const [key, name] of Object.entries(envNames)) {
    const value = env[name];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const merged = { ...fromFile, ...fromEnv, ...stripUndefined(overrides) };
  const result = configSchema.safeParse(merged);
  if (result.success) return result.data;
  const issues: FieldIssue[] = issuesFromZod(result.error).map((issue) => {
    const name = envNames[issue.field as keyof Config] as string | undefined;
    return name ? { ...issue, field: `${name} (${issue.field})` } : issue;
  });
  throw new AppError(
    'configuration',
    {
      ja: `設定に誤りがあります: ${issues.map((i) => `${i.field}: ${i.message.ja}`).join(' / ')}`,
      en: `Invalid configuration: ${issues.map((i) => `${i.field}: ${i.message.en}`).join(' / ')}`,
    },
    { issues },
  );
};

const stripUndefined = (o: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));

const readConfigFile = (path: string | undefined): Record<string, unknown> => {
  if (path === undefined || path === '') return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AppError(
      'configuration',
      { ja: `設定ファイルを読めません: ${path}`, en: `Cannot read the config file: ${path}` },
      {
        cause,
        issues: [
          {
            field: 'MAMORI_CONFIG',
            message: {
              ja: 'ファイルが存在しないか読み取れません。',
              en: 'The file does not exist or cannot be read.',
            },
          },
        ],
      },
    );
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch (cause) {
    throw new AppError(
      'configuration',
      {
        ja: `設定ファイルがJSONオブジェクトではありません: ${path}`,
        en: `The config file is not a JSON object: ${path}`,
      },
      {
        cause,
        issues: [
          {
            field: 'MAMORI_CONFIG',
            message: { ja: 'JSONオブジェクトが必要です。', en: 'Must contain a JSON object.' },
          },
        ],
      },
    );
  }
};
