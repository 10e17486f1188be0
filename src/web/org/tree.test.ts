import { describe, expect, it } from 'vitest';
import type { UnitSummary } from '../../shared/api-types.js';
import { branchIds, buildUnitTree, countNodes, filterUnitTree } from './tree.js';

const unit = (
  id: string,
  parentId: string | null,
  sortOrder: number,
  nameJa: string,
  nameEn = '',
  code = id,
): UnitSummary => ({
  id,
  code,
  nameJa,
  nameEn,
  kind: parentId === null ? 'bureau' : 'section',
  parentId,
  sortOrder,
  phone: null,
  staffCount: 0,
});

const units = [
  unit('s2', 'b1', 2, '医療情報課', 'Medical Informatics Section', 'ADM-IT'),
  unit('b2', null, 2, '診療局', 'Medical Bureau'),
  unit('s1', 'b1', 1, '総務課', 'General Affairs Section', 'ADM-GA'),
  unit('b1', null, 1, '事務局', 'Administration Bureau'),
  unit('s3', 'b2', 1, '内科', 'Internal Medicine', 'MED-B'),
  unit('s4', 'b2', 1, '外科', 'Surgery', 'MED-A'),
];

const names = (nodes: ReturnType<typeof buildUnitTree>): unknown =>
  nodes.map((n) => (n.children.length === 0 ? n.unit.nameJa : { [n.unit.nameJa]: names(n.children) }));

describe('buildUnitTree', () => {
  it('nests by parentId and sorts by sortOrder then code', () => {
    const tree = buildUnitTree(units);
    expect(names(tree)).toEqual([{ 事務局: ['総務課', '医療情報課'] }, { 診療局: ['外科', '内科'] }]);
    expect(tree[0]?.children[1]?.depth).toBe(1);
    expect(countNodes(tree)).toBe(6);
  });

  it('keeps orphans and cycles visible as roots instead of dropping them', () => {
    const odd = [unit('x', 'missing', 0, '孤立'), unit('a', 'b', 0, 'A'), unit('b', 'a', 1, 'B')];
    const tree = buildUnitTree(odd);
    expect(countNodes(tree)).toBe(3);
    expect(tree.map((n) => n.unit.id).sort()).toEqual(['a', 'b', 'x']);
  });

  it('returns an empty tree for no units', () => {
    expect(buildUnitTree([])).toEqual([]);
  });
});

describe('filterUnitTree', () => {
  const tree = buildUnitTree(units);

  it('keeps matches with their ancestors', () => {
    expect(names(filterUnitTree(tree, '医療情報'))).toEqual([{ 事務局: ['医療情報課'] }]);
  });

  it('matches English names and codes, ignoring case and full-width forms', () => {
    expect(names(filterUnitTree(tree, 'surgery'))).toEqual([{ 診療局: ['外科'] }]);
    expect(names(filterUnitTree(tree, 'ａｄｍ－ｉｔ'))).toEqual([{ 事務局: ['医療情報課'] }]);
  });

  it('keeps a matching parent with none of its children, and returns everything for an empty query', () => {
    expect(names(filterUnitTree(tree, '診療局'))).toEqual(['診療局']);
    expect(countNodes(filterUnitTree(tree, '  '))).toBe(6);
    expect(filterUnitTree(tree, '存在しない')).toEqual([]);
  });

  it('lists the branches to expand', () => {
    expect(branchIds(tree)).toEqual(['b1', 'b2']);
  });
});
