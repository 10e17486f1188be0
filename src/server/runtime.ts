import {
  loadPolicyPack,
  mergeApprovalHooks,
  migrateToLatest,
  openDatabase,
  systemClock,
  type AppContext,
  type Config,
  type DatabaseHandle,
} from '../kernel/index.js';
import { assetApprovalHooks, assetEvaluators } from '../modules/assets/index.js';
import { facilitiesApprovalHooks, facilitiesEvaluators } from '../modules/facilities/index.js';
import { identityApprovalHooks, passwordPolicyEvaluator } from '../modules/identity/index.js';
import { orgDirectory } from '../modules/org/index.js';
import {
  builtinEvaluators,
  createComplianceService,
  createComplianceSetup,
  loadChecklistPack,
  policyApprovalHooks,
  type ComplianceService,
} from '../modules/policy/index.js';

/** What the modules do when requests about their records are routed and approved (the engine's port). */
export const approvalHooks = mergeApprovalHooks(
  assetApprovalHooks,
  facilitiesApprovalHooks,
  identityApprovalHooks,
  policyApprovalHooks,
);

export interface Runtime {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly app: AppContext;
  close(): Promise<void>;
}

/** Opens the database named by the configuration and brings it to the latest migration level. */
export const openRuntime = async (
  config: Config,
  overrides: Partial<Pick<AppContext, 'hospitalName'>> = {},
): Promise<Runtime> => {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    config,
    database,
    app: {
      database,
      clock: systemClock,
      timeZone: config.timeZone,
      hospitalName: overrides.hospitalName ?? { ja: config.hospitalNameJa, en: config.hospitalNameEn },
      orgDirectory,
      approvalHooks,
    },
    close: () => database.close(),
  };
};

/** Modules present in this build (kernel parts included): a clause of any other is "not yet evaluable". */
const presentModules = [
  'org',
  'identity',
  'access',
  'ledger',
  'approvals',
  'policy',
  'assets',
  'facilities',
] as const;

let compliance: ComplianceService | undefined;

/**
 * Compliance evaluation over the shipped packs (the standard and the MHLW checklist) with every evaluator: the
 * policy module's own, and those later modules export from their index (add them to the list here). Built once.
 */
export const complianceService = (): ComplianceService => {
  if (compliance === undefined) {
    const pack = loadPolicyPack();
    const others = [...assetEvaluators, ...facilitiesEvaluators, passwordPolicyEvaluator];
    compliance = createComplianceService(
      createComplianceSetup({
        pack,
        evaluators: [...builtinEvaluators(pack, others), ...others],
        modules: presentModules,
        checklist: loadChecklistPack(pack),
      }),
    );
  }
  return compliance;
};
