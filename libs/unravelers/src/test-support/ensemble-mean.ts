import type { DiffusiveTrajectories } from '../create-diffusive-trajectories';

/** Mean and standard error of a complex column over trajectories 0 … count−1, per sample. */
export function ensembleMean(
  runs: DiffusiveTrajectories,
  column: string,
  count: number,
): { re: Float64Array; im: Float64Array; seRe: Float64Array; seIm: Float64Array; violations: number } {
  const m = runs.samples;
  const cols: Record<string, Float64Array> = {};
  for (const [name, ch] of Object.entries(runs.schema.channels)) cols[name] = new Float64Array((ch.kind === 'complex' ? 2 : 1) * m);
  const s1 = new Float64Array(2 * m);
  const s2 = new Float64Array(2 * m);
  let violations = 0;
  for (let k = 0; k < count; k++) {
    violations += runs.runInto(k, cols).positivityViolations;
    const x = cols[column];
    for (let q = 0; q < 2 * m; q++) {
      s1[q] += x[q];
      s2[q] += x[q] * x[q];
    }
  }
  const re = new Float64Array(m);
  const im = new Float64Array(m);
  const seRe = new Float64Array(m);
  const seIm = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    re[i] = s1[2 * i] / count;
    im[i] = s1[2 * i + 1] / count;
    seRe[i] = Math.sqrt(Math.max(0, s2[2 * i] / count - re[i] ** 2) / (count - 1));
    seIm[i] = Math.sqrt(Math.max(0, s2[2 * i + 1] / count - im[i] ** 2) / (count - 1));
  }
  return { re, im, seRe, seIm, violations };
}
