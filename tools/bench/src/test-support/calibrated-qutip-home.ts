import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes `dir` a HOME whose ~/.qutip/qutiprc already holds an OpenMP threshold, so a QuTiP 4.7
 * run with HOME=dir neither calibrates (15 s) nor touches the user's own ~/.qutip.
 *
 * @param dir - an empty scratch directory
 * @example
 * const env = { HOME: calibratedQutipHome(mkdtempSync(join(tmpdir(), 'home-'))) };
 */
export function calibratedQutipHome(dir: string): string {
  mkdirSync(join(dir, '.qutip'), { recursive: true });
  writeFileSync(join(dir, '.qutip', 'qutiprc'), '[qutip]\nopenmp_thresh = 2000\n');
  return dir;
}
