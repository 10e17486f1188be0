import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { disposalMethods, protections } from '../approvals/builtin-fields.js';
import { AppError } from '../errors/index.js';
import { lintPolicyPack, loadPolicyPack } from './load-policy-pack.js';
import { policyPackDir } from './pack-dir.js';
import type { PackIssue } from './pack-issue.js';

/**
 * Request types declared in the policy pack (issue 5; every 「許可を得なければならない」): `requests.yaml` holds each
 * type Mamori runs in full — clauses, form, route of relative or fixed approvers, conditions, mode — checked by the
 * pack's loader like the chapter files, and the clause that needs a type references it by id.
 */

type Raw = Record<string, unknown>;
interface RequestsFile {
  requestTypes: Raw[];
}

/** A copy of the shipped pack with requests.yaml (and, if asked, a chapter file) changed. */
const copyWith = (
  editRequests: (types: Raw[]) => void,
  chapter?: { file: string; edit: (text: string) => string },
): string => {
  const dir = join(mkdtempSync(join(tmpdir(), 'mamori-requests-')), 'kawaguchi');
  cpSync(policyPackDir(), dir, { recursive: true });
  const file = join(dir, 'requests.yaml');
  const data = load(readFileSync(file, 'utf8')) as RequestsFile;
  editRequests(data.requestTypes);
  writeFileSync(file, dump(data));
  if (chapter !== undefined) {
    const path = join(dir, chapter.file);
    const text = readFileSync(path, 'utf8');
    const edited = chapter.edit(text);
    expect(edited).not.toBe(text);
    writeFileSync(path, edited);
  }
  return dir;
};

const type = (types: Raw[], id: string): Raw => {
  const found = types.find((t) => t['id'] === id);
  if (found === undefined) throw new Error(`no request type ${id}`);
  return found;
};

const issuesOf = (dir: string): readonly PackIssue[] => {
  const result = lintPolicyPack(dir);
  expect(result.pack).toBeNull();
  return result.issues;
};

const expectIssue = (issues: readonly PackIssue[], where: Partial<PackIssue>, en: RegExp): PackIssue => {
  const found = issues.find(
    (i) => Object.entries(where).every(([k, v]) => i[k as keyof PackIssue] === v) && en.test(i.message.en),
  );
  expect(found, JSON.stringify(issues, null, 1)).toBeDefined();
  return found as PackIssue;
};

