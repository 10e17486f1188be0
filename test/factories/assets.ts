import type { z } from 'zod';
import type { mediumInput, placeInput, registerAssetInput } from '../../src/modules/assets/index.js';

let sequence = 0;
const next = (): number => ++sequence;

/** Input builders with valid defaults for the assets module (第4); a test overrides only what it is about. */
export const assetInput = (
  owningUnitId: string,
  over: Partial<z.input<typeof registerAssetInput>> = {},
): z.input<typeof registerAssetInput> => ({
  name: `退院サマリ ${String(next())}`,
  form: 'electronic',
  owningUnitId,
  origin: 'created',
  classification: 2,
  ...over,
});

export const placeFields = (over: Partial<z.input<typeof placeInput>> = {}): z.input<typeof placeInput> => ({
  code: `PL-${String(next())}`,
  name: '病棟書庫',
  kind: 'cabinet',
  ...over,
});

export const mediumFields = (
  owningUnitId: string,
  over: Partial<z.input<typeof mediumInput>> = {},
): z.input<typeof mediumInput> => ({
  code: `MD-${String(next())}`,
  label: 'USBメモリ（暗号化）',
  kind: 'usbMemory',
  owningUnitId,
  purpose: 'working',
  ...over,
});
