import type { UseCaseContext } from '../../kernel/index.js';
import { createAccount } from '../identity/index.js';
import { importOrg, listUnits } from '../org/index.js';
import { generateDemoHospital, type DemoHospital } from './generate-demo-hospital.js';
import type { Persona } from './demo-personas.js';

export interface SeededPersona extends Persona {
  readonly temporaryPassword: string;
}

export interface DemoSeedResult {
  readonly seeded: boolean;
  readonly hospital: DemoHospital;
  readonly personas: readonly SeededPersona[];
}

/**
 * Loads the synthetic demo hospital through the same import use case a hospital uses for its own data, then
 * gives each persona an account with a temporary password. Does nothing on a database that has units already.
 */
export const seedDemoHospital = async (
  ctx: UseCaseContext,
  options: { seed?: number; asOf?: string } = {},
): Promise<DemoSeedResult> => {
  const hospital = generateDemoHospital(options);
  if ((await listUnits(ctx, {})).length > 0) return { seeded: false, hospital, personas: [] };
  await importOrg(ctx, { data: hospital.data, source: 'demo seed' });
  const personas: SeededPersona[] = [];
  for (const persona of hospital.personas) {
    const account = await createAccount(ctx, {
      loginId: persona.loginId,
      employeeNumber: persona.employeeNumber,
    });
    personas.push({ ...persona, temporaryPassword: account.temporaryPassword });
  }
  return { seeded: true, hospital, personas };
};
