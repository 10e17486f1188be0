import {
  migrateToLatest,
  openDatabase,
  systemClock,
  type AppContext,
  type Config,
  type DatabaseHandle,
} from '../kernel/index.js';
import { orgDirectory } from '../modules/org/index.js';

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
    },
    close: () => database.close(),
  };
};
