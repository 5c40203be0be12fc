import type { CommandIo } from '../common/command-io';
import { scenarioJsonSchema } from '../scenario/scenario-json-schema';

/**
 * `qsync schema`: prints the JSON Schema of the scenario format (the file checked in as
 * apps/qsync/scenario.schema.json) on stdout, two-space indented, for editors and other tools.
 *
 * @param io - where to print
 * @example
 * // io: process in the program; here one that keeps what is printed (io.printed)
 * schemaCommand(io);
 * JSON.parse(io.printed.at(-1) ?? '').$schema; // 'http://json-schema.org/draft-07/schema#'
 */
export function schemaCommand(io: Pick<CommandIo, 'stdout'>): void {
  io.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}
