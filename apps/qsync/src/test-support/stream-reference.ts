// The in-process reference of the stream specs: the trajectory of
// scenarios/vdp-pair-heterodyne-stream.json written out here by hand (model, parameters, initial
// state, detection, step, output grid, seed), not read through the scenario code the emitter uses,
// so a scenario that the emitter misreads (a parameter dropped, another step or seed) gives other
// currents than this and fails the comparison.
import { type UnravelingConfig, unravelingTrajectory } from '../run/unraveling-trajectory';

/** The stream scenario's file. */
export const streamScenario = new URL('../../scenarios/vdp-pair-heterodyne-stream.json', import.meta.url).pathname;

/** Seed of the scenario's noise (`noiseSeed`). */
export const STREAM_SEED = 11;

/** Trajectory 0 of the stream scenario, as a config written out value by value. */
export const streamReferenceConfig: UnravelingConfig = {
  model: 'coupled-quantum-vdp',
  parameters: { cutoff: 6, kappa: 0.5, kappa1: 1, kappa2: 0.5, delta: 0.2, V: 1 },
  initialState: { type: 'coherent', alpha: { a: [0.5, 0], b: [0, 0.5] } },
  unraveling: 'heterodyne',
  monitored: [2, 3],
  efficiency: 1,
  phase: 0,
  frequency: 0,
  scheme: 'milstein',
  t0: 0,
  dt: 0.02,
  outputEvery: 1,
  spacing: 0.02,
  samples: 2001,
  observables: { nA: 'na' },
  withCurrents: true,
};

/** The currents I0, I1 (interleaved re, im) and the conditional ⟨n_A⟩ of the reference trajectory, computed in one piece (no blocks, no wire). */
export async function streamReferenceCurrents(config: Partial<UnravelingConfig> = {}, seed = STREAM_SEED): Promise<{ I0: Float64Array; I1: Float64Array; nA: Float64Array }> {
  const columns = await unravelingTrajectory({ ...streamReferenceConfig, ...config }, 0, seed);
  return { I0: columns.I0.data, I1: columns.I1.data, nA: columns['obs:nA'].data };
}
