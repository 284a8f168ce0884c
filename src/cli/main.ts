/**
 * The `shopdesk` command line. Each command group lives in its own file and
 * registers itself here; errors are translated to exit codes only at this edge.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config';
import { registerDbCommands } from './db-commands';
import { registerNluCommands } from './nlu-commands';
import { registerRecommendCommands } from './recommend-commands';
import { registerRoutingCommands } from './routing-commands';
import { registerSentimentCommands } from './sentiment-commands';
import { registerServeCommand } from './serve-command';
import { registerStaffCommands } from './staff-commands';
import { registerTestCommands } from './test-commands';

/** Exit codes: 1 runtime failure, 2 bad configuration or usage. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function buildProgram(): Command {
  const program = new Command('shopdesk')
    .description('ShopDesk: conversational commerce and support automation')
    .version('0.1.0')
    .exitOverride();
  registerDbCommands(program);
  registerNluCommands(program);
  registerRecommendCommands(program);
  registerRoutingCommands(program);
  registerSentimentCommands(program);
  registerServeCommand(program);
  registerStaffCommands(program);
  registerTestCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version also arrive here with exit code 0.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`shopdesk: ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    process.stderr.write(`shopdesk: ${(error as Error).message}\n`);
    process.exitCode = EXIT_FAILURE;
  }
}
