import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadPolicyPack, policyPackDir } from '../policy-pack/index.js';
import { createRequestTypeRegistry, requestTypes, RequestTypeRegistry } from './registry.js';

/** The approvals engine runs the request types of the policy pack (issue 5): the pack is the only place they live. */
describe('request types from the policy pack', () => {
  it('the engine knows exactly the types the shipped pack defines, as it defines them', () => {
    const pack = loadPolicyPack();
    expect(
      requestTypes
        .list()
        .map((t) => t.id)
        .sort(),
    ).toEqual(pack.requestDefinitions.map((d) => d.id).sort());
    expect(requestTypes.require('people.carryOut')).toEqual(
      pack.requestDefinitions.find((d) => d.id === 'people.carryOut'),
    );
  });

  it("a hospital's pack changes a route and a form without touching code", () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'mamori-registry-')), 'kawaguchi');
    cpSync(policyPackDir(), dir, { recursive: true });
    const file = join(dir, 'requests.yaml');
    const data = load(readFileSync(file, 'utf8')) as { requestTypes: Record<string, unknown>[] };
    const carryOut = data.requestTypes.find((t) => t['id'] === 'people.carryOut');
    if (carryOut === undefined) throw new Error('no people.carryOut');
    // This hospital also asks the Officer above the Manager, and for the asset number.
    (carryOut['route'] as unknown[]).push({
      approver: { kind: 'relative', role: 'securityOfficer', base: 'applicantUnit' },
    });
    (carryOut['form'] as unknown[]).unshift({
      key: 'assetNumber',
      label: { ja: '資産番号', en: 'Asset number' },
      type: 'text',
      required: true,
      maxLength: 20,
    });
    writeFileSync(file, dump(data));
    const pack = loadPolicyPack(dir);

    const registry = createRequestTypeRegistry(pack);
    const def = registry.require('people.carryOut');
    expect(def.route.map((s) => s.approver)).toEqual([
      { kind: 'relative', role: 'securityManager', base: 'applicantUnit' },
      { kind: 'relative', role: 'securityOfficer', base: 'applicantUnit' },
    ]);
    expect(def.form[0]?.key).toBe('assetNumber');
    expect(pack.requestTypes.get('people.carryOut')?.route).toHaveLength(2);

    // usePack (what `mamori serve` does after loading the pack) replaces whatever the registry held.
    const running = new RequestTypeRegistry();
    running.register([{ ...def, id: 'people.somethingElse' }]);
    running.usePack(pack);
    expect(running.get('people.somethingElse')).toBeUndefined();
    expect(running.require('people.carryOut').route).toHaveLength(2);
  });
});
