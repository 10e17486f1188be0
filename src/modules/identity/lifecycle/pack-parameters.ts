import { loadPolicyPack, type PolicyPack } from '../../../kernel/index.js';

let pack: PolicyPack | undefined;

/**
 * A number the hospital set in its policy pack (e.g. `identity.privilegedMaxHolders`, 7-2(1)ウ(ア)), or the
 * fallback when the pack does not carry it. The pack is read once, as the server does at start-up.
 */
export const packNumber = (key: string, fallback: number): number => {
  pack ??= loadPolicyPack();
  const value = pack.parameters.get(key)?.parameter.value;
  return typeof value === 'number' ? value : fallback;
};
