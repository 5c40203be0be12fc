import type { ModelInstance } from '@qsync/models';
import { buildQuantumModel } from '../test-support/build-quantum-model';
import type { Operator } from '@qsync/operators';
import { describe, expect, it } from 'vitest';
import { computeProbes } from './compute-probes';
import { computeSteadyState } from './compute-steady-state';
import { computeTimeEvolution } from './compute-time-evolution';
import { NumericalError } from '../common/errors';
import type { TimeEvolutionScenario } from '../scenario/scenario-types';
import { validateScenario } from '../scenario/validate-scenario';

// A model whose operator `n` has NaN entries: every expectation of it is NaN, which a run must
// report as a numerical failure instead of writing NaN into the results.
const parameters = { cutoff: 4, kappa1: 1, kappa2: 1 };
const model = buildQuantumModel('quantum-vdp', parameters);
const poisoned: Operator = { dims: model.operators.n.dims, matrix: { ...model.operators.n.matrix, data: model.operators.n.matrix.data.map(() => NaN) } };
const bad: ModelInstance = { ...model, operators: { ...model.operators, n: poisoned } };

describe('numerical failures are NumericalErrors', () => {
  it('a non-finite steady-state observable', async () => {
    await expect(computeSteadyState(bad, { occupation: 'n' })).rejects.toThrow(NumericalError);
    await expect(computeSteadyState(bad, { occupation: 'n' })).rejects.toThrow("numerical failure in steady state: ⟨n⟩ (observable 'occupation') is not finite: NaN");
  });

  it('a non-finite observable during a time evolution, at the first time it appears', async () => {
    const scenario = validateScenario({
      model: 'quantum-vdp',
      parameters,
      method: 'time-evolution',
      initialState: { type: 'fock', n: { a: 1 } },
      times: { start: 0, stop: 1, count: 3 },
      observables: { occupation: 'n' },
    }) as TimeEvolutionScenario;
    await expect(computeTimeEvolution(scenario, bad)).rejects.toThrow(
      "numerical failure in time evolution: ⟨n⟩ (observable 'occupation') is not finite at t = 0: NaN + NaNi",
    );
    // The same scenario on the intact model runs.
    await expect(computeTimeEvolution(scenario, model)).resolves.toMatchObject({ finalRho: null });
  });

  it('a probe that fails on a broken state', () => {
    const n = model.space.size;
    const rho = { dims: model.space.dims, matrix: { rows: n, cols: n, data: new Float64Array(2 * n * n).fill(NaN) } };
    expect(() => computeProbes(rho, model, [{ type: 'phase', mode: 'a', points: 8 }], 'quantum-vdp')).toThrow(/^numerical failure in probe 'phase-a': /);
  });
});
