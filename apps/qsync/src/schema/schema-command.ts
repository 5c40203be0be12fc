import type { CommandIo } from '../common/command-io';
import { scenarioJsonSchema } from '../scenario/scenario-json-schema';

/**
 * `qsync schema`: prints the JSON Schema of the scenario format (the file checked in as
 * apps/qsync/scenario.schema.json) on stdout, two-space indented, for editors and other tools.
 *
 * @param io - where to print
 * @example
 * schemaCommand(process); // prints { "$schema": "https://json-schema.org/draft/2020-12/schema", … }
 */
export function schemaCommand(io: Pick<CommandIo, 'stdout'>): void {
  io.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}
