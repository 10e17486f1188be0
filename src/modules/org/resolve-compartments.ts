import type { Db } from '../../kernel/index.js';
import { activeCompartmentIdsOf } from './compartments.repository.js';

/**
 * The compartments (第7 1(1)イ) a person is a member of on a date, by id: what `Actor.compartments` holds, so
 * that the access kernel opens a compartment's information to its members only.
 */
export const resolveCompartments = (db: Db, staffId: string, asOf: string): Promise<string[]> =>
  activeCompartmentIdsOf(db, staffId, asOf);
