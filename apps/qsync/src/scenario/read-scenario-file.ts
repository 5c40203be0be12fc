import { readFileSync } from 'node:fs';
import { ScenarioError } from '../common/errors';

/**
 * Reads and parses a scenario file (not yet validated: see `validateScenario`). A file that
 * cannot be read or is not JSON is refused with a {@link ScenarioError} naming the file.
 *
 * @param file - path of the scenario JSON file
 * @example
 * validateScenario(readScenarioFile(defaultScenario)).model; // 'coupled-quantum-vdp' — defaultScenario: scenarios/default.json
 */
export function readScenarioFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScenarioError(file, `cannot read the scenario file${code !== undefined ? ` (${code})` : ''}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(file, `is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parsed;
}
