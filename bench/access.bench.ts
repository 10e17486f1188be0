import {
  preparsePolicySet,
  statefulIsAuthorized,
  type StatefulAuthorizationCall,
} from '@cedar-policy/cedar-wasm/nodejs';
import {
  accessEngine,
  cachedPrincipalOf,
  can,
  cedarPolicies,
  cedarRequest,
  principalOf,
} from '../src/kernel/index.js';
import { casbinEnforcer, casbinRequest } from './access-casbin.js';
import { buildAccessWorld } from './access-world.js';
import { median, report, type Measurement } from './bench-kit.js';

/**
 * `npm run bench -- access`: one authorization decision on the demo hospital's real rules (the rule set every
 * use case uses) and its people, by our engine, by casbin on the same model, and by Cedar (cedar-wasm, policies
 * preparsed once) on the same policies, in the same run. Each engine gets its requests prepared in its own terms
 * beforehand, so only the decision is timed. Before timing, the three must agree on every sampled request.
 */

/** Per-call time in µs of each batch of `batch` calls, cycling through `n` prepared requests. */
const timeBatches = (n: number, batch: number, batches: number, call: (i: number) => boolean): number[] => {
  const times: number[] = [];
  let i = 0;
  let allowed = 0;
  for (let b = 0; b < batches; b++) {
    const start = process.hrtime.bigint();
    for (let k = 0; k < batch; k++) {
      if (call(i)) allowed++;
      i = i + 1 === n ? 0 : i + 1;
    }
    times.push(Number(process.hrtime.bigint() - start) / 1000 / batch);
  }
  if (allowed < 0) throw new Error('unreachable: keeps the calls observable');
  return times;
};

const round = (us: number): number => Math.round(us * 1000) / 1000;

export const runAccessBench = async (): Promise<Measurement[]> => {
  const requests = buildAccessWorld(20_000);
  const n = requests.length;
  const rules = accessEngine.rules;

  // Cedar: the policy set preparsed once (stateful API); each request's entities prepared up front.
  const parsed = preparsePolicySet('bench', { staticPolicies: cedarPolicies(rules) });
  if (parsed.type !== 'success')
    throw new Error(`Cedar rejects the policies: ${JSON.stringify(parsed.errors)}`);
  const cedarCalls: StatefulAuthorizationCall[] = requests.map((r) => ({
    ...cedarRequest(r.actor, r.action, r.resource),
    preparsedPolicySetId: 'bench',
  }));
  const cedarAllows = (i: number): boolean => {
    const call = cedarCalls[i];
    if (call === undefined) return false;
    const answer = statefulIsAuthorized(call);
    return answer.type === 'success' && answer.response.decision === 'allow';
  };

  const enforcer = await casbinEnforcer(rules);
  const casbinCalls = requests.map((r) => casbinRequest(r.actor, r.action, r.resource));
  const casbinAllows = (i: number): boolean => {
    const c = casbinCalls[i];
    return c !== undefined && enforcer.enforceSync(c.sub, c.obj, c.act);
  };

  // Same model: the same answer from all three (and the same rule ids from Cedar) on every request checked.
  let allowedCount = 0;
  const disagreements: string[] = [];
  for (let i = 0; i < n; i += 4) {
    const r = requests[i];
    const call = cedarCalls[i];
    if (r === undefined || call === undefined) continue;
    const ours = accessEngine.decide(principalOf(r.actor), r.action, r.resource);
    const cedar = statefulIsAuthorized(call);
    const cedarIds =
      cedar.type === 'success' ? [...cedar.response.diagnostics.reason].sort().join() : 'error';
    if (ours.allowed) allowedCount++;
    if (
      cedar.type !== 'success' ||
      (cedar.response.decision === 'allow') !== ours.allowed ||
      cedarIds !== [...ours.ruleIds].sort().join() ||
      casbinAllows(i) !== ours.allowed
    ) {
      disagreements.push(`${r.actor.loginId} ${r.action} ${r.resource.type}:${r.resource.id}`);
    }
  }
  if (disagreements.length > 0) {
    throw new Error(
      `engines disagree on ${String(disagreements.length)} requests, e.g. ${disagreements[0] ?? ''}`,
    );
  }
  process.stderr.write(
    `access: ${String(n)} requests, ${String(rules.length)} rules; ${String(Math.ceil(n / 4))} checked in all three ` +
      `engines, all agree (${String(allowedCount)} allowed)\n`,
  );

  // Ours: as a use case calls it, `can(actor, action, resource)` with the actor's principal cached per actor.
  const oursCan = (i: number): boolean => {
    const r = requests[i];
    return r !== undefined && can(r.actor, r.action, r.resource);
  };
  for (const r of requests) cachedPrincipalOf(r.actor);
  timeBatches(n, 1000, 300, oursCan); // warm-up
  const ours = median(timeBatches(n, 1000, 2000, oursCan));
  // And with the principal built anew for every decision (an actor seen once).
  const cold = median(
    timeBatches(n, 1000, 500, (i) => {
      const r = requests[i];
      return r !== undefined && accessEngine.decide(principalOf(r.actor), r.action, r.resource).allowed;
    }),
  );
  timeBatches(n, 50, 40, casbinAllows);
  const casbin = median(timeBatches(n, 50, 300, casbinAllows));
  timeBatches(n, 10, 40, cedarAllows);
  const cedar = median(timeBatches(n, 10, 300, cedarAllows));

  return [
    report({
      name: 'access decision, median (demo hospital rules, principal cached)',
      value: round(ours),
      unit: 'µs',
      baseline: null,
      baselineName: null,
      target: '≤ 2 µs',
      pass: ours <= 2,
    }),
    report({
      name: 'access decision, median, principal built per decision',
      value: round(cold),
      unit: 'µs',
      baseline: null,
      baselineName: null,
      target: '≤ 2 µs',
      pass: cold <= 2,
    }),
    report({
      name: 'casbin decision, median (same model) / ours',
      value: round(casbin),
      unit: 'µs',
      baseline: round(ours),
      baselineName: 'mamori access engine',
      target: 'ratio ≥ 20',
      pass: casbin / ours >= 20,
    }),
    report({
      name: 'cedar-wasm decision, median (stateful, same policies) / ours',
      value: round(cedar),
      unit: 'µs',
      baseline: round(ours),
      baselineName: 'mamori access engine',
      target: 'ratio ≥ 80',
      pass: cedar / ours >= 80,
    }),
  ];
};
