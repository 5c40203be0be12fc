import { describe, expect, it } from 'vitest';
import { lastValueFrom, take, toArray } from 'rxjs';
import { tapProgress, validateSampleStream } from '@qsync/frames';
import type { ComplexChannel, SampleBlock, SampleRecord } from '@qsync/frames';
import {
  coherentKet,
  destroy,
  fockKet,
  fockSpace,
  lindbladian,
  num,
  power,
  pureState,
  create,
  scaled,
  sigmaMinus,
  sigmaX,
  sigmaZ,
  spinHalfSpace,
} from '@qsync/operators';
import type { Ket } from '@qsync/operators';
import { mesolve } from '@qsync/integrators';
import { denseFromArrays, expm } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { photonCounting } from './photon-counting';
import { trajectoryRng } from './trajectory-rng';
import type { PhotonCountingConfig } from './photon-counting';

// Quantum vdP oscillator, Eq. (4.1), Fig. 4.1 parameters: κ1 = ω = 4κ, κ2 = κ/2 (κ = 1).
const CUTOFF = 10;
const space = fockSpace(CUTOFF);
const a = destroy(space);
const n = num(space);
const KAPPA = 1;
const vdp = lindbladian(scaled(n, 4), [
  { rate: 4, jump: create(space) },
  { rate: 0.5, jump: power(a, 2) },
  { rate: KAPPA, jump: a },
]);
const LOSS = 2; // index of κD[a] among the dissipators
const psi0: Ket = coherentKet(space, { re: 1, im: 0 });
const DT = 0.1;
const SAMPLES = 21; // t = 0 … 2

function blocks(records: SampleRecord[]): SampleBlock[] {
  return records.filter((r): r is SampleBlock => r.kind === 'block');
}

/** Running sums over trajectories of ⟨a⟩_c, ⟨n⟩_c per sample and of the clicks of channel 0 in [0, T). */
async function ensemble(config: Omit<PhotonCountingConfig, 'trajectory' | 'noiseSeed'>, ntraj: number, seed: number) {
  const sums = { a: new Float64Array(2 * SAMPLES), a2: new Float64Array(2 * SAMPLES), n: new Float64Array(SAMPLES), n2: new Float64Array(SAMPLES) };
  const totals: number[] = [];
  for (let k = 0; k < ntraj; k++) {
    const recs = await lastValueFrom(
      photonCounting(vdp, psi0, { ...config, noiseSeed: seed, trajectory: k, blockLength: SAMPLES }).pipe(toArray()),
    );
    const [b] = blocks(recs);
    const ea = b.columns.a.data;
    const en = b.columns.n.data;
    const m = b.columns.counts.shape[0];
    let total = 0;
    for (let s = 0; s < SAMPLES; s++) {
      for (const i of [2 * s, 2 * s + 1]) {
        sums.a[i] += ea[i];
        sums.a2[i] += ea[i] * ea[i];
      }
      sums.n[s] += en[2 * s];
      sums.n2[s] += en[2 * s] * en[2 * s];
      total += b.columns.counts.data[s * m];
    }
    totals.push(total);
  }
  const mean = (s: number, s2: number) => {
    const mu = s / ntraj;
    return { mu, se: Math.sqrt(Math.max(s2 / ntraj - mu * mu, 0) / (ntraj - 1)) };
  };
  return {
    aRe: Array.from({ length: SAMPLES }, (_, s) => mean(sums.a[2 * s], sums.a2[2 * s])),
    aIm: Array.from({ length: SAMPLES }, (_, s) => mean(sums.a[2 * s + 1], sums.a2[2 * s + 1])),
    n: Array.from({ length: SAMPLES }, (_, s) => mean(sums.n[s], sums.n2[s])),
    totals,
  };
}

const times = Array.from({ length: SAMPLES }, (_, k) => k * DT);
const fine = Array.from({ length: 20 * (SAMPLES - 1) + 1 }, (_, k) => (k * DT) / 20);

async function master(t: number[]) {
  const frames = await lastValueFrom(
    mesolve(vdp, pureState(normalised(psi0)), t, { expect: { a, n } }).pipe(toArray()),
  );
  return frames.map((f) => ({ a: f.channels.a as ComplexChannel, n: (f.channels.n as ComplexChannel).re }));
}

function normalised(k: Ket): Ket {
  let s = 0;
  for (const x of k.data) s += x * x;
  return { dims: k.dims, data: k.data.map((x) => x / Math.sqrt(s)) };
}

/** Largest |ensemble mean − mesolve| in standard errors over every output time t > 0. */
function worstZ(e: Awaited<ReturnType<typeof ensemble>>, me: Awaited<ReturnType<typeof master>>): number {
  let z = 0;
  for (let s = 1; s < SAMPLES; s++) {
    z = Math.max(
      z,
      Math.abs(e.aRe[s].mu - me[s].a.re) / e.aRe[s].se,
      Math.abs(e.aIm[s].mu - me[s].a.im) / e.aIm[s].se,
      Math.abs(e.n[s].mu - me[s].n) / e.n[s].se,
    );
  }
  return z;
}

