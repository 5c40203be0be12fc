import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { csrToDense } from '@qsync/linalg';
import { heisenberg, identity, minus, plus, scaled, times, type Operator } from '@qsync/operators';
import { coupledSpins } from './coupled-spins';

const dense = (o: Operator) => Array.from(csrToDense(o.matrix).data);

describe('coupledSpins (Eq. 4.35)', () => {
  it('L†σ+_A = (iδ/2 − (γ+ + γ− + V)/2)σ+_A + (V/2)σz_Aσ+_B: Eq. (4.38) before the mean-field step ⟨σz_Aσ+_B⟩ → s_z^A s+_B', () => {
    const [delta, V, gp, gm] = [0.7, 1.3, 0.4, 1.1];
    const pair = coupledSpins({ delta, V, gammaPlus: gp, gammaMinus: gm });
    const o = pair.operators;
    const expected = plus(scaled(o.sigmaPlusA, { re: -(gp + gm + V) / 2, im: delta / 2 }), scaled(times(o.sigmaZA, o.sigmaPlusB), V / 2));
    expectClose(dense(heisenberg(pair.lindbladian, o.sigmaPlusA)), dense(expected), { atol: 1e-15 });
    // and B rotates the other way (−δ/2)
    const expectedB = plus(scaled(o.sigmaPlusB, { re: -(gp + gm + V) / 2, im: -delta / 2 }), scaled(times(o.sigmaZB, o.sigmaPlusA), V / 2));
    expectClose(dense(heisenberg(pair.lindbladian, o.sigmaPlusB)), dense(expectedB), { atol: 1e-15 });
  });

  it('L†σz_A = (γ+ − γ− − V) − (γ+ + γ− + V)σz_A − V(σ+_Aσ−_B + σ+_Bσ−_A): the exact equation of (4.35), whose −V(⟨σ+_Aσ−_B⟩ + c.c.) Eq. (4.36) omits', () => {
    const [delta, V, gp, gm] = [0.7, 1.3, 0.4, 1.1];
    const pair = coupledSpins({ delta, V, gammaPlus: gp, gammaMinus: gm });
    const o = pair.operators;
    const exchange = plus(times(o.sigmaPlusA, o.sigmaMinusB), times(o.sigmaPlusB, o.sigmaMinusA));
    const expected = minus(
      minus(scaled(identity(pair.space), gp - gm - V), scaled(o.sigmaZA, gp + gm + V)),
      scaled(exchange, V),
    );
    // entries are O(1) (rates ≈ 1); both sides are sums of a few products of 0/±1 matrices
    expectClose(dense(heisenberg(pair.lindbladian, o.sigmaZA)), dense(expected), { atol: 1e-12 });
  });

  it('refuses bad parameters by name', () => {
    expect(() => coupledSpins({ V: -1, gammaPlus: 1, gammaMinus: 1 })).toThrow(/'V'.*≥ 0, got -1/);
    expect(() => coupledSpins({ V: 1, gammaPlus: 1, gammaMinus: 1, detuning: 1 } as never)).toThrow(/unknown parameter 'detuning'/);
    expect(() => coupledSpins({ V: 1, gammaPlus: 0, gammaMinus: 0 })).toThrow(/gammaPlus \+ gammaMinus must be > 0/);
  });
});
