import { describe, expect, it } from 'vitest';
import { zdotc } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { coherentKet } from './coherent-ket';
import { expectKet } from './expect';
import { destroy, num } from './fock-operators';
import { fockSpace, spinHalfSpace } from './space';

describe('coherentKet (footnote to Eq. 4.11)', () => {
  it('has amplitudes e^{−|α|²/2} αⁿ/√(n!) and is not renormalised after truncation', () => {
    const alpha = { re: 0.6, im: -0.8 }; // |α| = 1
    const psi = coherentKet(fockSpace(3), alpha);
    const e = Math.exp(-0.5);
    // α² = (0.6 − 0.8i)² = −0.28 − 0.96i
    const expected = [e, 0, e * 0.6, -e * 0.8, (e * -0.28) / Math.SQRT2, (e * -0.96) / Math.SQRT2];
    // log-domain magnitude and cos/sin of the phase: a few ulps
    expectClose(psi.data, expected, { rtol: 1e-14, atol: 1e-16 });
    // norm² = e^{−1}(1 + 1 + 1/2), short of 1 by the truncated tail
    expectClose(zdotc(psi.data, psi.data).re, Math.exp(-1) * 2.5, { rtol: 1e-14 });
  });

  it('has ⟨a⟩ = α and ⟨n⟩ = |α|² when the tail beyond the cutoff is negligible', () => {
    // |α|² = 0.34, N = 30: weight beyond N is ≈ 0.34^30/30! ≈ 1e-46, far below 1e-12
    const alpha = { re: 0.5, im: 0.3 };
    const f = fockSpace(30);
    const psi = coherentKet(f, alpha);
    const a = expectKet(destroy(f), psi);
    // sums of 30 rounded terms of size ≤ 1: 1e-15 is ~10 ulps
    expectClose([a.re, a.im], [alpha.re, alpha.im], { rtol: 1e-14, atol: 1e-15 });
    expectClose(expectKet(num(f), psi).re, 0.34, { rtol: 1e-14 });
  });

  it('does not underflow for large |α| (|α|² = 900, N = 1200)', () => {
    const psi = coherentKet(fockSpace(1200), { re: 30, im: 0 });
    // tail beyond 1200 is 10 standard deviations (30) above the mean 900: negligible; the
    // norm is a sum of 1200 terms from exp/log of size ~900: relative error ~1e-12
    expectClose(zdotc(psi.data, psi.data).re, 1, { rtol: 1e-11 });
  });

  it('gives the vacuum for α = 0', () => {
    expect(Array.from(coherentKet(fockSpace(3), { re: 0, im: 0 }).data)).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it('rejects a non-finite α and a non-Fock space', () => {
    expect(() => coherentKet(fockSpace(3), { re: Number.NaN, im: 0 })).toThrow(
      "coherentKet: argument 'alpha' must be a finite number or Complex {re, im}, got {re: NaN, im: 0}",
    );
    expect(() => coherentKet(fockSpace(3), { re: 0, im: Infinity })).toThrow("coherentKet: argument 'alpha'");
    expect(() => coherentKet(spinHalfSpace(), { re: 1, im: 0 })).toThrow("coherentKet: argument 'space' must be a 'fock' space");
  });
});
