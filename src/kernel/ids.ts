import { randomUUID } from 'node:crypto';

/** Record ids are random UUIDs: unguessable, and safe to create on any instance. */
export const newId = (): string => randomUUID();
