import { describe, expect, it } from 'vitest';
import type { PolicyClauseView } from '../../shared/api-types.js';
import { foldJa, searchClauses, searchIndex } from './search.js';

const clause = (over: Partial<PolicyClauseView>): PolicyClauseView => ({
  id: '7.2.3.b',
  displayId: '第7 2(3)イ',
  label: 'イ',
  kind: 'provision',
  depth: 4,
  title: null,
  titleEn: null,
  text: '統括情報セキュリティ責任者又は情報システムを所管する情報セキュリティ管理者は、職員等に対してパスワードを発行する場合は、仮のパスワードを発行し、ログイン後直ちに仮のパスワードを変更させなければならない。',
  summaryEn: 'Passwords are issued to staff as temporary passwords, which they must change right after logging in.',
  table: null,
  obligation: 'enforced',
  module: 'identity',
  actors: [],
  notes: [],
  ...over,
});

const clauses = [
  clause({}),
  clause({ id: '4.2.6.a', displayId: '第4 2(6)ア', text: '重要性分類Ⅱ以上の情報資産を運搬する者は、情報セキュリティ管理者の許可を得なければならない。', summaryEn: 'Transport needs permission.' }),
];
const index = searchIndex(clauses);
const find = (q: string): string[] => [...searchClauses(clauses, index, q)];

describe('search in Japanese', () => {
  it('folds full-width, katakana and spaces', () => {
    expect(foldJa('第７　２（３）イ')).toBe('第72(3)い');
    expect(foldJa('パスワード')).toBe(foldJa('ぱすわーど'));
  });

  it('finds a clause by its number as printed, in full-width or half-width', () => {
    expect(find('第7 2(3)イ')).toEqual(['7.2.3.b']);
    expect(find('第７　２（３）イ')).toEqual(['7.2.3.b']);
    expect(find('4 2(6)')).toEqual(['4.2.6.a']);
  });

  it('finds by words of the text in katakana or hiragana, every word having to match', () => {
    expect(find('仮のパスワード')).toEqual(['7.2.3.b']);
    expect(find('仮のぱすわーど')).toEqual(['7.2.3.b']);
    expect(find('ぱすわーど 変更')).toEqual(['7.2.3.b']);
    expect(find('許可 運搬')).toEqual(['4.2.6.a']);
    expect(find('許可 パスワード')).toEqual([]);
  });

  it('finds by the English summary, and an empty query matches everything', () => {
    expect(find('temporary')).toEqual(['7.2.3.b']);
    expect(find('  ')).toEqual(['7.2.3.b', '4.2.6.a']);
  });
});
