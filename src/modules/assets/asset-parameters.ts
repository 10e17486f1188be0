import { effectiveParameters, type Db, type PolicyPack } from '../../kernel/index.js';

/**
 * The pack's parameters of 第4 that the module's screens use (the compliance evaluator reads them through its
 * context). Read at each use through the kernel's `effectiveParameters`, so a change the committee approved
 * (第3 6(2)) applies at once; a number missing or out of its range falls back to the default the pack documents.
 */
export interface AssetParameters {
  /** 4-2(5)イ・ウ: storage counts as long-term after this many months. */
  readonly longTermMonths: number;
  /** 4-2(8)ウ: transport, provision and disposal records are kept this many years. */
  readonly recordRetentionYears: number;
}

const numberOf = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

const fromValues = (valueOf: (key: string) => unknown): AssetParameters => ({
  longTermMonths: numberOf(valueOf('assets.longTermStorageThreshold'), 12),
  recordRetentionYears: numberOf(valueOf('assets.recordRetention'), 5),
});

/** The pack's own values (no approved changes): for generated data and tests. */
export const parametersOf = (pack: PolicyPack): AssetParameters =>
  fromValues((key) => pack.parameters.get(key)?.parameter.value);

/** The values in force: the pack's, overlaid by the changes the committee approved. */
export const assetParameters = async (db: Db): Promise<AssetParameters> => {
  const values = await effectiveParameters(db);
  return fromValues((key) => values.get(key)?.value);
};
