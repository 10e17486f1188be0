import { z } from 'zod';
import { defineQuery } from '../../kernel/index.js';
import type { PolicyDocumentView } from '../../shared/api-types.js';
import type { ComplianceSetup } from './compliance-setup.js';
import { presentDocument } from './compliance.presenters.js';
import { allow } from './policy-access.js';

/** The standard as printed, every clause in document order (headings, definitions and provisions). */
export const getPolicyDocument = (setup: ComplianceSetup) => {
  const document = presentDocument(setup.pack);
  return defineQuery({
    name: 'policy.getPolicyDocument',
    input: z.object({}).strict(),
    authorize: allow('compliance.read'),
    execute: (): Promise<PolicyDocumentView> => Promise.resolve(document),
  });
};
