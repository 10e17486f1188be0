import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { issuesFromZod, validationError } from '../kernel/index.js';

/** Validates with the route's zod schema and answers with our bilingual validation error naming each field. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    return result.success ? { value: result.data } : { error: validationError(issuesFromZod(result.error)) };
  };
