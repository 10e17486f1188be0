import { describe, expect, it } from 'vitest';
import {
  applyPackRoutes,
  AppError,
  createRequestTypeRegistry,
  parseForm,
  type RequestTypeData,
} from '../../src/kernel/index.js';

const thrown = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('did not throw');
};

const keyLoan: RequestTypeData = {
  id: 'facilities.keyLoan',
  name: { ja: 'サーバ室の鍵の貸出', en: 'Loan of the server room key' },
  clauses: [{ id: '5.2.2.a', display: '第5 2(2)ア' }],
  mode: 'prior',
  form: [
    { key: 'area', label: { ja: '管理区域', en: 'Controlled area' }, type: 'text', required: true },
    { key: 'hours', label: { ja: '時間', en: 'Hours' }, type: 'number', required: true, min: 1, max: 8 },
  ],
  route: [{ approver: { kind: 'relative', role: 'securityManager', base: 'applicantUnit' } }],
  titleField: 'area',
  asksOwnerUnit: false,
};

describe('request types as data', () => {
  it('ships the request types the next modules need, each with its clause and route', () => {
    const registry = createRequestTypeRegistry();
    const ids = registry.list().map((t) => t.id);
    for (const id of [
      'assets.transport',
      'assets.provision',
      'assets.disposal',
      'people.carryOut',
      'people.outsideWork',
      'people.outsideWorkPrivatePc',
      'people.bringIn',
      'facilities.offsitePlacement',
      'changes.networkConnection',
      'changes.softwareInstall',
      'exceptions.exception',
      'exceptions.emergencyReport',
      'changes.externalConnection',
      'assets.informationExchange',
    ]) {
      expect(ids, id).toContain(id);
    }
    expect(registry.get('facilities.offsitePlacement')?.route).toEqual([
      { approver: { kind: 'fixed', role: 'ciso' } },
    ]);
    expect(registry.get('assets.transport')?.appliesWhen).toEqual([
      { kind: 'classificationAtMost', level: 2 },
    ]);
    expect(registry.get('exceptions.emergencyReport')?.mode).toBe('postFacto');
  });

  it('accepts a new type from data and validates its form at submission', () => {
    const registry = createRequestTypeRegistry();
    registry.register([keyLoan]);
    const def = registry.require('facilities.keyLoan');
    expect(parseForm(def, { area: 'サーバ室', hours: '3' }, true)).toEqual({ area: 'サーバ室', hours: 3 });
    const error = thrown(() => parseForm(def, { area: '', hours: 12 }, true));
    expect(error.issues.map((i) => i.field).sort()).toEqual(['form.area', 'form.hours']);
    expect(error.issues.find((i) => i.field === 'form.hours')?.message).toEqual({
      ja: '8以下にしてください。',
      en: 'Must be at most 8.',
    });
  });

  it('refuses a broken definition, naming the place, and keeps what it had', () => {
    const registry = createRequestTypeRegistry();
    const before = registry.list().length;
    const error = thrown(() =>
      registry.register([
        keyLoan,
        {
          ...keyLoan,
          id: 'facilities.broken',
          titleField: 'nothing',
          route: [{ approver: { kind: 'relative', role: 'securityManager', base: 'resourceUnit' } }],
        },
      ]),
    );
    expect(error.code).toBe('validation');
    expect(error.issues.map((i) => i.field).sort()).toEqual([
      'types[1].asksOwnerUnit',
      'types[1].titleField',
    ]);
    expect(registry.list().length).toBe(before);
  });

  it('takes the routes of the policy pack for the types it knows', () => {
    const registry = createRequestTypeRegistry();
    const unknown = applyPackRoutes(registry, [
      {
        id: 'people.carryOut',
        mode: 'prior',
        route: [
          { approvers: [{ role: 'securityManager', scope: 'requesterUnit' }] },
          { approvers: [{ role: 'securityOfficer', scope: 'requesterUnit' }] },
        ],
      },
      {
        id: 'changes.systemProject',
        mode: 'prior',
        route: [{ approvers: [{ role: 'committee', scope: 'hospital' }] }],
      },
    ]);
    expect(unknown).toEqual(['changes.systemProject']);
    expect(registry.get('people.carryOut')?.route).toEqual([
      { approver: { kind: 'relative', role: 'securityManager', base: 'applicantUnit' } },
      { approver: { kind: 'relative', role: 'securityOfficer', base: 'applicantUnit' } },
    ]);
  });
});
