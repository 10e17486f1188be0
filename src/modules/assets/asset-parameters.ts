import { loadPolicyPack, type PolicyPack } from '../../kernel/index.js';

/**
 * The pack's parameters of 第4 that the module's screens use (the compliance evaluator reads the pack it
 * evaluates). Read once from the shipped pack; a number missing or out of its range falls back to the default
 * the pack documents.
 */
export interface AssetParameters {
  /** 4-2(5)イ・ウ: storage counts as long-term after this many months. */
  readonly longTermMonths: number;
  /** 4-2(8)ウ: transport, provision and disposal records are kept this many years. */
  readonly recordRetentionYears: number;
}

const numberOf = (pack: PolicyPack, key: string, fallback: number): number => {
  const value = pack.parameters.get(key)?.parameter.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
};

export const parametersOf = (pack: PolicyPack): AssetParameters => ({
  longTermMonths: numberOf(pack, 'assets.longTermStorageThreshold', 12),
  recordRetentionYears: numberOf(pack, 'assets.recordRetention', 5),
});

let cached: AssetParameters | undefined;

export const assetParameters = (): AssetParameters => (cached ??= parametersOf(loadPolicyPack()));
