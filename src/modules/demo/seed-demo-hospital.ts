import type { UseCaseContext } from '../../kernel/index.js';
import { importAssets } from '../assets/index.js';
import { createAccount } from '../identity/index.js';
import { importDevices } from '../facilities/index.js';
import { findStaffByNumber, importOrg, listUnits } from '../org/index.js';
import { generateDemoAssets } from './demo-assets.js';
import { generateDemoDevices, seedDemoDeviceRecords } from './demo-devices.js';
import { planDemoCompartments, seedDemoCompartments, type DemoLogin } from './demo-compartments.js';
import { demoDefaults, generateDemoHospital, type DemoHospital } from './generate-demo-hospital.js';
import type { Persona } from './demo-personas.js';
import { medicalInformationSectionCode } from './demo-units.js';

export interface SeededPersona extends Persona {
  readonly temporaryPassword: string;
}

export interface DemoSeedResult {
  readonly seeded: boolean;
  readonly hospital: DemoHospital;
  readonly personas: readonly SeededPersona[];
}

/**
 * Loads the synthetic demo hospital (its organisation, its asset and device registers) through the same import use cases a
 * hospital uses for its own data, then gives each persona an account with a temporary password, and has the ward
 * Manager and the Security Director make two compartments (7-1(1)イ) with their members and class I records.
 * Does nothing on a database that has units already.
 */
export const seedDemoHospital = async (
  ctx: UseCaseContext,
  options: { seed?: number; asOf?: string } = {},
): Promise<DemoSeedResult> => {
  const hospital = generateDemoHospital(options);
  if ((await listUnits(ctx, {})).length > 0) return { seeded: false, hospital, personas: [] };
  await importOrg(ctx, { data: hospital.data, source: 'demo seed' });
  // The asset register (第4) through the same import a hospital uses for its own spreadsheet.
  await importAssets(ctx, {
    data: generateDemoAssets(hospital.data, {
      seed: options.seed ?? demoDefaults.seed,
      asOf: options.asOf ?? demoDefaults.asOf,
    }),
    source: 'demo seed',
  });
  // The device register (第5) through its import, then a few maintenance, repair and disposal records.
  const deviceOptions = { seed: options.seed ?? demoDefaults.seed, asOf: options.asOf ?? demoDefaults.asOf };
  await importDevices(ctx, { rows: generateDemoDevices(hospital.data, deviceOptions), source: 'demo seed' });
  const informatics = hospital.data.assignments.find(
    (a) => a.role === 'securityManager' && a.unitCode === medicalInformationSectionCode,
  );
  const confirmer =
    informatics === undefined
      ? undefined
      : await findStaffByNumber(ctx.database.db, informatics.employeeNumber);
  if (confirmer !== undefined) await seedDemoDeviceRecords(ctx, confirmer.id, deviceOptions.asOf);
  const personas: SeededPersona[] = [];
  const logins = new Map<string, DemoLogin>();
  for (const persona of hospital.personas) {
    const account = await createAccount(ctx, {
      loginId: persona.loginId,
      employeeNumber: persona.employeeNumber,
    });
    personas.push({ ...persona, temporaryPassword: account.temporaryPassword });
    logins.set(persona.key, {
      accountId: account.id,
      loginId: persona.loginId,
      employeeNumber: persona.employeeNumber,
    });
  }
  const asOf = options.asOf ?? demoDefaults.asOf;
  const loginOf = (key: 'securityManager' | 'securityDirector' | 'staff'): DemoLogin => {
    const login = logins.get(key);
    if (login === undefined) throw new Error(`the demo has no ${key} persona`);
    return login;
  };
  await seedDemoCompartments(
    ctx,
    planDemoCompartments(hospital.data, asOf, loginOf('staff').employeeNumber),
    { securityManager: loginOf('securityManager'), securityDirector: loginOf('securityDirector') },
    asOf,
  );
  return { seeded: true, hospital, personas };
};
