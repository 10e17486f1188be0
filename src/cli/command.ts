import { hostname, userInfo } from 'node:os';
import { Command } from 'commander';
import {
  requirePermission,
  systemActor,
  type CommandAction,
  type CommandDeclaration,
} from '../kernel/access/index.js';

type Handler = Parameters<Command['action']>[0];

/**
 * A `mamori` command that says what it performs (issue 5: every route and every CLI command declares its action).
 * Subcommands made with `.command()` are MamoriCommands too, so `.performs()` is there, typed, on every level.
 */
export class MamoriCommand extends Command {
  #performs: CommandAction | undefined;
  #runs = false;

  override createCommand(name?: string): MamoriCommand {
    return new MamoriCommand(name);
  }

  /** The action this command performs, as the access rules name it; `local` if it touches nothing of Mamori's. */
  performs(action: CommandAction): this {
    this.#performs = action;
    return this;
  }

  override action(fn: Handler): this {
    this.#runs = true;
    return super.action(fn);
  }

  get declaredAction(): CommandAction | undefined {
    return this.#performs;
  }

  get runs(): boolean {
    return this.#runs;
  }
}

const pathOf = (command: Command): string => {
  const names: string[] = [];
  // The root (`mamori` itself) has no parent and is not part of the path.
  for (let c = command; c.parent !== null; c = c.parent) names.unshift(c.name());
  return names.join(' ');
};

/** Every command under the program, depth first in the order they were added, with what it declares. */
export const commandDeclarations = (program: Command): CommandDeclaration[] =>
  program.commands.flatMap((command): CommandDeclaration[] => [
    {
      path: pathOf(command),
      runs: command instanceof MamoriCommand ? command.runs : true,
      action: command instanceof MamoriCommand ? command.declaredAction : undefined,
    },
    ...commandDeclarations(command),
  ]);

/** The operating-system account and host a command runs from, so the ledger names where a change came from. */
const operator = (): string => {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return `uid-${String(process.getuid?.() ?? 'unknown')}@${hostname()}`;
  }
};

/**
 * The actor a command runs as: the operator at the server's terminal (`system:cli:<user>@<host>` on the ledger).
 * The operator holds the server's files and database already, so the CLI grants what the declared action needs;
 * commands that need a person's authority (approvals, decisions) are not in the CLI.
 */
export const cliActor = systemActor(`cli:${operator()}`);

/** Before a command runs: the actor may perform what it declares (the operator may perform every action on the hospital). */
export const authorizeCommand = (command: Command): void => {
  const action = command instanceof MamoriCommand ? command.declaredAction : undefined;
  if (action !== undefined && action !== 'local') requirePermission(cliActor, action);
};
