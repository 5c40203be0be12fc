import type { OutputKind, Tolerances } from './scenario-types';

/** Defaults the scenario format fills in. */
export const scenarioDefaults = {
  outputs: ['json', 'csv', 'svg'] as readonly OutputKind[],
  /** `mesolve`'s tolerances for a time evolution (`atol` applies to the entries of ρ) */
  tolerances: { rtol: 1e-8, atol: 1e-10 } as Tolerances,
  /** the order-parameter equations are two-dimensional: accuracy is cheap */
  orderParameterTolerances: { rtol: 1e-10, atol: 1e-12 } as Tolerances,
  noiseSeed: 1,
  phasePoints: 256,
  husimiExtent: 4,
  husimiPoints: 81,
  spinHusimiPoints: 41,
} as const;

/** Largest sizes the format allows. */
export const scenarioLimits = {
  times: 100_000,
  phasePoints: 65_536,
  husimiPoints: 401,
  /** one sparse solve per frequency and spectrum (or a τ-evolution): a few thousand is plenty for a line shape */
  frequencies: 20_000,
} as const;

/** Largest population a truncated coherent state may lose beyond the cutoff before it is refused. */
export const coherentTailLimit = 1e-4;
