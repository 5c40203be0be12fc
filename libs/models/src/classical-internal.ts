// Small pieces shared by the classical models of Ch. 2 (not exported from the library).
import type { Rng } from '@qsync/linalg';
import { resolveParameters, type ParameterSpec, type ParameterTable } from './parameters';

const TWO_PI = 2 * Math.PI;

/** The table entry every classical model shares: how many independent realizations the state holds. */
export const realizationsSpec: ParameterSpec = {
  description: 'number of independent realizations (noise paths) held in the state',
  default: 1,
  min: 1,
  integer: true,
};

/**
 * Resolves parameters like {@link resolveParameters}, except that the names in `optional`
 * (initial phases) may be left out: then they are absent from the result, and the model draws
 * them at random. Given, they are checked like every other parameter.
 */
export function resolveWithOptional(
  model: string,
  table: ParameterTable,
  given: unknown,
  optional: readonly string[] = [],
): Record<string, number> {
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    return resolveParameters(model, table, given as Record<string, unknown>); // throws, naming the model
  }
  const record = given as Readonly<Record<string, unknown>>;
  const filled: Record<string, ParameterSpec> = { ...table };
  const omitted: string[] = [];
  for (const name of optional) {
    if (record[name] === undefined) {
      filled[name] = { ...table[name], default: 0 };
      omitted.push(name);
    }
  }
  const p = resolveParameters(model, filled, record);
  for (const name of omitted) delete p[name];
  return p;
}

/** x wrapped to (−π, π]. */
export function wrapPhase(x: number): number {
  return x - TWO_PI * Math.ceil((x - Math.PI) / TWO_PI);
}

/** A phase drawn uniformly from (−π, π]. */
export function uniformPhase(rng: Rng): number {
  return Math.PI - TWO_PI * rng.uniform();
}

/**
 * The default step of every classical model, one rule (README, "Conventions"): dt = c/Γ with Γ
 * the fastest rate the step must resolve (the drift's rates and the noise's diffusion rate on the
 * phase; rates ≤ 0 are ignored, and with none dt = c) and c = 0.05 for the order-3/2 scheme
 * 'sra', 0.02 for 'euler-maruyama', which is a full order lower.
 */
export function defaultStep(method: 'sra' | 'euler-maruyama', ...rates: number[]): number {
  const c = method === 'sra' ? 0.05 : 0.02;
  let fastest = 0;
  for (const r of rates) if (r > fastest) fastest = r;
  return fastest > 0 ? c / fastest : c;
}