describe('request types in the policy pack (issue 5)', () => {
  const pack = loadPolicyPack();

  it('defines the request types Mamori runs, each referenced by the clause that needs it', () => {
    const ids = pack.requestDefinitions.map((d) => d.id);
    expect(ids).toContain('people.carryOut');
    expect(ids).toContain('exceptions.emergencyReport');
    for (const def of pack.requestDefinitions) {
      const needs = pack.requestTypes.get(def.id);
      expect(needs?.clauseId, def.id).toBeDefined();
      expect(
        def.clauses.map((c) => c.id),
        def.id,
      ).toContain(needs?.clauseId);
      expect(pack.byId.get(needs?.clauseId ?? '')?.requests.map((r) => r.id)).toContain(def.id);
    }
    // Fixed approvers (the CISO for off-site equipment, 第5 1(5)), approvers relative to the owning unit with the
    // class II-and-above condition (運搬, 第4 2(6)ア), postFacto reports (第8 5(2)).
    const transport = pack.requestDefinitions.find((d) => d.id === 'assets.transport');
    expect(transport?.route).toEqual([
      { approver: { kind: 'relative', role: 'securityManager', base: 'resourceUnit' } },
    ]);
    expect(transport?.appliesWhen).toEqual([{ kind: 'classificationAtMost', level: 2 }]);
    expect(transport?.form.map((f) => f.key)).toEqual([
      'assetName',
      'classification',
      'origin',
      'destination',
      'transportDate',
      'protection',
      'purpose',
    ]);
    expect(pack.requestDefinitions.find((d) => d.id === 'facilities.offsitePlacement')?.route).toEqual([
      { approver: { kind: 'fixed', role: 'ciso' } },
    ]);
    expect(pack.requestDefinitions.find((d) => d.id === 'exceptions.emergencyReport')).toMatchObject({
      mode: 'postFacto',
      reportWithinHours: 24,
    });
    // The clause view of a defined type is derived from its definition.
    expect(pack.requestTypes.get('assets.transport')).toMatchObject({
      nameJa: '情報資産の運搬',
      clauseId: '4.2.6.a',
      classificationAtMost: 2,
      route: [{ approvers: [{ role: 'securityManager', scope: 'ownerUnit' }] }],
    });
  });

  it('runs the identity and policy requests the clauses name: 第7 2(1)イ(イ), 第7 2(1)ウ(イ), 第3 3(2), 第3 6(2) and 第9 3', () => {
    const def = (id: string) => pack.requestDefinitions.find((d) => d.id === id);
    expect(pack.requestTypes.get('identity.deregistration')).toMatchObject({
      clauseId: '7.2.1.b.b',
      route: [{ approvers: [{ role: 'securityManager', scope: 'ownerUnit' }] }],
    });
    expect(def('identity.deregistration')?.form.map((f) => f.key)).toEqual([
      'loginId',
      'systemName',
      'reason',
    ]);
    expect(pack.requestTypes.get('identity.privilegedGrant')).toMatchObject({
      clauseId: '7.2.1.c.b',
      route: [{ approvers: [{ role: 'securityManager', scope: 'ownerUnit' }] }],
    });
    expect(def('identity.privilegedGrant')).toMatchObject({
      expiresWithField: 'until',
      clauses: [
        { id: '7.2.1.c.b', display: '第7 2(1)ウ(イ)' },
        { id: '7.2.1.c.c', display: '第7 2(1)ウ(ウ)' },
      ],
    });
    expect(pack.requestTypes.get('policy.unitProcedure')).toMatchObject({
      clauseId: '3.3.2',
      route: [{ approvers: [{ role: 'securityDirector', scope: 'hospital' }] }],
    });
    expect(def('policy.unitProcedure')?.form.map((f) => f.key)).toEqual([
      'procedureTitle',
      'version',
      'summary',
      'effectiveOn',
    ]);
    // The committee decides parameters (第3 6(2)) and reviews the policy (第9 3): one type, referenced once.
    expect(pack.requestTypes.get('policy.change')).toMatchObject({
      clauseId: '3.6.2',
      route: [{ approvers: [{ role: 'committee', scope: 'hospital' }] }],
    });
    expect(def('policy.change')?.clauses.map((c) => c.display)).toEqual(['第3 6(2)', '第9 3']);
    expect(pack.byId.get('9.3')?.requests).toEqual([]);
  });

  it('offers in its forms exactly the option values the assets module relies on (第4 2(6)イ, 2(7)イ, 2(8)イ)', () => {
    const options = (id: string, key: string) =>
      pack.requestDefinitions
        .find((d) => d.id === id)
        ?.form.find((f) => f.key === key)
        ?.options?.map((o) => o.value);
    const protectionValues = protections.map(([v]) => v);
    expect(options('assets.transport', 'protection')).toEqual(protectionValues);
    expect(options('assets.provision', 'protection')).toEqual(protectionValues);
    expect(options('assets.disposal', 'method')).toEqual(disposalMethods.map(([v]) => v));
  });

  it('stops on a broken request type, naming the file, the request type and the reason in both languages', () => {
    const dir = copyWith((types) => {
      type(types, 'assets.transport')['titleField'] = 'nothing';
      const carryOut = type(types, 'people.carryOut');
      carryOut['route'] = [{ approver: { kind: 'relative', role: 'janitor', base: 'applicantUnit' } }];
      type(types, 'people.bringIn')['route'] = [{ approver: { kind: 'fixed', role: 'securityManager' } }];
      type(types, 'exceptions.exception')['clauses'] = [{ id: '8.5.1', display: '第8 5(9)' }];
      type(types, 'people.outsideWork')['mode'] = 'sometimes';
    });
    const issues = issuesOf(dir);
    const title = expectIssue(
      issues,
      { file: 'requests.yaml', clauseId: 'assets.transport', field: 'titleField' },
      /no text\/longText\/enum field nothing/,
    );
    expect(title.message.ja).toContain('nothing');
    const role = expectIssue(
      issues,
      { file: 'requests.yaml', clauseId: 'people.carryOut', field: 'route[0].approver.role' },
      /Must be one of: ciso, securityDirector/,
    );
    expect(role.message.ja).toContain('次のいずれか');
    const fixed = expectIssue(
      issues,
      { file: 'requests.yaml', clauseId: 'people.bringIn', field: 'route[0].approver.kind' },
      /held for a unit: make the approver relative/,
    );
    expect(fixed.message.ja).toContain('部署ごとの役割');
    expectIssue(
      issues,
      { file: 'requests.yaml', clauseId: 'exceptions.exception', field: 'clauses[0].display' },
      /Clause 8\.5\.1 is printed "第8 5\(1\)"/,
    );
    expectIssue(
      issues,
      { file: 'requests.yaml', clauseId: 'people.outsideWork', field: 'mode' },
      /Must be one of: prior, postFacto/,
    );

    // Start-up loads the pack this way: a configuration error whose issues read file [request type] field.
    const error = (() => {
      try {
        loadPolicyPack(dir);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('configuration');
    expect((error as AppError).issues.map((i) => i.field)).toContain(
      'requests.yaml [assets.transport] titleField',
    );
  });

  it('keeps each type in one place: referenced by its clause, defined in requests.yaml, never declared twice', () => {
    // A clause's reference to a type nobody defines.
    const undefinedType = copyWith((types) => {
      types.splice(types.indexOf(type(types, 'people.carryOut')), 1);
    });
    expectIssue(
      issuesOf(undefinedType),
      { file: 'chapter-6.yaml', clauseId: '6.1.1.c.a', field: 'requests[0].id' },
      /"people\.carryOut" is not defined in requests\.yaml/,
    );
    // A definition no clause references, and one also declared on its clause in the standard's terms.
    const unreferenced = copyWith(
      (types) => {
        types.push({ ...type(types, 'people.carryOut'), id: 'people.carryIn' });
      },
      {
        file: 'chapter-5.yaml',
        edit: (text) =>
          text.replace(
            '      - id: facilities.offsitePlacement\n',
            '      - id: facilities.offsitePlacement\n        nameJa: 敷地外への機器の設置\n        nameEn: Equipment placed off-site\n        mode: prior\n        route:\n          - approvers:\n              - role: ciso\n                scope: hospital\n',
          ),
      },
    );
    const issues = issuesOf(unreferenced);
    expectIssue(
      issues,
      { file: 'requests.yaml', clauseId: 'people.carryIn', field: 'id' },
      /No clause references "people\.carryIn"/,
    );
    expectIssue(
      issues,
      { file: 'requests.yaml', clauseId: 'facilities.offsitePlacement', field: 'id' },
      /also declared on 5\.1\.5: reference it there by its id alone/,
    );
  });
});
