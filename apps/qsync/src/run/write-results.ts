import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvFiles } from './csv-files';
import { plotFiles } from './plot-files';
import type { RunResults } from './results';
import type { Scenario } from '../scenario/scenario';

/**
 * Writes a run's files into `runDir` and returns their names: always `scenario.json` (the
 * validated scenario, defaults resolved); `results.json` for output 'json'; the CSV files of
 * `csvFiles` for 'csv'; the plots of `plotFiles` for 'svg'. JSON arrays of numbers are kept
 * on one line each, so the files stay readable.
 *
 * @param runDir - an existing folder
 * @param scenario - the validated scenario
 * @param results - what the run computed
 * @example
 * writeResults('runs/x', scenario, results); // ['scenario.json', 'results.json', 'observables.csv', …]
 */
export function writeResults(runDir: string, scenario: Scenario, results: RunResults): string[] {
  const files: Record<string, string> = { 'scenario.json': toJson(scenario) };
  if (scenario.outputs.includes('json')) files['results.json'] = toJson(results);
  if (scenario.outputs.includes('csv')) Object.assign(files, csvFiles(results));
  if (scenario.outputs.includes('svg')) Object.assign(files, plotFiles(results));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(runDir, name), text);
  return Object.keys(files);
}

/** JSON with two-space indent, arrays of plain numbers on one line. */
export function toJson(value: unknown): string {
  return (
    JSON.stringify(value, null, 2).replace(/\[\s*(-?[\d.eE+-]+(?:,\s*-?[\d.eE+-]+)*)\s*\]/g, (_, body: string) =>
      `[${body.replace(/,\s+/g, ', ')}]`,
    ) + '\n'
  );
}
