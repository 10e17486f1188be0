/**
 * Web-side copies of shapes the org module sends that are not (yet) in src/shared/api-types.ts. Kept in step with
 * src/modules/org/contact-chart.model.ts by hand: web never imports module code.
 */
import type { ApiErrorBody } from '../../shared/api-types.js';

export interface ContactHolder {
  readonly staffId: string;
  readonly nameKanji: string;
  readonly nameKana: string;
  readonly positionJa: string | null;
  readonly positionEn: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly via: 'assignment' | 'delegation' | 'acting';
}

export interface ContactNode {
  readonly role: string;
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
  readonly asOf: string;
  readonly hospitalName: { readonly ja: string; readonly en: string };
  readonly roots: readonly ContactNode[];
  readonly vacancies: readonly {
    readonly role: string;
    readonly unitNameJa: string | null;
    readonly unitNameEn: string | null;
  }[];
}

export const orgSheets = ['units', 'positions', 'staff', 'assignments', 'delegations'] as const;
export type OrgSheet = (typeof orgSheets)[number];

export interface ImportRequest {
  format: 'csv' | 'xlsx';
  sheet?: OrgSheet;
  contentBase64: string;
}

export interface ImportResult {
  dryRun: boolean;
  counts: Partial<Record<string, { created: number; updated: number; unchanged?: number }>>;
  /** Warnings that did not stop the import (the server may leave this out when there are none). */
  issues?: ApiErrorBody['error']['issues'];
}
