import type { z } from 'zod';
import { actorRef } from '../access/index.js';
import type { Tx } from '../db/index.js';
import { AppError, parseOrThrow } from '../errors/index.js';
import { appendEntries, type LedgerDraft } from '../ledger/index.js';
import type { UseCaseContext } from './context.js';

/** A mutation must say what happened: at least one ledger entry, by type. */
export type LedgerEntries = readonly [LedgerDraft, ...LedgerDraft[]];

export interface Outcome<O> {
  readonly result: O;
  readonly ledger: LedgerEntries;
  /** false for a dry run: everything runs, including the entries, then rolls back. */
  readonly commit?: boolean;
}

/** Carries a dry run's result out of the transaction that it rolls back. */
class DryRunRollback<O> extends Error {
  constructor(readonly result: O) {
    super('dry run: rolled back');
  }
}

export interface UseCaseSpec<S extends z.ZodType, O> {
  readonly name: string;
  readonly input: S;
  /** Throws `forbidden` or `unauthenticated`. Runs inside the transaction so it can read what it needs. */
  readonly authorize: (ctx: UseCaseContext, input: z.output<S>, tx: Tx) => Promise<void> | void;
  /** Applies the rule and changes state; returns what happened for the ledger. */
  readonly execute: (ctx: UseCaseContext, input: z.output<S>, tx: Tx) => Promise<Outcome<O>>;
}

export type UseCase<S extends z.ZodType, O> = ((ctx: UseCaseContext, input: z.input<S>) => Promise<O>) & {
  readonly useCaseName: string;
};

/**
 * The only way to change state: validate, authorize, apply, and append the ledger entries, all in one
 * transaction. A throw anywhere rolls back everything, including the entries.
 */
export const defineUseCase = <S extends z.ZodType, O>(spec: UseCaseSpec<S, O>): UseCase<S, O> => {
  const run = async (ctx: UseCaseContext, raw: z.input<S>): Promise<O> => {
    const input = parseOrThrow(spec.input, raw);
    try {
      return await ctx.database.db.transaction().execute(async (tx) => {
        await spec.authorize(ctx, input, tx);
        const outcome = await spec.execute(ctx, input, tx);
        // The type requires an entry; a cast around it still gets no commit (第7 1(4)イ: every change on record).
        if (outcome.ledger.length === 0)
          throw new AppError(
            'internal',
            {
              ja: '記録（台帳）のない変更は保存できません。',
              en: 'A change without a ledger entry is not saved.',
            },
            { internal: `use case ${spec.name} returned no ledger entry` },
          );
        await appendEntries(
          tx,
          ctx.database.dialect,
          { actor: actorRef(ctx.actor), time: ctx.clock.now().toISOString() },
          outcome.ledger,
        );
        if (outcome.commit === false) throw new DryRunRollback(outcome.result);
        return outcome.result;
      });
    } catch (e) {
      if (e instanceof DryRunRollback) return e.result as O;
      throw e;
    }
  };
  return Object.assign(run, { useCaseName: spec.name });
};

export interface QuerySpec<S extends z.ZodType, O> {
  readonly name: string;
  readonly input: S;
  readonly authorize: (ctx: UseCaseContext, input: z.output<S>) => Promise<void> | void;
  readonly execute: (ctx: UseCaseContext, input: z.output<S>) => Promise<O>;
}

/** A read: validated and authorized like a use case, but it changes nothing and writes no entry. */
export const defineQuery = <S extends z.ZodType, O>(spec: QuerySpec<S, O>): UseCase<S, O> => {
  const run = async (ctx: UseCaseContext, raw: z.input<S>): Promise<O> => {
    const input = parseOrThrow(spec.input, raw);
    await spec.authorize(ctx, input);
    return spec.execute(ctx, input);
  };
  return Object.assign(run, { useCaseName: spec.name });
};
