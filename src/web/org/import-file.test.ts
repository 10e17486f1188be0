import { describe, expect, it } from 'vitest';
import { importFieldLabel } from './import-columns.js';
import { bytesToBase64, countRows, detectFormat, guessSheet } from './import-file.js';

describe('import file helpers', () => {
  it('detects the format from the file name', () => {
    expect(detectFormat('組織.XLSX')).toBe('xlsx');
    expect(detectFormat('staff.csv')).toBe('csv');
    expect(detectFormat('staff.xls')).toBeNull();
    expect(detectFormat('notes.txt')).toBeNull();
  });

  it('guesses the sheet of a CSV from its name', () => {
    expect(guessSheet('staff.csv')).toBe('staff');
    expect(guessSheet('org-units_2026.csv')).toBe('units');
    expect(guessSheet('mamori-assignments.csv')).toBe('assignments');
    expect(guessSheet('data.csv')).toBeNull();
  });

  it('encodes bytes as base64, also beyond one chunk', () => {
    const text = new TextEncoder().encode('職員番号,氏名\nA001,山田 太郎\n');
    expect(bytesToBase64(text)).toBe(Buffer.from(text).toString('base64'));
    const big = new Uint8Array(100_003).map((_, i) => i % 251);
    expect(bytesToBase64(big)).toBe(Buffer.from(big).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('orders counts by the usual sheets, then others', () => {
    const rows = countRows({
      staff: { created: 2, updated: 1 },
      units: { created: 1, updated: 0 },
      extra: { created: 0, updated: 3 },
    });
    expect(rows.map((r) => r.sheet)).toEqual(['units', 'staff', 'extra']);
    expect(rows[1]).toEqual({ sheet: 'staff', created: 2, updated: 1, unchanged: null });
    expect(countRows({ units: { created: 0, updated: 0, unchanged: 67 } })[0]?.unchanged).toBe(67);
  });
});

describe('importFieldLabel', () => {
  it('names the sheet and the header the person typed', () => {
    expect(importFieldLabel('staff.nameKana', 'ja')).toBe('職員 › 氏名（カナ）');
    expect(importFieldLabel('staff.nameKana', 'en')).toBe('Staff › Name (kana)');
    expect(importFieldLabel('units', 'ja')).toBe('部署');
  });

  it('shows unknown fields as sent', () => {
    expect(importFieldLabel('file', 'ja')).toBe('file');
    expect(importFieldLabel('staff.unknownColumn', 'ja')).toBe('職員 › unknownColumn');
    expect(importFieldLabel('toString', 'en')).toBe('toString');
    expect(importFieldLabel('staff.constructor', 'en')).toBe('Staff › constructor');
  });
});
