/**
 * Cross-library validation against QuTiP 4.7.1 on the quantum van-der-Pol models of thesis
 * Ch. 4.1. Fixtures: test/fixtures/qutip-vdp.json, made by tools/reference/qutip_vdp.py
 * (QuTiP's direct steady state and zvode mesolve at atol 1e-12, rtol 1e-10).
 */
import { describe, expect, it } from 'vitest';
import { lastValueFrom, toArray } from 'rxjs';
import { expectClose } from '@qsync/testing';
import { eigenvalues, type DenseMatrix } from '@qsync/linalg';
import { coherentKet, expect as expectValue, liouvillianMatrix, partialTrace, pureState, tensorKet } from '@qsync/operators';
import { mesolve, steadyState } from '@qsync/integrators';
import { coupledVanDerPol, quantumVanDerPol } from '@qsync/models';
import { husimiQ } from '@qsync/probes';
import type { ComplexChannel } from '@qsync/frames';
import fixture from './fixtures/qutip-vdp.json' with { type: 'json' };

const { pair_a, pair_b, single_c, quantum_limit_d, qfunc_e, liouvillian_spectrum_f } = fixture.cases;
type PairCase = typeof pair_a;

function pairModel(c: PairCase, cutoff = c.params.N) {
  const p = c.params;
  return coupledVanDerPol({ cutoff, kappa: p.kappa, kappa1: p.kappa1, kappa2: p.kappa2, delta: p.delta, V: p.V });
}

describe.each([
  ['pair_a (κ = κ2 = 1, κ1 = 3, δ = 0.5, V = 1, N = 12)', pair_a],
  ['pair_b (κ = κ2 = 0.5, κ1 = 2, δ = 1.3, V = 0.7, N = 12)', pair_b],
])('coupled quantum vdP (Eq. 4.8) vs QuTiP: %s', (_, c) => {
  const model = pairModel(c);

  it('steady-state <a†b> and <a†a> agree to 1e-6 relative', () => {
    const ss = steadyState(model.lindbladian);
    // Both codes solve the same linear system to ~1e-15 (QuTiP's residual is in the fixture);
    // 1e-6 relative is the requirement, and what we measure is ~1e-14.
    const ab = expectValue(model.operators.adagb, ss.rho);
    const abs = Math.hypot(c.steady.adagb[0], c.steady.adagb[1]);
    expectClose([ab.re, ab.im], c.steady.adagb, { atol: 1e-6 * abs });
    expectClose(expectValue(model.operators.na, ss.rho).re, c.steady.n_a, { rtol: 1e-6 });
    expectClose(expectValue(model.operators.nb, ss.rho).re, c.steady.n_b, { rtol: 1e-6 });
    expect(ss.residual).toBeLessThan(1e-12);
  });

  it('mesolve <a†b>(t) from coherent states agrees to 1e-5', async () => {
    const m = c.mesolve;
    const rho0 = pureState(
      tensorKet(
        coherentKet(model.modeA, { re: m.alpha[0], im: m.alpha[1] }),
        coherentKet(model.modeB, { re: m.beta[0], im: m.beta[1] }),
      ),
    );
    const frames = await lastValueFrom(
      mesolve(model.lindbladian, rho0, m.t, { expect: { adagb: model.operators.adagb, na: model.operators.na } }).pipe(toArray()),
    );
    expect(frames).toHaveLength(m.t.length);
    let worst = 0;
    frames.forEach((f, k) => {
      const ab = f.channels.adagb as ComplexChannel;
      worst = Math.max(worst, Math.hypot(ab.re - m.adagb_re[k], ab.im - m.adagb_im[k]));
      // Trace is conserved by the generator; the integrator keeps it to rounding (1e-10 required).
      expectClose((f.channels.trace as { value: number }).value, m.trace[k], { atol: 1e-10 });
    });
    // qsync runs at rtol 1e-8/atol 1e-10 (defaults) and the fixture at 1e-10/1e-12: the measured
    // difference is ~1e-10; the issue asks for 1e-5.
    expect(worst).toBeLessThan(1e-5);
    const na = frames.map((f) => (f.channels.na as ComplexChannel).re);
    expectClose(na, m.n_a, { atol: 1e-5 });
  });
});

