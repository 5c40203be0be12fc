import { createRng, csrMatvecInto, csrToDense, denseAdd, denseNormMax, denseScale, expm } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { plus, scaled, times } from './algebra';
import { applyLindbladianInto } from './apply-lindbladian-into';
import { dickeLindbladian } from './dicke-lindbladian';
import { dickeLiouvillianMatrix } from './dicke-liouvillian-matrix';
import { dickeSpace } from './dicke-space';
import { dickeSpin } from './dicke-spin';
import { dickeToTensor } from './dicke-to-tensor';
import { lindbladian } from './lindbladian';
import { liouvillianMatrix } from './liouvillian-matrix';
import type { Dissipator } from './lindbladian';
import { randomDickeState, tensorSpins } from './test-support/tensor-spins';

/**
 * The generator against the tensor-product Liouvillian of `lindbladian`: for a random
 * permutation-invariant ρ, the full matrix of L_PI·ρ must equal L_full applied to the full
 * matrix of ρ. Both sides are linear maps evaluated in double precision on O(1) numbers: 1e-12
 * absolute leaves room for ~100 roundings and is far below any wrong coefficient (≥ 1e-2 here).
 */
function compare(n: number, local: { gain?: number; loss?: number; dephasing?: number }, withCollective: boolean) {
  const s = dickeSpace(n);
  const t = tensorSpins(n);
  const Sp = dickeSpin(s, '+');
  const Sm = dickeSpin(s, '-');
  const Sz = dickeSpin(s, 'z');
  const Sx = dickeSpin(s, 'x');
  const Sy = dickeSpin(s, 'y');
  const hPi = withCollective ? plus(plus(scaled(Sz, 0.7), scaled(Sx, 0.3)), plus(scaled(Sy, -0.2), scaled(times(Sp, Sm), 0.11))) : null;
  const hT = withCollective
    ? plus(plus(scaled(t.Sz, 0.7), scaled(t.Sx, 0.3)), plus(scaled(t.Sy, -0.2), scaled(times(t.Sp, t.Sm), 0.11)))
    : scaled(t.Sz, 0);
  const cPi: Dissipator[] = withCollective
    ? [
        { rate: 0.9, jump: Sm },
        { rate: 0.4, jump: Sp },
        { rate: 0.3, jump: Sz },
      ]
    : [];
  const cT: Dissipator[] = withCollective
    ? [
        { rate: 0.9, jump: t.Sm },
        { rate: 0.4, jump: t.Sp },
        { rate: 0.3, jump: t.Sz },
      ]
    : [];
  for (let i = 0; i < n; i++) {
    if (local.gain) cT.push({ rate: local.gain, jump: t.local('plus', i) });
    if (local.loss) cT.push({ rate: local.loss, jump: t.local('minus', i) });
    if (local.dephasing) cT.push({ rate: local.dephasing, jump: t.local('z', i) });
  }
  const lPi = dickeLindbladian(s, hPi, cPi, local);
  const lT = lindbladian(hT, cT);
  const { matrix, indices } = dickeLiouvillianMatrix(lPi);
  expect(Array.from(indices)).toEqual(Array.from({ length: s.size }, (_, k) => k));
  const rho = randomDickeState(createRng(7 + n), s);
  const out = new Float64Array(2 * s.size);
  csrMatvecInto(out, matrix, rho.data);
  const viaPi = dickeToTensor({ space: s, data: out }).matrix;
  const full = dickeToTensor(rho).matrix;
  const viaT = applyLindbladianInto({ rows: full.rows, cols: full.cols, data: new Float64Array(full.data.length) }, lT, full);
  const scale = denseNormMax(viaT);
  expect(scale).toBeGreaterThan(0.1);
  expect(denseNormMax(denseAdd(viaPi, viaT, { re: 1, im: 0 }, { re: -1, im: 0 }))).toBeLessThan(1e-12);
}

