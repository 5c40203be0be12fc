import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import {
  applyLindbladianInto,
  dagger,
  destroy,
  embed,
  fockSpace,
  minus,
  power,
  times,
  lindbladian,
  plus,
  scaled,
  sigmaMinus,
  sigmaPlus,
  sigmaZ,
  spinHalfSpace,
  tensorSpace,
  type Lindbladian,
} from '@qsync/operators';
import { compileLindbladRhs } from './lindblad-rhs';
import { vdpPair } from './test-support/vdp-pair';

function randomMatrix(n: number, seed: number, hermitian: boolean): Float64Array {
  let state = seed >>> 0;
  const rand = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296 - 0.5;
  };
  const x = new Float64Array(2 * n * n);
  for (let k = 0; k < x.length; k++) x[k] = rand();
  if (hermitian) {
    for (let i = 0; i < n; i++) {
      x[2 * (i * n + i) + 1] = 0;
      for (let j = 0; j < i; j++) {
        x[2 * (i * n + j)] = x[2 * (j * n + i)];
        x[2 * (i * n + j) + 1] = -x[2 * (j * n + i) + 1];
      }
    }
  }
  return x;
}

function reference(l: Lindbladian, rho: Float64Array): Float64Array {
  const n = l.left.rows;
  const out = { rows: n, cols: n, data: new Float64Array(2 * n * n) };
  applyLindbladianInto(out, l, { rows: n, cols: n, data: rho });
  return out.data;
}

describe('compileLindbladRhs', () => {
  // Both sides sum the same O(10) products of O(1) numbers per entry: agreement to a few ulps
  // of the largest entry (|L ρ| ~ 100 here) is what rounding allows.
  const atol = 1e-12;

  it('equals the reference Lindbladian on the vdP pair (Hermitian half path)', () => {
    const l = vdpPair(5).l;
    const rhs = compileLindbladRhs(l);
    expect(rhs.hermitian).toBe(true);
    const rho = randomMatrix(25, 7, true);
    const out = new Float64Array(rho.length);
    rhs.applyInto(out, rho);
    expectClose(out, reference(l, rho), { atol });
  });

  it('merges terms of equal shift: the vdP pair needs few passes', () => {
    // left/right: diagonal (one sum term) and a†b, b†a on each side (4); sandwiches a†·a, b†·b,
    // a·a† (κ and V merged), b·b†, a²·a²†, b²·b²†, a·b†, b·a† (8).
    expect(compileLindbladRhs(vdpPair(4).l).terms).toBe(13);
  });

  it('equals the reference on a non-Hermitian input and a generator with a cross dissipator', () => {
    const s = tensorSpace(spinHalfSpace(), spinHalfSpace());
    const sA = embed(sigmaMinus(spinHalfSpace()), s, 0);
    const sB = embed(sigmaMinus(spinHalfSpace()), s, 1);
    const H = plus(embed(sigmaZ(spinHalfSpace()), s, 0), scaled(embed(sigmaPlus(spinHalfSpace()), s, 0), 0)); // σz_A
    const l = lindbladian(H, [
      { rate: 0.7, jump: sA },
      { rate: -0.4, jump: sA, jump2: sB }, // alone it does not preserve Hermiticity
    ]);
    const rhs = compileLindbladRhs(l);
    expect(rhs.hermitian).toBe(false);
    const rho = randomMatrix(4, 3, false);
    const out = new Float64Array(rho.length);
    rhs.applyInto(out, rho);
    expectClose(out, reference(l, rho), { atol });
  });

  it('equals the reference with complex jump operators and a complex Hamiltonian', () => {
    // Fock and spin operators have real entries; a phase on a jump (e^{iθ}a, a + i·b) and a
    // Hamiltonian i(a†b − b†a) make every stencil factor complex.
    const mode = fockSpace(4);
    const s = tensorSpace(mode, mode);
    const a = embed(destroy(mode), s, 0);
    const b = embed(destroy(mode), s, 1);
    const hop = times(dagger(a), b);
    const H = scaled(minus(hop, dagger(hop)), { re: 0, im: 0.7 });
    const l = lindbladian(H, [
      { rate: 0.9, jump: scaled(a, { re: Math.cos(0.4), im: Math.sin(0.4) }) },
      { rate: 0.5, jump: plus(b, scaled(a, { re: 0, im: 1 })) },
      { rate: 0.3, jump: scaled(power(dagger(b), 2), { re: 0.6, im: -0.8 }) },
    ]);
    const rhs = compileLindbladRhs(l);
    expect(rhs.hermitian).toBe(true);
    const rho = randomMatrix(16, 5, true);
    const out = new Float64Array(rho.length);
    rhs.applyInto(out, rho);
    expectClose(out, reference(l, rho), { atol });
  });

  it('preserves the trace: Tr L(ρ) = 0', () => {
    const l = vdpPair(6, { kappa: 0.5, kappa1: 2, kappa2: 0.2, delta: 1.3, V: 0.7 }).l;
    const rhs = compileLindbladRhs(l);
    const rho = randomMatrix(36, 11, true);
    const out = new Float64Array(rho.length);
    rhs.applyInto(out, rho);
    let tr = 0;
    for (let i = 0; i < 36; i++) tr += out[2 * (i * 36 + i)];
    expectClose(tr, 0, { atol: 1e-12 });
  });

  it('rejects a malformed generator', () => {
    const l = vdpPair(3, { kappa1: 1, delta: 0 }).l;
    expect(() => compileLindbladRhs({ ...l, right: { ...l.right, rows: 2 } })).toThrow(/'right' must be 9×9/);
  });
});