describe('photonCounting: quantum vdP (Eq. 4.1, Fig. 4.1 parameters, cutoff 10) against mesolve', () => {
  it('every channel counted with ξ = 1 (ket path): ⟨a⟩(t), ⟨n⟩(t) within 3 SE at every output time', async () => {
    const me = await master(times);
    const e = await ensemble({ dt: DT, samples: SAMPLES, expect: { a, n }, state: 'ket' }, 400, 11);
    // 3 SE at each of 60 comparisons (the criterion; seed fixed, so deterministic).
    // Measured worst z = 1.7 (ket path, 400 trajectories) and 2.4 (ρ path below, 100 trajectories);
    // choosing the gain channel 2× too often at a click gives z = 38.
    expect(worstZ(e, me)).toBeLessThan(3);
    // the ensemble resolves the dynamics: ⟨n⟩ moves by ≫ its standard error (a check that can fail)
    expect(Math.abs(e.n[SAMPLES - 1].mu - e.n[0].mu) / e.n[SAMPLES - 1].se).toBeGreaterThan(10);
  });

  it('loss counted with ξ = 0.6 (conditional ρ): averages match mesolve and the click rate is ξκ⟨a†a⟩', async () => {
    const me = await master(times);
    const xi = 0.6;
    const e = await ensemble(
      { dt: DT, samples: SAMPLES, expect: { a, n }, monitored: [{ dissipator: LOSS, efficiency: xi }] },
      100,
      12,
    );
    expect(worstZ(e, me)).toBeLessThan(3);
    // total clicks in [0, T + Δt) against ξκ∫⟨a†a⟩dt of the master equation (trapezoid on a grid 20× finer)
    const mf = await master([...fine, ...Array.from({ length: 20 }, (_, k) => times[SAMPLES - 1] + ((k + 1) * DT) / 20)]);
    let integral = 0;
    for (let k = 1; k < mf.length; k++) integral += 0.5 * (mf[k].n + mf[k - 1].n) * (DT / 20);
    const expected = xi * KAPPA * integral;
    const mu = e.totals.reduce((s, x) => s + x, 0) / e.totals.length;
    const sd = Math.sqrt(e.totals.reduce((s, x) => s + (x - mu) ** 2, 0) / (e.totals.length - 1));
    expect(Math.abs(mu - expected)).toBeLessThan((3 * sd) / Math.sqrt(e.totals.length));
  });
});