describe('single quantum vdP (Eq. 4.1, Fig. 4.1 parameters) vs QuTiP', () => {
  const p = single_c.params;
  const vdp = quantumVanDerPol({ cutoff: p.N, omega: p.omega, kappa1: p.kappa1, kappa2: p.kappa2, kappa: p.kappa });

  it('steady-state populations agree to 1e-10', () => {
    const { rho } = steadyState(vdp.lindbladian);
    const pops = Array.from({ length: p.N }, (_, i) => rho.matrix.data[2 * (i * p.N + i)]);
    // QuTiP's populations agree with an independent rate-equation solve to 1e-15 (fixture).
    expectClose(pops, single_c.steady.populations, { atol: 1e-10 });
  });

  it('mesolve <a>(t) from |α = 2> agrees to 1e-6', async () => {
    const rho0 = pureState(coherentKet(vdp.space, { re: single_c.mesolve.alpha[0], im: single_c.mesolve.alpha[1] }));
    const frames = await lastValueFrom(mesolve(vdp.lindbladian, rho0, single_c.mesolve.t, { expect: { a: vdp.operators.a } }).pipe(toArray()));
    const re = frames.map((f) => (f.channels.a as ComplexChannel).re);
    const im = frames.map((f) => (f.channels.a as ComplexChannel).im);
    expectClose(re, single_c.mesolve.a_re, { atol: 1e-6 });
    expectClose(im, single_c.mesolve.a_im, { atol: 1e-6 });
  });

  it('approaches (2|0><0| + |1><1|)/3 in the quantum limit, as QuTiP does', () => {
    for (const q of quantum_limit_d.cases) {
      const m = quantumVanDerPol({ cutoff: q.params.N, kappa1: q.params.kappa1, kappa2: q.params.kappa2 });
      const { rho } = steadyState(m.lindbladian);
      const pops = Array.from({ length: q.params.N }, (_, i) => rho.matrix.data[2 * (i * q.params.N + i)]);
      // The rates span κ1 = 1 to κ2·N(N−1) = 3e5: the solve loses log10(3e5) ≈ 5.5 digits to
      // conditioning in either code, so agreement to 1e-10 is what double precision allows.
      expectClose(pops, q.populations, { atol: 1e-10 });
    }
    const extreme = quantum_limit_d.cases.find((q) => q.params.kappa2 === 1e4);
    expect(extreme).toBeDefined();
    expectClose(extreme?.populations.slice(0, 2) ?? [], quantum_limit_d.limit_populations, { atol: 1e-4 });
  });
});

describe('probes and spectra vs QuTiP', () => {
  it('Husimi Q of oscillator A in the pair_a steady state equals qutip.qfunc', () => {
    const model = pairModel(pair_a);
    const rhoA = partialTrace(steadyState(model.lindbladian).rho, [0]);
    const q = husimiQ(rhoA, { re: qfunc_e.xvec, im: qfunc_e.pvec });
    // Same layout as the fixture: p slow, x fast; α = x + i p.
    expectClose(q, qfunc_e.Q, { atol: 1e-10 });
  });

  it('the 8 slowest Liouvillian eigenvalues at N = 4 equal numpy.linalg.eigvals of QuTiP’s Liouvillian', () => {
    const model = pairModel(pair_a as PairCase, liouvillian_spectrum_f.params.N);
    const L = liouvillianMatrix(model.lindbladian);
    const m = L.rows;
    const dense: DenseMatrix = { rows: m, cols: m, data: new Float64Array(2 * m * m) };
    for (let i = 0; i < m; i++) {
      for (let p = L.rowPtr[i]; p < L.rowPtr[i + 1]; p++) {
        dense.data[2 * (i * m + L.colIdx[p])] = L.data[2 * p];
        dense.data[2 * (i * m + L.colIdx[p]) + 1] = L.data[2 * p + 1];
      }
    }
    const ev = eigenvalues(dense);
    const pairs = Array.from({ length: m }, (_, k) => [ev[2 * k], ev[2 * k + 1]]).sort((x, y) => y[0] - x[0]);
    const ours = pairs.slice(0, 8);
    // Compare as multisets: match each QuTiP eigenvalue to the nearest unused one of ours.
    const used = new Set<number>();
    liouvillian_spectrum_f.re.forEach((re, k) => {
      const im = liouvillian_spectrum_f.im[k];
      let best = -1;
      let dist = Infinity;
      ours.forEach(([r, i], j) => {
        const d = Math.hypot(r - re, i - im);
        if (!used.has(j) && d < dist) [best, dist] = [j, d];
      });
      used.add(best);
      // Eigenvalues of a non-normal 256×256 matrix: both QR codes are accurate to ~1e-12 here;
      // the fourfold cluster is only determined to ~√eps·|λ| ≈ 1e-8 in the worst case.
      expect(dist).toBeLessThan(1e-7);
    });
    // the ninth real part is numpy's too: the cut at 8 falls in a real gap (−4.2097 to −4.2156)
    expectClose(pairs[8][0], liouvillian_spectrum_f.next_re, { atol: 1e-7 });
  });
});
