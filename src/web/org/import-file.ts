/** Pure helpers for the import page: which format a file is, its bytes as base64, and the counts as rows. */
import { type ImportResult, type OrgSheet, orgSheets } from './types.js';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export const detectFormat = (fileName: string): 'xlsx' | 'csv' | null => {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
};

/** A CSV named like a sheet ("staff.csv", "org-units_2026.csv") preselects that sheet. */
export const guessSheet = (fileName: string): OrgSheet | null => {
  const lower = fileName.toLowerCase();
  // Longest names first so "units" is not found inside something else by accident.
  const byLength = [...orgSheets].sort((a, b) => b.length - a.length);
  return byLength.find((s) => new RegExp(`(^|[^a-z])${s}([^a-z]|$)`).test(lower)) ?? null;
};

/** Base64 of bytes, in chunks so large files do not overflow the argument list. */
export const bytesToBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
};

export interface CountRow {
  sheet: string;
  created: number;
  updated: number;
  /** null when the server does not report it. */
  unchanged: number | null;
}

/** Known sheets in their usual order, then anything else the server reports. */
export const countRows = (counts: ImportResult['counts']): CountRow[] => {
  const known = orgSheets.filter((s) => counts[s] !== undefined);
  const other = Object.keys(counts)
    .filter((k) => !(orgSheets as readonly string[]).includes(k))
    .sort();
  return [...known, ...other].flatMap((sheet) => {
    const c = counts[sheet];
    return c === undefined
      ? []
      : [{ sheet, created: c.created, updated: c.updated, unchanged: c.unchanged ?? null }];
  });
};
