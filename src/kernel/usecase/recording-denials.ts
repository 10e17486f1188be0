import type { z } from 'zod';
import { AccessDenied, recordDenial } from '../access/index.js';
import type { UseCaseContext } from './context.js';
import type { UseCase } from './define-use-case.js';

/**
 * Wraps a use case (or query) so that a sensitive refusal becomes an `access.denied` entry of its own, after the
 * refused transaction rolled back, whoever called it (HTTP, CLI, a job); the refusal goes on to the caller. Wrap the
 * outermost use case only: the entry is written in a transaction of its own, which must not open inside another.
 */
export const recordingDenials = <S extends z.ZodType, O>(useCase: UseCase<S, O>): UseCase<S, O> => {
  const run = async (ctx: UseCaseContext, input: z.input<S>): Promise<O> => {
    try {
      return await useCase(ctx, input);
    } catch (e) {
      if (e instanceof AccessDenied) await recordDenial(ctx, ctx.actor, e);
      throw e;
    }
  };
  return Object.assign(run, { useCaseName: useCase.useCaseName });
};
