/** The organisation tree, built in the browser from the flat unit list (parentId), and filtered by name. */
import type { UnitSummary } from '../../shared/api-types.js';

export interface UnitNode {
  unit: UnitSummary;
  depth: number;
  children: UnitNode[];
}

/** sortOrder, then code. */
export const compareUnits = (a: UnitSummary, b: UnitSummary): number =>
  a.sortOrder - b.sortOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * Roots are units with parentId null. A unit whose parent is missing from the list (or that sits in a parent
 * cycle, which the server should never send) is shown as a root rather than dropped.
 */
export const buildUnitTree = (units: readonly UnitSummary[]): UnitNode[] => {
  const byId = new Map(units.map((u) => [u.id, u]));
  const childrenOf = new Map<string | null, UnitSummary[]>();
  const inCycle = (u: UnitSummary): boolean => {
    const seen = new Set<string>([u.id]);
    let p = u.parentId;
    while (p !== null) {
      if (seen.has(p)) return true;
      seen.add(p);
      p = byId.get(p)?.parentId ?? null;
    }
    return false;
  };
  for (const u of units) {
    const parent = u.parentId !== null && byId.has(u.parentId) && !inCycle(u) ? u.parentId : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(u);
    childrenOf.set(parent, list);
  }
  const placed = new Set<string>();
  const build = (parent: string | null, depth: number): UnitNode[] =>
    [...(childrenOf.get(parent) ?? [])].sort(compareUnits).flatMap((unit) => {
      if (placed.has(unit.id)) return [];
      placed.add(unit.id);
      return [{ unit, depth, children: build(unit.id, depth + 1) }];
    });
  return build(null, 0);
};

/** Full-width and half-width, upper and lower case all match each other. */
export const normalizeForSearch = (s: string): string =>
  s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Units whose Japanese name, English name or code contains the query, with their ancestors (so the path shows). */
export const filterUnitTree = (nodes: readonly UnitNode[], query: string): UnitNode[] => {
  const q = normalizeForSearch(query);
  if (q === '') return [...nodes];
  const matches = (u: UnitSummary) =>
    [u.nameJa, u.nameEn, u.code].some((v) => normalizeForSearch(v).includes(q));
  return nodes.flatMap((node) => {
    const children = filterUnitTree(node.children, query);
    return matches(node.unit) || children.length > 0 ? [{ ...node, children }] : [];
  });
};

/** Ids of every node that has children (to expand all). */
export const branchIds = (nodes: readonly UnitNode[]): string[] =>
  nodes.flatMap((n) => (n.children.length > 0 ? [n.unit.id, ...branchIds(n.children)] : []));

export const countNodes = (nodes: readonly UnitNode[]): number =>
  nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);
