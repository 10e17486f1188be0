import { AppError, type Bilingual } from '../errors/index.js';
import { isAction, type Action } from './hospital-rules.js';

/** A command that reads or writes nothing of Mamori's (a file of its own, a key for an auditor): nothing to decide. */
export const localCommand = 'local';

/** What a CLI command declares it performs: an action the access rules know, or `local`. */
export type CommandAction = Action | typeof localCommand;

export const isCommandAction = (name: string): name is CommandAction =>
  name === localCommand || isAction(name);

/** What the CLI knows of a command when the program is built. */
export interface CommandDeclaration {
  /** The words that call it: `ledger verify`. */
  readonly path: string;
  /** Whether the command runs something (a group that only holds subcommands does not). */
  readonly runs: boolean;
  readonly action?: string | undefined;
}

interface Problem {
  readonly command: string;
  readonly reason: Bilingual;
}

const problemOf = (command: CommandDeclaration): Problem | null => {
  const name = `mamori ${command.path}`;
  const { action } = command;
  if (action === undefined) {
    if (!command.runs) return null;
    return {
      command: name,
      reason: {
        ja: '実行する操作を宣言していません（src/kernel/access の操作を .performs(action) で）。',
        en: 'no action declared (add .performs(action) from src/kernel/access)',
      },
    };
  }
  if (!command.runs) {
    return {
      command: name,
      reason: {
        ja: `操作 '${action}' を宣言していますが何も実行しません。`,
        en: `declares '${action}' but runs nothing`,
      },
    };
  }
  if (!isCommandAction(action)) {
    return {
      command: name,
      reason: { ja: `不明な操作 '${action}' です。`, en: `unknown action '${action}'` },
    };
  }
  return null;
};

/**
 * Every CLI command that runs something declares the action it performs, and the action is one the access rules
 * know (issue 5, as every API route does: `undeclaredRouteActions`). Returns one line per command that does not.
 */
export const undeclaredCommandActions = (commands: readonly CommandDeclaration[]): string[] =>
  commands.flatMap((c) => {
    const problem = problemOf(c);
    return problem === null ? [] : [`${problem.command}: ${problem.reason.en}`];
  });

/** The CLI's start-up check: throws `configuration` naming each command that does not declare a known action. */
export const checkCommandActions = (commands: readonly CommandDeclaration[]): void => {
  const problems = commands.flatMap((c) => problemOf(c) ?? []);
  if (problems.length === 0) return;
  throw new AppError(
    'configuration',
    {
      ja: 'コマンドが実行する操作を宣言していないため起動しません。',
      en: 'Mamori does not start: commands must declare the action they perform.',
    },
    {
      issues: problems.map((p) => ({ field: p.command, message: p.reason })),
      internal: undeclaredCommandActions(commands).join('\n'),
    },
  );
};