describe('dickeLiouvillianMatrix', () => {
  for (const n of [1, 2, 3, 4, 5]) {
    it(`local loss alone equals Σ_i D[σ−_i] of the tensor product (N = ${n})`, () => compare(n, { loss: 1 }, false));
    it(`local gain alone equals Σ_i D[σ+_i] (N = ${n})`, () => compare(n, { gain: 1 }, false));
    it(`local dephasing alone equals Σ_i D[σz_i] (N = ${n})`, () => compare(n, { dephasing: 1 }, false));
  }
  it('everything at once (N = 4): H = 0.7Sz + 0.3Sx − 0.2Sy + 0.11S+S−, D[S−], D[S+], D[Sz], local gain, loss, dephasing', () =>
    compare(4, { gain: 0.8, loss: 0.25, dephasing: 0.6 }, true));
  it('odd N with everything (N = 5)', () => compare(5, { gain: 0.3, loss: 1.1, dephasing: 0.2 }, true));

  it('the population sector of a U(1)-symmetric generator is the population rows of the whole matrix', () => {
    const s = dickeSpace(6);
    const l = dickeLindbladian(s, times(dickeSpin(s, '+'), dickeSpin(s, '-')), [{ rate: 0.5, jump: dickeSpin(s, '-') }], {
      gain: 1,
      loss: 0.2,
      dephasing: 0.3,
    });
    expect(l.u1Symmetric).toBe(true);
    const whole = dickeLiouvillianMatrix(l);
    const block = dickeLiouvillianMatrix(l, { difference: 0 });
    expect(block.indices.length).toBe(16 + 9 + 4 + 1 - 14); // Σ_j (2j+1) = 7 + 5 + 3 + 1
    const x = new Float64Array(2 * s.size);
    const xb = new Float64Array(2 * block.indices.length);
    for (let k = 0; k < block.indices.length; k++) {
      x[2 * block.indices[k]] = k + 1;
      xb[2 * k] = k + 1;
    }
    const y = new Float64Array(2 * s.size);
    const yb = new Float64Array(2 * block.indices.length);
    csrMatvecInto(y, whole.matrix, x);
    csrMatvecInto(yb, block.matrix, xb);
    // exact: the same coefficients summed in the same order
    expectClose(
      Array.from(block.indices, (v) => y[2 * v]),
      Array.from(yb.filter((_, k) => k % 2 === 0)),
      { atol: 0 },
    );
  });

  it('refuses a sector of a generator that mixes sectors, naming the option', () => {
    const s = dickeSpace(3);
    const l = dickeLindbladian(s, dickeSpin(s, 'x'), [], { loss: 1 });
    expect(l.u1Symmetric).toBe(false);
    expect(() => dickeLiouvillianMatrix(l, { difference: 0 })).toThrow(/'difference' needs a U\(1\)-symmetric generator/);
    expect(() => dickeLiouvillianMatrix(dickeLindbladian(s, null, [], { loss: 1 }), { difference: 0.5 })).toThrow(
      /'difference' must be an integer/,
    );
    expect(() => dickeLiouvillianMatrix({} as never)).toThrow(/^dickeLiouvillianMatrix: argument 'l' must be a DickeLindbladian/);
    expect(() => dickeLiouvillianMatrix(null as never)).toThrow(/argument 'l' must be a DickeLindbladian/);
  });
});

describe('time evolution by the permutation-invariant generator (N = 4)', () => {
  it('exp(L_PI t) ρ0 equals the tensor-product evolution exp(L t) ρ0 at t = 0.7 and 2 (whole ρ to 1e-10)', () => {
    // Eq. (4.52) with dephasing, a collective drive 0.4 Sx + 0.9 Sz (so coherences evolve too) and
    // collective pumping; ρ0 a random PI state. Both sides are scaling-and-squaring expm of
    // well-scaled matrices (‖Lt‖ ≲ 20): errors ~1e-13, far below 1e-10; a 1 % wrong rate moves ρ(2) by ≥ 1e-4.
    const n = 4;
    const s = dickeSpace(n);
    const t = tensorSpins(n);
    const V = 3;
    const lPi = dickeLindbladian(
      s,
      plus(scaled(dickeSpin(s, 'x'), 0.4), scaled(dickeSpin(s, 'z'), 0.9)),
      [
        { rate: V / n, jump: dickeSpin(s, '-') },
        { rate: 0.2, jump: dickeSpin(s, '+') },
      ],
      { gain: 1, loss: 0.3, dephasing: 0.25 },
    );
    const cT: Dissipator[] = [
      { rate: V / n, jump: t.Sm },
      { rate: 0.2, jump: t.Sp },
    ];
    for (let i = 0; i < n; i++) {
      cT.push({ rate: 1, jump: t.local('plus', i) }, { rate: 0.3, jump: t.local('minus', i) }, { rate: 0.25, jump: t.local('z', i) });
    }
    const lT = lindbladian(plus(scaled(t.Sx, 0.4), scaled(t.Sz, 0.9)), cT);
    const mPi = csrToDense(dickeLiouvillianMatrix(lPi).matrix);
    const mT = csrToDense(liouvillianMatrix(lT));
    const rho0 = randomDickeState(createRng(11), s);
    const full0 = dickeToTensor(rho0).matrix.data;
    for (const time of [0.7, 2]) {
      const ePi = expm(denseScale(mPi, { re: time, im: 0 }));
      const eT = expm(denseScale(mT, { re: time, im: 0 }));
      const piT = new Float64Array(2 * s.size);
      const fullT = new Float64Array(full0.length);
      denseApply(piT, ePi.data, rho0.data, s.size);
      denseApply(fullT, eT.data, full0, full0.length / 2);
      const viaPi = dickeToTensor({ space: s, data: piT }).matrix.data;
      let diff = 0;
      let moved = 0;
      for (let k = 0; k < fullT.length; k++) {
        diff = Math.max(diff, Math.abs(viaPi[k] - fullT[k]));
        moved = Math.max(moved, Math.abs(fullT[k] - full0[k]));
      }
      expect(moved).toBeGreaterThan(1e-2);
      expect(diff).toBeLessThan(1e-10);
    }
  });
});

/** out = A·x for a dense n×n interleaved complex A. */
function denseApply(out: Float64Array, a: Float64Array, x: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    let re = 0;
    let im = 0;
    for (let j = 0; j < n; j++) {
      const ar = a[2 * (i * n + j)];
      const ai = a[2 * (i * n + j) + 1];
      re += ar * x[2 * j] - ai * x[2 * j + 1];
      im += ar * x[2 * j + 1] + ai * x[2 * j];
    }
    out[2 * i] = re;
    out[2 * i + 1] = im;
  }
}
