import { lastValueFrom, from, last, toArray } from 'rxjs';
import { channelValue, type SampleRecord } from '@qsync/frames';
import { steadyState } from '@qsync/integrators';
import { coupledVanDerPol } from '@qsync/models';
import { currentPhaseHistogramOf } from '@qsync/probes';
import { smesolve } from '@qsync/unravelers';

/** Fig. 4.3(b)'s two quantum vdP oscillators (Eq. 4.8, units of κ2): κ = κ2, κ1 = 3κ2, δ = κ/2, V = δ. */
export const DETECTOR_BENCH_PARAMS = { kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, V: 0.5, dt: 1e-3 } as const;

/** One case of {@link benchDetectorThroughput}: samples per second of each stage. */
export interface DetectorThroughputCase {
  readonly cutoff: number;
  /** SME steps per current sample (the sample is the current's mean over them) */
  readonly outputEvery: number;
  readonly blockLength: number;
  readonly samples: number;
  /** the simulation alone, its blocks drained: current samples (of both currents) per second */
  readonly simulationSamplesPerSecond: number;
  /** `currentPhaseHistogramOf` alone on the recorded blocks, replayed in-process */
  readonly detectorSamplesPerSecond: number;
  /** the simulation piped live into the detector */
  readonly pipelineSamplesPerSecond: number;
  /** the detector's share of simulation + detector time (from the stages timed alone) */
  readonly detectorShare: number;
  /** the pipeline's final histogram equals the replayed one's, count for count */
  readonly countsAgree: boolean;
}

/**
 * Streams one stationary heterodyne trajectory of Fig. 4.3(b)'s two oscillators (both outputs
 * watched, Eq. 4.13; currents Eq. 4.14) as sample blocks through the phase-difference detector
 * `currentPhaseHistogramOf` (Eq. 4.15), in-process, and times the simulation alone, the detector
 * alone (on the recorded blocks) and the two piped together; best of `reps` runs each.
 *
 * @param options - Fock cutoff per oscillator, SME steps per sample, samples per block, samples, repetitions
 * @example
 * const c = await benchDetectorThroughput({ cutoff: 3, outputEvery: 1, blockLength: 64, samples: 256, reps: 1 });
 * [c.samples, c.countsAgree, c.detectorSamplesPerSecond > 0]; // [256, true, true]
 */
export async function benchDetectorThroughput(options: {
  readonly cutoff: number;
  readonly outputEvery: number;
  readonly blockLength: number;
  readonly samples: number;
  readonly reps: number;
}): Promise<DetectorThroughputCase> {
  const { cutoff, outputEvery, blockLength, samples, reps } = options;
  const p = DETECTOR_BENCH_PARAMS;
  const pair = coupledVanDerPol({ cutoff, kappa: p.kappa, kappa1: p.kappa1, kappa2: p.kappa2, delta: p.delta, V: p.V });
  const l = pair.lindbladian;
  const { a, b } = pair.operators;
  const model = {
    hamiltonian: l.hamiltonian,
    dissipators: l.dissipators.filter((d) => d.jump !== a && d.jump !== b),
    monitored: [
      { name: 'IA', rate: p.kappa, jump: a, unraveling: 'heterodyne' as const },
      { name: 'IB', rate: p.kappa, jump: b, unraveling: 'heterodyne' as const },
    ],
  };
  const config = { rho0: steadyState(l).rho, dt: p.dt, tEnd: samples * outputEvery * p.dt, outputEvery, noiseSeed: 11, blockLength, method: 'euler-maruyama' as const };
  const detector = () => currentPhaseHistogramOf({ channelA: 'IA', channelB: 'IB', bins: 64 });
  const best = async (run: () => Promise<unknown>): Promise<number> => {
    let fastest = Infinity;
    for (let r = 0; r < reps; r++) {
      const start = performance.now();
      await run();
      fastest = Math.min(fastest, (performance.now() - start) / 1000);
    }
    return fastest;
  };
  const records = await lastValueFrom(smesolve(model, config).pipe(toArray())); // warm-up and the recording
  const simulation = await best(() => lastValueFrom(smesolve(model, config).pipe(last())));
  let replayed: Float64Array | null = null;
  const detectorAlone = await best(async () => {
    const h = await lastValueFrom(from(records as SampleRecord[]).pipe(detector(), last()));
    replayed = channelValue(h, 'counts', 'array').data;
  });
  let piped: Float64Array | null = null;
  const pipeline = await best(async () => {
    const h = await lastValueFrom(smesolve(model, config).pipe(detector(), last()));
    piped = channelValue(h, 'counts', 'array').data;
  });
  const agree = (x: Float64Array | null, y: Float64Array | null) => x !== null && y !== null && x.length === y.length && x.every((v, i) => v === y[i]);
  return {
    cutoff,
    outputEvery,
    blockLength,
    samples,
    simulationSamplesPerSecond: samples / simulation,
    detectorSamplesPerSecond: samples / detectorAlone,
    pipelineSamplesPerSecond: samples / pipeline,
    detectorShare: detectorAlone / (simulation + detectorAlone),
    countsAgree: agree(replayed, piped),
  };
}
