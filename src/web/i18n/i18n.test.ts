import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { ja } from './ja.js';

const keyPaths = (value: unknown, prefix = ''): string[] => {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix === '' ? k : `${prefix}.${k}`));
};

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

const leaf = (root: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);

describe('i18n resources', () => {
  it('Japanese and English have exactly the same keys', () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(ja).sort());
  });

  it('every text is a non-empty string with the same {{placeholders}} in both languages', () => {
    for (const path of keyPaths(ja)) {
      const j = leaf(ja, path);
      const e = leaf(en, path);
      expect(typeof j, path).toBe('string');
      expect(typeof e, path).toBe('string');
      expect((j as string).length, path).toBeGreaterThan(0);
      expect((e as string).length, path).toBeGreaterThan(0);
      expect(placeholders(e as string), path).toEqual(placeholders(j as string));
    }
  });

  it('uses the glossary names for the roles of 第3', () => {
    expect(ja.role.ciso).toBe('最高情報統括責任者');
    expect(ja.role.securityDirector).toBe('統括情報セキュリティ責任者');
    expect(ja.role.securityOfficer).toBe('情報セキュリティ責任者');
    expect(ja.role.securityManager).toBe('情報セキュリティ管理者');
    expect(ja.role.securityStaff).toBe('情報セキュリティ担当者');
    expect(ja.role.auditLead).toBe('情報セキュリティ監査統括責任者');
    expect(ja.employment).toEqual({ regular: '職員', partTime: '非常勤職員', temporary: '臨時職員' });
    expect(ja.unitKind).toEqual({
      bureau: '局',
      division: '部',
      centre: 'センター',
      clinic: '診療所',
      section: '課・科・室',
    });
  });
});
