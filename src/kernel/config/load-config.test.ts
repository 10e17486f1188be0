import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/index.js';
import { loadConfig } from './load-config.js';

const configError = (run: () => unknown): AppError => {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a configuration error');
};

describe('configuration', () => {
  it('has defaults that run Mamori on SQLite under ./data on port 8080', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, dataDir: './data', timeZone: 'Asia/Tokyo' });
    expect(config.databaseUrl).toBeUndefined();
  });

  it('stops on a wrong value, naming the variable and what is allowed, in both languages', () => {
    const error = configError(() =>
      loadConfig({ MAMORI_PORT: '99999', MAMORI_TIMEZONE: 'Mars/Base', MAMORI_DATABASE_URL: 'mysql://x' }),
    );
    expect(error.code).toBe('configuration');
    expect(error.issues.map((i) => i.field)).toEqual([
      'MAMORI_PORT (port)',
      'MAMORI_DATABASE_URL (databaseUrl)',
      'MAMORI_TIMEZONE (timeZone)',
    ]);
    expect(error.userMessage.en).toContain('MAMORI_PORT (port): Must be at most 65535.');
    expect(error.userMessage.ja).toContain(
      'MAMORI_TIMEZONE (timeZone): IANAのタイムゾーン名を指定してください',
    );
  });

  it('reads a JSON file named by MAMORI_CONFIG; the environment wins; unknown keys are refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mamori-config-'));
    const file = join(dir, 'mamori.json');
    writeFileSync(file, JSON.stringify({ port: 9000, dataDir: '/srv/mamori' }));
    expect(loadConfig({ MAMORI_CONFIG: file, MAMORI_PORT: '9100' })).toMatchObject({
      port: 9100,
      dataDir: '/srv/mamori',
    });
    writeFileSync(file, JSON.stringify({ prot: 9000 }));
    expect(configError(() => loadConfig({ MAMORI_CONFIG: file })).issues[0]?.field).toBe('prot');
    writeFileSync(file, '[1,2]');
    expect(configError(() => loadConfig({ MAMORI_CONFIG: file })).issues[0]?.field).toBe('MAMORI_CONFIG');
    expect(
      configError(() => loadConfig({ MAMORI_CONFIG: join(dir, 'missing.json') })).userMessage.en,
    ).toContain('Cannot read the config file');
  });
});
