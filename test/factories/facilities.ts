import type { z } from 'zod';
import type { deviceInput } from '../../src/modules/facilities/index.js';

let sequence = 0;
const next = (): number => ++sequence;

/**
 * A device of the register (第5) with valid defaults: a server installed, fixed, on a UPS of 15 minutes with surge
 * protection, maintained on 2026-01-15 (the test clock says 2026-04-01). A test overrides only what it is about.
 */
export const deviceFields = (
  owningUnitId: string,
  over: Partial<z.input<typeof deviceInput>> = {},
): z.input<typeof deviceInput> => ({
  assetTag: `DEV-${String(next())}`,
  kind: 'server',
  name: '部門サーバ',
  maker: 'テスト製作所',
  model: 'TS-100',
  owningUnitId,
  location: '本館4階 サーバ室 ラック2',
  hasStorage: true,
  environmentProtected: true,
  fixed: true,
  ups: true,
  upsRuntimeMinutes: 15,
  surgeProtection: true,
  lastMaintainedOn: '2026-01-15',
  ...over,
});

/** A terminal (PC) on a desk, wire-locked. */
export const terminalFields = (
  owningUnitId: string,
  over: Partial<z.input<typeof deviceInput>> = {},
): z.input<typeof deviceInput> => ({
  assetTag: `PC-${String(next())}`,
  kind: 'terminal',
  name: '電子カルテ端末',
  owningUnitId,
  location: 'ナースステーション',
  hasStorage: true,
  antiTheft: true,
  antiTheftMethod: 'ワイヤーロック',
  ...over,
});
