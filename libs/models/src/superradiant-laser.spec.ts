import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { steadyState } from '@qsync/integrators';
import { csrToDense } from '@qsync/linalg';
import { expect as expectValue, heisenberg, plus, scaled } from '@qsync/operators';
import { spinEnsemble } from './spin-ensemble';
import { superradiantLaser } from './superradiant-laser';

const atoms = { gammaPlus: 1, gammaMinus: 0.2 };

/** Steady-state s_z, ⟨σ+σ−⟩, ⟨σzσz⟩ of the laser at κ with Ω chosen so that 4NΩ²/κ = V. */
function laserAt(n: number, V: number, kappa: number, cutoff: number): number[] {
  const laser = superradiantLaser({ N: n, cutoff, Omega: Math.sqrt((V * kappa) / (4 * n)), kappa, ...atoms });
  const { rho } = steadyState(laser.lindbladian);
  const o = laser.operators;
  return [o.sigmaZ, o.sigmaPlusSigmaMinus, o.sigmaZSigmaZ].map((op) => expectValue(op, rho).re);
}

describe('superradiantLaser (Eq. 4.59)', () => {
  it.each([2, 3])(
    'approaches the spin ensemble (4.52) with V = 4NΩ²/κ in the bad-cavity limit, N = %d: the gap halves as κ doubles',
    (n) => {
      // Adiabatic elimination of the cavity (a ≈ −2iΩS−/κ, Eq. 4.60) drops terms of relative
      // order (rates)/κ, so the gap in s_z, ⟨σ+σ−⟩, ⟨σzσz⟩ at fixed V must scale as 1/κ.
      // Cutoff 5: the cavity holds ⟨a†a⟩ ≈ (V/Nκ)⟨S+S−⟩ < 0.01 photons; cutoffs 4 and 6 agree to 1e-8 here.
      const V = 3;
      const ens = spinEnsemble({ N: n, V, ...atoms });
      const { rho } = steadyState(ens.lindbladian);
      const ref = [ens.operators.sigmaZ, ens.operators.sigmaPlusSigmaMinus, ens.operators.sigmaZSigmaZ].map((op) => expectValue(op, rho).re);
      const gap = (kappa: number) => Math.max(...laserAt(n, V, kappa, 5).map((v, i) => Math.abs(v - ref[i])));
      const [g1, g2, g3] = [100, 200, 400].map(gap);
      expect(g1 / g2).toBeGreaterThan(1.9);
      expect(g1 / g2).toBeLessThan(2.1);
      expect(g2 / g3).toBeGreaterThan(1.9);
      expect(g2 / g3).toBeLessThan(2.1);
      expect(g3).toBeLessThan(3e-3);
    },
  );

  it('keeps the cavity nearly empty in the bad-cavity limit: ⟨a†a⟩ ≈ (4Ω²/κ²)⟨S+S−⟩ (a = −2iΩS−/κ, Eq. 4.60)', () => {
    const n = 2;
    const kappa = 400;
    const laser = superradiantLaser({ N: n, cutoff: 5, Omega: Math.sqrt((3 * kappa) / (4 * n)), kappa, ...atoms });
    const { rho } = steadyState(laser.lindbladian);
    const photons = expectValue(laser.operators.n, rho).re;
    const adiabatic = ((4 * laser.parameters.Omega ** 2) / kappa ** 2) * expectValue(laser.operators.SplusSminus, rho).re;
    expectClose(photons, adiabatic, { rtol: 0.02 });
    expectClose(laser.badCavityCoupling, 3, { rtol: 1e-14 });
  });

  it('moves the cavity field as ȧ = −(κ/2)a − iΩS− (Eq. 4.60 without the factor N it prints), as an operator identity', () => {
    // i[Ω(a†S− + aS+), a] = −iΩS−; with the printed −iNΩS−, setting ȧ = 0 would not give the
    // a = −2iΩS−/κ and V = 4NΩ²/κ that the text derives next
    const laser = superradiantLaser({ N: 3, cutoff: 4, Omega: 0.7, kappa: 5, ...atoms });
    const o = laser.operators;
    const expected = plus(scaled(o.a, -5 / 2), scaled(o.Sminus, { re: 0, im: -0.7 }));
    // entries between states below the top Fock level only: the truncated a† has [a, a†] ≠ 1 there
    const size = laser.space.size;
    const below = (k: number) => Math.floor(k / 8) < 3; // cavity index (first factor) < cutoff − 1
    const block = (m: typeof o.a) => {
      const d = csrToDense(m.matrix).data;
      const out: number[] = [];
      for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (below(r) && below(c)) out.push(d[2 * (r * size + c)], d[2 * (r * size + c) + 1]);
      return out;
    };
    expectClose(block(heisenberg(laser.lindbladian, o.a)), block(expected), { atol: 1e-14 });
  });

  it('refuses bad parameters by name', () => {
    const ok = { N: 2, cutoff: 4, Omega: 1, kappa: 10, ...atoms };
    expect(() => superradiantLaser({ ...ok, kappa: 0 })).toThrow(/'kappa'.*> 0, got 0/);
    expect(() => superradiantLaser({ ...ok, N: 9 })).toThrow(/'N'.*≤ 8, got 9/);
    expect(() => superradiantLaser({ ...ok, cutoff: 1 })).toThrow(/'cutoff'.*≥ 2, got 1/);
    expect(() => superradiantLaser({ ...ok, gammaPlus: 0, gammaMinus: 0 })).toThrow(/gammaPlus \+ gammaMinus must be > 0/);
  });
});
