import type { Db } from '../db/index.js';
import type { Bilingual } from '../errors/index.js';
import { rangeIssue, relationIssues, type ParameterEntry } from './check-parameters.js';
import { loadPolicyPack, type PolicyPack } from './load-policy-pack.js';
import type { PolicyParameter } from './pack.schema.js';

/**
 * The parameters in force (第3 6(2), 第9 3): the pack's values overlaid by the latest version of each that the IT
 * Steering Committee approved (`policy_parameter_versions`, written by the policy module when a `policy.change`
 * request is approved). Every reader of a parameter at run time goes through `effectiveParameters` (or
 * `parameterNumber`), so an approved change applies from the next read, on every server of a deployment.
 */

export type ParameterValue = PolicyParameter['value'];

export interface EffectiveParameter extends ParameterEntry {
  /** The value in force. */
  readonly value: ParameterValue;
  /** 0: the pack's own value; 1, 2, …: the approved version in force. */
  readonly version: number;
  readonly changedAt: string | null;
}

let shipped: PolicyPack | undefined;

/** The shipped pack (or the one `serve` set with `useShippedPolicyPack`), read once. */
export const shippedPolicyPack = (): PolicyPack => (shipped ??= loadPolicyPack());

/** From now on, the parameters' defaults come from this pack (start-up: the pack `mamori serve` loaded). */
export const useShippedPolicyPack = (pack: PolicyPack): void => {
  shipped = pack;
};

const sameType = (p: PolicyParameter, v: unknown): v is ParameterValue => {
  switch (p.type) {
    case 'integer':
    case 'duration':
      return typeof v === 'number' && Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'choice':
      return typeof v === 'string';
    case 'list':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
  }
};

/** The parameter with another value, as the pack's own checks read it. */
export const withValue = (p: PolicyParameter, value: ParameterValue): PolicyParameter =>
  ({ ...p, value }) as PolicyParameter;

/**
 * Every parameter of the pack with its value in force. A stored version that no longer fits the parameter (the
 * pack changed its type or range since) is passed over for the pack's value, so a pack edit can never leave a
 * reader with a value it cannot use.
 */
export const effectiveParameters = async (
  db: Db,
  pack: PolicyPack = shippedPolicyPack(),
): Promise<ReadonlyMap<string, EffectiveParameter>> => {
  const rows = await db
    .selectFrom('policy_parameter_versions')
    .select(['parameter_key', 'version', 'value_json', 'applied_at'])
    .where('pack_name', '=', pack.manifest.name)
    .orderBy('parameter_key')
    .orderBy('version', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.parameter_key)) latest.set(row.parameter_key, row);
  const result = new Map<string, EffectiveParameter>();
  for (const [key, entry] of pack.parameters) {
    const row = latest.get(key);
    const stored: unknown = row === undefined ? undefined : JSON.parse(row.value_json);
    const usable =
      row !== undefined &&
      sameType(entry.parameter, stored) &&
      rangeIssue(withValue(entry.parameter, stored)) === null;
    // Built field by field: `{ ...entry, value, … }` cost V8 (Node 20) ≈ 2.5 µs an object, 0.17 ms a call, and this
    // runs on every sign-in and session view (docs/benchmarks.md, identity).
    const { clauseId, file, index, parameter } = entry;
    result.set(
      key,
      usable
        ? { clauseId, file, index, parameter, value: stored, version: row.version, changedAt: row.applied_at }
        : { clauseId, file, index, parameter, value: parameter.value, version: 0, changedAt: null },
    );
  }
  return result;
};

/** A number in force (e.g. `identity.privilegedMaxHolders`), or the fallback when the pack has no such number. */
export const parameterNumber = async (
  db: Db,
  key: string,
  fallback: number,
  pack?: PolicyPack,
): Promise<number> => {
  const value = (await effectiveParameters(db, pack)).get(key)?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
};

const booleanWords: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  はい: true,
  いいえ: false,
};

/** The value as a person types it: numbers as digits, booleans true/false, lists one item per line. */
export const formatParameterValue = (value: ParameterValue): string =>
  Array.isArray(value) ? value.join('\n') : String(value);

/**
 * Reads a value typed for a parameter (full-width digits and spaces allowed) and checks it against the parameter's
 * type, range, options and its relations with the other parameters in force (privileged IDs stricter than staff
 * IDs, 第7 2(1)ウ(エ)). Returns the typed value, or why it cannot be used, in both languages.
 */
export const parseParameterValue = (
  key: string,
  text: string,
  inForce: ReadonlyMap<string, EffectiveParameter>,
): { ok: true; value: ParameterValue } | { ok: false; reason: Bilingual } => {
  const entry = inForce.get(key);
  if (entry === undefined)
    return {
      ok: false,
      reason: { ja: `パラメータ「${key}」はありません。`, en: `There is no parameter "${key}".` },
    };
  const p = entry.parameter;
  const typed = text.normalize('NFKC').trim();
  let value: ParameterValue;
  switch (p.type) {
    case 'integer':
    case 'duration': {
      if (!/^-?\d+$/.test(typed))
        return {
          ok: false,
          reason: {
            ja: `整数（単位: ${p.unit}）で入力してください。`,
            en: `Give a whole number (in ${p.unit}).`,
          },
        };
      value = Number(typed);
      break;
    }
    case 'boolean': {
      const word = booleanWords[typed.toLowerCase()];
      if (word === undefined)
        return {
          ok: false,
          reason: { ja: 'true または false で入力してください。', en: 'Give true or false.' },
        };
      value = word;
      break;
    }
    case 'choice':
      value = typed;
      break;
    case 'list': {
      const items = typed
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      if (items.length === 0)
        return {
          ok: false,
          reason: {
            ja: '1行に1つ、少なくとも1つ入力してください。',
            en: 'Give at least one item, one per line.',
          },
        };
      value = items;
      break;
    }
  }
  const changed = withValue(p, value);
  const range = rangeIssue(changed);
  if (range !== null) return { ok: false, reason: range };
  const all = new Map<string, ParameterEntry>(
    [...inForce].map(([k, e]) => [
      k,
      { ...e, parameter: withValue(e.parameter, k === key ? value : e.value) },
    ]),
  );
  for (const other of all.values()) {
    const q = other.parameter;
    const related =
      q.key === key ||
      ((q.type === 'integer' || q.type === 'duration') && (q.below === key || q.above === key));
    if (!related) continue;
    const issue = relationIssues(other, all)[0];
    if (issue !== undefined) return { ok: false, reason: issue.message };
  }
  return { ok: true, value };
};
