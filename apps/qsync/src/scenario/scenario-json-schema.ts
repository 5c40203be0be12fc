import { modelCatalog, type ModelEntry } from '@qsync/models';
import * as z from 'zod';
import { scenarioSchema } from './scenario-schema';

/** Where the checked-in schema lives, relative to apps/qsync; scenario files point at it with `$schema`. */
export const SCENARIO_SCHEMA_FILE = 'scenario.schema.json';

/**
 * The scenario format as JSON Schema (draft-07, the draft editors know best), generated from the zod schema that
 * `validateScenario` uses, so that editors complete and check scenario files: one branch per
 * model with its parameters (descriptions, ranges, defaults), operators or channels, and per
 * quantum model one per method. Checked in as apps/qsync/scenario.schema.json (a test keeps it
 * equal to this); `qsync schema` prints it.
 *
 * @param catalog - the models a scenario may name (default: `modelCatalog` of @qsync/models)
 * @returns the JSON Schema as a plain object
 * @example
 * scenarioJsonSchema().$schema; // → 'http://json-schema.org/draft-07/schema#'
 */
export function scenarioJsonSchema(catalog: Readonly<Record<string, ModelEntry>> = modelCatalog): Record<string, unknown> {
  // io 'input': what a file may hold (keys with defaults are optional there)
  return z.toJSONSchema(scenarioSchema(catalog), { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
}
