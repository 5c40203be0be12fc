import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { plotOutputs } from '../output/plot-outputs';
import { toJson } from '../output/to-json';
import type { Scenario } from '../scenario/scenario-types';
import { csvFiles } from './csv-files';
import { plotFiles } from './plot-files';
import type { RunResults } from './results';

/**
 * Writes a run's files into `runDir` and returns their names: always `scenario.json` (the
 * validated scenario, defaults resolved); `results.json` for output 'json'; the tables of
 * `csvFiles` for 'csv'; the plots of `plotFiles` as SVG for 'svg' and as PNG for 'png'.
 *
 * @param runDir - an existing folder
 * @param scenario - the validated scenario
 * @param results - what the run computed
 * @example
 * import { mkdirSync } from 'node:fs';
 *
 * // scenario, results: those of a run of the default scenario; dir: a scratch folder
 * mkdirSync(`${dir}/x`);
 * writeResults(`${dir}/x`, scenario, results); // ['scenario.json', 'results.json', 'observables.csv', …]
 */
export function writeResults(runDir: string, scenario: Scenario, results: RunResults): string[] {
  const files: Record<string, string | Uint8Array> = { 'scenario.json': toJson(scenario) };
  if (scenario.outputs.includes('json')) files['results.json'] = toJson(results);
  if (scenario.outputs.includes('csv')) Object.assign(files, csvFiles(results));
  const svg = scenario.outputs.includes('svg');
  const png = scenario.outputs.includes('png');
  if (svg || png) Object.assign(files, plotOutputs(plotFiles(results), { svg, png }));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(runDir, name), content);
  return Object.keys(files);
}
