import type { SampleBlock } from '@qsync/frames';
import { coherentKet, create, destroy, fockSpace, lindbladian, num, power, scaled, sigmaMinus, sigmaPlus, sigmaZ, spinCoherentKet, spinHalfSpace } from '@qsync/operators';
import type { Ket, Lindbladian, Operator } from '@qsync/operators';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { photonCounting } from './photon-counting';

/**
 * The step bias behind the photon-counting checks "the ensemble mean matches mesolve within 3 SE at
 * every output time" (photon-counting.spec.ts: vdP of Fig. 4.1 at cutoff 10 from |α = 1⟩, Δt = 0.1,
 * 400 trajectories; Fig. 4.7's spin, Δt = 0.02, 400). A counting trajectory has no Euler step: its
 * no-click evolution is RK4 with steps ≤ maxStep (default 0.5/λ, λ a Gershgorin bound) and its click
 * times are root-found to 1e-12, so its only bias is RK4's. Measured on the same seeds (the same
 * click thresholds and channel choices, so the paired difference has almost no noise) against
 * maxStep = 1e-3, where RK4's error is ∝ maxStep⁴ smaller again: the means move by < 1e-7, under
 * 1e-3 of the checks' standard errors at every output time, so those checks test the unraveling.
 */
interface Case {
  readonly l: Lindbladian;
  readonly psi0: Ket;
  readonly loss: number;
  readonly op: Operator;
  readonly dt: number;
  readonly samples: number;
  /** trajectories of the check whose SE the bias is measured in */
  readonly trajectories: number;
}

const fock = fockSpace(10);
const a = destroy(fock);
const vdp: Case = {
  l: lindbladian(scaled(num(fock), 4), [
    { rate: 4, jump: create(fock) },
    { rate: 0.5, jump: power(a, 2) },
    { rate: 1, jump: a },
  ]),
  psi0: coherentKet(fock, { re: 1, im: 0 }),
  loss: 2,
  op: a,
  dt: 0.1,
  samples: 21,
  trajectories: 400,
};
const s = spinHalfSpace();
const spin: Case = {
  l: lindbladian(scaled(sigmaZ(s), 1), [
    { rate: 0.5, jump: sigmaPlus(s) },
    { rate: 1, jump: sigmaMinus(s) },
  ]),
  psi0: spinCoherentKet(s, Math.PI / 2, 0),
  loss: 1,
  op: sigmaPlus(s),
  dt: 0.02,
  samples: 100,
  trajectories: 400,
};
/** Pairs compared (the difference is nearly noise-free, so a few suffice). */
const PAIRS = 12;

async function trajectory(c: Case, k: number, maxStep?: number): Promise<Float64Array> {
  const records = await lastValueFrom(
    photonCounting(c.l, c.psi0, { dt: c.dt, samples: c.samples, monitored: [{ dissipator: c.loss }], expect: { o: c.op }, noiseSeed: 11, trajectory: k, blockLength: c.samples, ...(maxStep === undefined ? {} : { maxStep }) }).pipe(toArray()),
  );
  const block = records.find((r): r is SampleBlock => r.kind === 'block');
  if (block === undefined) throw new Error('no block');
  return block.columns.o.data;
}

/** Trajectories whose spread estimates the checks' SE at each output time. */
const SPREAD = 100;

/**
 * Largest |Δ mean|/SE over the output times after t = 0 where the trajectories have spread (SE >
 * 1e-6; before any click they all follow the same no-click evolution): Δ mean between maxStep and
 * the default step over PAIRS paired trajectories, SE that of the check's `trajectories` from the
 * spread of SPREAD default ones.
 */
async function pairedShift(c: Case, maxStep: number): Promise<{ z: number; shift: number; compared: number }> {
  const m = 2 * c.samples;
  const s1 = new Float64Array(m);
  const s2 = new Float64Array(m);
  const d = new Float64Array(m);
  for (let k = 0; k < SPREAD; k++) {
    const x = await trajectory(c, k);
    for (let i = 0; i < m; i++) {
      s1[i] += x[i];
      s2[i] += x[i] * x[i];
    }
    if (k >= PAIRS) continue;
    const y = await trajectory(c, k, maxStep);
    for (let i = 0; i < m; i++) d[i] += (y[i] - x[i]) / PAIRS;
  }
  let z = 0;
  let shift = 0;
  let compared = 0;
  for (let i = 2; i < m; i++) {
    shift = Math.max(shift, Math.abs(d[i]));
    const mean = s1[i] / SPREAD;
    const se = Math.sqrt((Math.max(0, s2[i] / SPREAD - mean * mean) * (SPREAD / (SPREAD - 1))) / c.trajectories);
    if (!(se > 1e-6)) continue;
    compared++;
    z = Math.max(z, Math.abs(d[i]) / se);
  }
  return { z, shift, compared };
}

describe("photonCounting: the step bias of the specs' and figures' ensemble-vs-mesolve checks", () => {
  it.each([
    ['vdP of Fig. 4.1 (photon-counting.spec)', vdp],
    ["Fig. 4.7's spin", spin],
  ] as const)('%s: RK4 at its default step moves the means by < 1e-3 SE against maxStep 1e-3', async (_, c) => {
    // measured: ≤ 2.9e-8 and 1.9e-8, i.e. 2.3e-5 and 3.3e-5 SE (Fig. 4.2's oscillator at cutoff 12
    // from |α0 = 2⟩, Δt = 0.02: ≤ 1.8e-8 against maxStep 1e-4)
    const { z, shift, compared } = await pairedShift(c, 1e-3);
    expect(shift).toBeLessThan(1e-7);
    expect(z).toBeLessThan(1e-3);
    expect(compared).toBeGreaterThan(c.samples); // most times of both ⟨O⟩ parts are compared
  });

  it('a coarser RK4 step (maxStep = 0.02) on the vdP oscillator exceeds that bound', async () => {
    // RK4's error ∝ h⁴: 5.9e-5 = 0.086 SE at maxStep 0.02 — still far below one SE, but the bound
    // above can fail
    const coarse = await pairedShift(vdp, 0.02);
    expect(coarse.shift).toBeGreaterThan(1e-7);
    expect(coarse.z).toBeGreaterThan(1e-3);
  });
});
