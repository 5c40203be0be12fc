import { expectClose } from '@qsync/testing';
import { coherentKet, create, destroy, fockSpace, lindbladian, num, pureState, scaled } from '@qsync/operators';
import { describe, expect, it } from 'vitest';
import { compileLindbladRhs } from './lindblad-rhs';
import { compileMeanFieldRhs } from './compile-mean-field-rhs';
import { vdpMeanField } from './test-support/vdp-mean-field';

describe('compileMeanFieldRhs', () => {
  it('adds −i[H_mf(ρ), ρ] to L0 ρ: the commutator with the dense H_mf = c⟨X⟩Y + h.c. written out', () => {
    // independent: H_mf formed as a dense matrix and −i(Hρ − ρH) by plain matrix products
    const n = 7;
    const { equation, l0, a } = vdpMeanField(n, { kappa1: 1.3, kappa2: 0.4, V: 2.2 });
    const rho = pureState(coherentKet(fockSpace(n), { re: 0.6, im: -0.3 })).matrix.data;
    const out = new Float64Array(2 * n * n);
    compileMeanFieldRhs(equation).applyInto(out, rho);
    const base = new Float64Array(2 * n * n);
    compileLindbladRhs(l0).applyInto(base, rho);
    // A = Tr[aρ] = Σ_i √(i+1) ρ_{i+1,i}
    let ar = 0;
    let ai = 0;
    for (let i = 0; i + 1 < n; i++) {
      ar += Math.sqrt(i + 1) * rho[2 * ((i + 1) * n + i)];
      ai += Math.sqrt(i + 1) * rho[2 * ((i + 1) * n + i) + 1];
    }
    expect(a.matrix.rows).toBe(n);
    // H = (iV/2)(A a† − A* a): H_{i+1,i} = (iV/2)A√(i+1), H_{i,i+1} = conj
    const h = new Float64Array(2 * n * n);
    const g = 2.2 / 2;
    for (let i = 0; i + 1 < n; i++) {
      const s = Math.sqrt(i + 1);
      h[2 * ((i + 1) * n + i)] = -g * ai * s;
      h[2 * ((i + 1) * n + i) + 1] = g * ar * s;
      h[2 * (i * n + i + 1)] = -g * ai * s;
      h[2 * (i * n + i + 1) + 1] = -g * ar * s;
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let cr = 0;
        let ci = 0;
        for (let k = 0; k < n; k++) {
          const [hr, hi, pr, pi] = [h[2 * (i * n + k)], h[2 * (i * n + k) + 1], rho[2 * (k * n + j)], rho[2 * (k * n + j) + 1]];
          const [qr, qi, kr, ki] = [rho[2 * (i * n + k)], rho[2 * (i * n + k) + 1], h[2 * (k * n + j)], h[2 * (k * n + j) + 1]];
          cr += hr * pr - hi * pi - (qr * kr - qi * ki);
          ci += hr * pi + hi * pr - (qr * ki + qi * kr);
        }
        // −i·(commutator)
        expectClose(out[2 * (i * n + j)], base[2 * (i * n + j)] + ci, { atol: 1e-14 });
        expectClose(out[2 * (i * n + j) + 1], base[2 * (i * n + j) + 1] - cr, { atol: 1e-14 });
      }
    }
  });

  it('keeps the trace and Hermiticity, and reports the mean fields', () => {
    const n = 6;
    const { equation } = vdpMeanField(n, { V: 3 });
    const rho = pureState(coherentKet(fockSpace(n), { re: 0.4, im: 0.5 })).matrix.data;
    const rhs = compileMeanFieldRhs(equation);
    const out = new Float64Array(2 * n * n);
    rhs.applyInto(out, rho);
    let tr = 0;
    for (let i = 0; i < n; i++) tr += out[2 * (i * n + i)];
    expect(Math.abs(tr)).toBeLessThan(1e-14);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        expect(Math.abs(out[2 * (i * n + j)] - out[2 * (j * n + i)])).toBeLessThan(1e-14);
        expect(Math.abs(out[2 * (i * n + j) + 1] + out[2 * (j * n + i) + 1])).toBeLessThan(1e-14);
      }
    }
    // a coherent state at 20 levels: Tr[aρ] = α up to a tail |α|^40/20! ~ 1e-25
    const big = vdpMeanField(20, { V: 3 });
    const field = new Float64Array(2);
    compileMeanFieldRhs(big.equation).meanFieldsInto(field, pureState(coherentKet(fockSpace(20), { re: 0.4, im: 0.5 })).matrix.data);
    expectClose(field[0], 0.4, { rtol: 1e-14 });
    expectClose(field[1], 0.5, { rtol: 1e-14 });
  });

  it('refuses terms on another space and a non-finite c', () => {
    const { equation } = vdpMeanField(4);
    const other = destroy(fockSpace(5));
    expect(() => compileMeanFieldRhs({ ...equation, terms: [{ c: { re: 0, im: 1 }, x: other, y: create(fockSpace(4)) }] })).toThrow(
      /terms\[0\]\.x must act on the Lindbladian's space, dims \[4\]/,
    );
    expect(() => compileMeanFieldRhs({ ...equation, terms: [{ c: { re: Number.NaN, im: 0 }, x: destroy(fockSpace(4)), y: create(fockSpace(4)) }] })).toThrow(
      /terms\[0\]\.c must be a complex number/,
    );
    expect(() => compileMeanFieldRhs({ lindbladian: lindbladian(scaled(num(fockSpace(2)), 0), []) } as never)).toThrow(/'equation' must be/);
  });
});
