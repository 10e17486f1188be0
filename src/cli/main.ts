#!/usr/bin/env node
import { checkCommandActions } from '../kernel/access/index.js';
import { commandDeclarations } from './command.js';
import { printError } from './output.js';
import { buildProgram } from './program.js';

const run = async (): Promise<void> => {
  const program = buildProgram();
  // Issue 5: every command declares the action it performs; a command that does not stops the CLI here.
  checkCommandActions(commandDeclarations(program));
  await program.parseAsync(process.argv);
};

run().catch((error: unknown) => {
  process.exitCode = printError(error);
});
