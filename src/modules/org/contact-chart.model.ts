import type { Role } from '../../kernel/index.js';

/** One person reachable in the emergency contact chart of 第3 2(6). */
export interface ContactHolder {
  readonly staffId: string;
  readonly nameKanji: string;
  readonly nameKana: string;
  readonly positionJa: string | null;
  readonly positionEn: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  /** Held by assignment, by the Director's delegation (3-2(7)), or acting while the holder is away. */
  readonly via: 'assignment' | 'delegation' | 'acting';
}

/** A role in a unit (or hospital-wide) with who holds it today, and the roles that report to it. */
export interface ContactNode {
  readonly role: Role;
  readonly unit: {
    readonly id: string;
    readonly code: string;
    readonly nameJa: string;
    readonly nameEn: string;
  } | null;
  readonly holders: readonly ContactHolder[];
  readonly children: readonly ContactNode[];
}

export interface ContactChart {
  /** The date the chart is valid for, YYYY-MM-DD in Japan time. */
  readonly asOf: string;
  readonly hospitalName: { readonly ja: string; readonly en: string };
  /** Roots: normally one CISO node, with the Director under it, Officers under the Director, Managers under Officers. */
  readonly roots: readonly ContactNode[];
  /** Roles that should be in the chart but nobody holds, so the printed chart shows the gap. */
  readonly vacancies: readonly {
    readonly role: Role;
    readonly unitNameJa: string | null;
    readonly unitNameEn: string | null;
  }[];
}