describe('photonCounting: waiting times of a decaying two-level system', () => {
  const s = spinHalfSpace();
  const GAMMA = 1.3;
  const l = lindbladian(scaled(sigmaZ(s), 0.7), [{ rate: GAMMA, jump: sigmaMinus(s) }]);

  it('first-click times from |1⟩ are exponential with rate γ (binned χ²), exactly one click each', async () => {
    const W = 0.1;
    const BINS = 30;
    const NTRAJ = 1000;
    const hist = new Float64Array(BINS + 1); // last bin: no click within [0, BINS·W)
    for (let k = 0; k < NTRAJ; k++) {
      const [b] = blocks(
        await lastValueFrom(
          photonCounting(l, fockKet(s, 1), { dt: W, samples: BINS, noiseSeed: 5, trajectory: k, blockLength: BINS }).pipe(toArray()),
        ),
      );
      const c = b.columns.counts.data;
      let first = BINS;
      let clicks = 0;
      for (let i = 0; i < BINS; i++) {
        clicks += c[i];
        if (c[i] > 0 && first === BINS) first = i;
      }
      expect(clicks).toBeLessThanOrEqual(1);
      hist[first]++;
    }
    // P(bin i) = e^{−γ i W} − e^{−γ (i+1) W}; tail e^{−γ BINS W}
    let chi2 = 0;
    for (let i = 0; i <= BINS; i++) {
      const p = i < BINS ? Math.exp(-GAMMA * i * W) - Math.exp(-GAMMA * (i + 1) * W) : Math.exp(-GAMMA * BINS * W);
      chi2 += (hist[i] - NTRAJ * p) ** 2 / (NTRAJ * p);
    }
    // 30 degrees of freedom (31 bins − 1): 99.9% quantile 59.7
    expect(chi2).toBeLessThan(59.7);
    // KS distance at the bin edges (a discretised KS test, conservative): 1.63/√N is its 99% point
    let cdf = 0;
    let ks = 0;
    for (let i = 0; i < BINS; i++) {
      cdf += hist[i] / NTRAJ;
      ks = Math.max(ks, Math.abs(cdf - (1 - Math.exp(-GAMMA * (i + 1) * W))));
    }
    expect(ks).toBeLessThan(1.63 / Math.sqrt(NTRAJ));
  });

  it('a driven two-level system clicks when ‖e^{−iH_eff t}|0⟩‖² reaches u, and restarts from |0⟩ at that time', async () => {
    // H = (Ω/2)σx, J = √γ σ−, from |0⟩. photonCounting draws its first threshold as
    // 1 − trajectoryRng(seed, k).uniform(). Independently: the click time t* solves
    // ‖e^{−iH_eff t}|0⟩‖² = u (bisection on 2×2 expm), and after the click the conditional state at
    // the next sample t_k is e^{−iH_eff (t_k − t*)}|0⟩ normalised, so ⟨σz⟩_c(t_k) carries t*'s error
    // (slope ~Ω). RK4 steps of 0.005 are accurate to ~1e-9 here (the default step, 0.1 here, to
    // ~4e-6); a click placed at a step end (no root finding) misses by up to a step, ~1e-2 in ⟨σz⟩.
    const OMEGA = 3;
    const driven = lindbladian(scaled(sigmaX(s), OMEGA / 2), [{ rate: GAMMA, jump: sigmaMinus(s) }]);
    const noJump = (t: number) => {
      const e = expm(denseFromArrays([[0, 0], [0, (-GAMMA * t) / 2]], [[0, (-OMEGA * t) / 2], [(-OMEGA * t) / 2, 0]])).data;
      const [r0, i0, r1, i1] = [e[0], e[1], e[4], e[5]]; // first column: e^{M}|0⟩
      const p = r0 * r0 + i0 * i0 + r1 * r1 + i1 * i1;
      return { p, sz: (r1 * r1 + i1 * i1 - r0 * r0 - i0 * i0) / p };
    };
    const W = 0.1;
    let checked = 0;
    for (let k = 0; k < 12; k++) {
      const u = 1 - trajectoryRng(21, k).uniform();
      let lo = 0;
      let hi = 1;
      while (noJump(hi).p > u) hi *= 2;
      for (let it = 0; it < 200 && hi - lo > 1e-14; it++) {
        const mid = 0.5 * (lo + hi);
        if (noJump(mid).p > u) lo = mid;
        else hi = mid;
      }
      const tStar = 0.5 * (lo + hi);
      const bin = Math.floor(tStar / W);
      const recs = await lastValueFrom(
        photonCounting(driven, fockKet(s, 0), { dt: W, samples: bin + 2, expect: { sz: sigmaZ(s) }, noiseSeed: 21, trajectory: k, maxStep: 0.005 }).pipe(
          toArray(),
        ),
      );
      const [b] = blocks(recs);
      const counts = b.columns.counts.data;
      expect(counts.slice(0, bin).every((c) => c === 0)).toBe(true);
      expect(counts[bin]).toBeGreaterThanOrEqual(1);
      if (counts[bin] === 1) {
        expectClose(b.columns.sz.data[2 * (bin + 1)], noJump((bin + 1) * W - tStar).sz, { atol: 1e-6 });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8);
  });
});

describe('photonCounting: stream contract, seeds, cancellation, errors', () => {
  const cfg = { dt: DT, samples: SAMPLES, expect: { a }, noiseSeed: 3 };

  it('emits a schema then gap-free blocks (validateSampleStream), with progress', async () => {
    const progress: number[] = [];
    const recs = await lastValueFrom(
      photonCounting(vdp, psi0, { ...cfg, blockLength: 8 })
        .withProgress()
        .pipe(tapProgress((p) => progress.push(p.done)), validateSampleStream(), toArray()),
    );
    expect(recs[0].kind).toBe('schema');
    expect(blocks(recs).map((b) => b.length)).toEqual([8, 8, 5]);
    expect(progress[progress.length - 1]).toBe(SAMPLES);
  });

  it('trajectory k is reproducible on its own; different k differ', async () => {
    const run = async (k: number) =>
      blocks(await lastValueFrom(photonCounting(vdp, psi0, { ...cfg, trajectory: k }).pipe(toArray())))[0].columns.a.data;
    const [x, y, z] = [await run(4), await run(4), await run(5)];
    expect(Array.from(x)).toEqual(Array.from(y));
    expect(Array.from(x)).not.toEqual(Array.from(z));
  });

  it('stops when unsubscribed (take(2): schema and first block only)', async () => {
    const recs = await lastValueFrom(photonCounting(vdp, psi0, { ...cfg, blockLength: 4 }).pipe(take(2), toArray()));
    expect(recs.map((r) => r.kind)).toEqual(['schema', 'block']);
  });

  it('rejects bad input with the parameter named', () => {
    expect(() => photonCounting(vdp, psi0, { ...cfg, dt: 0 })).toThrow(/'dt'/);
    expect(() => photonCounting(vdp, psi0, { ...cfg, samples: 1.5 })).toThrow(/'samples'/);
    expect(() => photonCounting(vdp, psi0, { ...cfg, noiseSeed: 0.5 })).toThrow(/'noiseSeed'/);
    expect(() => photonCounting(vdp, psi0, { ...cfg, monitored: [{ dissipator: 3 }] })).toThrow(/monitored\[0\]\.dissipator/);
    expect(() => photonCounting(vdp, psi0, { ...cfg, monitored: [{ dissipator: 2, efficiency: 1.2 }] })).toThrow(
      /efficiency must be a number in \[0, 1\]/,
    );
    expect(() => photonCounting(vdp, psi0, { ...cfg, monitored: [{ dissipator: 2 }], state: 'ket' })).toThrow(/'ket' needs/);
    expect(() => photonCounting(vdp, fockKet(spinHalfSpace(), 0), cfg)).toThrow(/'initial' must have dimension 10/);
  });
});
