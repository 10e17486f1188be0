import type { Actor, UseCaseContext } from '../../kernel/index.js';
import { registerAsset } from '../assets/index.js';
import {
  addCompartmentMember,
  createCompartment,
  findStaffByNumber,
  listUnits,
  resolveGrants,
  type OrgData,
} from '../org/index.js';

/**
 * Compartments (別領域, 第7 1(1)イ) of the demo hospital: information only some staff of a section may handle. Two
 * synthetic ones, each holding a class I record: in the ward of the manager and staff personas, the records of
 * suspected abuse and domestic violence, for the Nurse Manager and two designated nurses (the staff persona is not
 * one, so she sees that the ward has information she cannot open); in psychiatry, the papers of involuntary
 * admissions, for the department's head and two designated staff.
 */
export interface DemoCompartment {
  readonly unitCode: string;
  readonly nameJa: string;
  readonly nameEn: string;
  readonly purpose: string;
  /** Who makes it: the section's Manager, or the Security Director for a section whose Manager has no login. */
  readonly madeBy: 'securityManager' | 'securityDirector';
  readonly members: readonly string[];
  readonly asset: { readonly code: string; readonly name: string; readonly systemName: string };
}

const plans = [
  {
    unitCode: 'KANGO-4E',
    nameJa: '虐待・DV対応記録',
    nameEn: 'Abuse and domestic violence case records',
    purpose: '虐待・DVが疑われる患者の記録（通告、関係機関との連絡を含む）。看護師長と担当看護師だけが扱う。',
    madeBy: 'securityManager',
    asset: { name: '虐待・DV対応記録（4階東病棟）', systemName: '電子カルテシステム（制限文書）' },
  },
  {
    unitCode: 'SHIN-SEISHIN',
    nameJa: '措置入院・医療保護入院の関係書類',
    nameEn: 'Involuntary admission papers (Mental Health Act)',
    purpose: '精神保健福祉法による措置入院・医療保護入院の届出と審査の書類。診療科長と担当職員だけが扱う。',
    madeBy: 'securityDirector',
    asset: { name: '措置入院・医療保護入院関係書類（精神科）', systemName: '電子カルテシステム（制限文書）' },
  },
] as const;

/**
 * The demo's compartments with their members: the section's Security Manager and two other current employees of
 * the section who started by the demo's date (never the staff persona), in employee-number order.
 */
export const planDemoCompartments = (org: OrgData, asOf: string, staffPersona: string): DemoCompartment[] =>
  plans.map((plan) => {
    const manager = org.assignments.find(
      (a) =>
        a.role === 'securityManager' &&
        a.unitCode === plan.unitCode &&
        a.startDate <= asOf &&
        (a.endDate === null || a.endDate >= asOf),
    )?.employeeNumber;
    const designated = org.staff
      .filter(
        (s) =>
          s.unitCode === plan.unitCode &&
          s.category === 'employee' &&
          s.startDate <= asOf &&
          (s.endDate === null || s.endDate >= asOf) &&
          s.employeeNumber !== manager &&
          s.employeeNumber !== staffPersona,
      )
      .map((s) => s.employeeNumber)
      .sort()
      .slice(0, 2);
    return {
      ...plan,
      members: [...(manager === undefined ? [] : [manager]), ...designated],
      asset: { ...plan.asset, code: `DEMO-${plan.unitCode}-C1` },
    };
  });

/** A persona's account as the actor of a use case, with the roles they hold on the demo's date. */
export interface DemoLogin {
  readonly accountId: string;
  readonly loginId: string;
  readonly employeeNumber: string;
}

const actorOf = async (ctx: UseCaseContext, login: DemoLogin, asOf: string): Promise<Actor> => {
  const staff = await findStaffByNumber(ctx.database.db, login.employeeNumber);
  if (staff === undefined) throw new Error(`demo persona ${login.employeeNumber} has no staff record`);
  return {
    kind: 'account',
    accountId: login.accountId,
    staffId: staff.id,
    unitId: staff.unit_id,
    loginId: login.loginId,
    systemRole: null,
    category: 'employee',
    grants: await resolveGrants(ctx.database.db, staff.id, asOf),
  };
};

/**
 * Seeds the compartments through the organisation's use cases, as the people the standard says make them (the
 * section's Manager, or the security office), and registers each one's class I record in it through the asset
 * register's use case (as the register's import does, by the system).
 */
export const seedDemoCompartments = async (
  ctx: UseCaseContext,
  compartments: readonly DemoCompartment[],
  logins: Readonly<Record<DemoCompartment['madeBy'], DemoLogin>>,
  asOf: string,
): Promise<string[]> => {
  const units = new Map((await listUnits(ctx, {})).map((u) => [u.code, u.id]));
  const ids: string[] = [];
  for (const plan of compartments) {
    const unitId = units.get(plan.unitCode);
    if (unitId === undefined) throw new Error(`demo unit ${plan.unitCode} is missing`);
    const as = { ...ctx, actor: await actorOf(ctx, logins[plan.madeBy], asOf) };
    const { id } = await createCompartment(as, {
      unitId,
      nameJa: plan.nameJa,
      nameEn: plan.nameEn,
      purpose: plan.purpose,
      validFrom: asOf,
    });
    for (const employeeNumber of plan.members)
      await addCompartmentMember(as, {
        compartmentId: id,
        employeeNumber,
        startDate: asOf,
        endDate: null,
        note: null,
      });
    await registerAsset(ctx, {
      code: plan.asset.code,
      name: plan.asset.name,
      description: plan.purpose,
      form: 'electronic',
      owningUnitId: unitId,
      compartmentId: id,
      origin: 'created',
      classification: 1,
      systemName: plan.asset.systemName,
      retentionNote: '関係法令に基づく保存期間',
    });
    ids.push(id);
  }
  return ids;
};
