import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { steadyState } from '@qsync/integrators';
import { heisenberg, identity, minus, scaled } from '@qsync/operators';
import { csrToDense } from '@qsync/linalg';
import { spinLimitCycle } from './spin-limit-cycle';

const dense = (o: { matrix: Parameters<typeof csrToDense>[0] }) => Array.from(csrToDense(o.matrix).data);

describe('spinLimitCycle (Eq. 4.26)', () => {
  it.each([
    [0.5, 1],
    [3, 0.2],
  ])('steady state at γ+ = %d, γ− = %d: s_z = (γ+ − γ−)/(γ+ + γ−) (4.29), ρ = (γ−|0⟩⟨0| + γ+|1⟩⟨1|)/(γ+ + γ−) (4.30)', (gp, gm) => {
    const spin = spinLimitCycle({ omega: 2, gammaPlus: gp, gammaMinus: gm });
    const { rho } = steadyState(spin.lindbladian);
    // basis (|0⟩, |1⟩), interleaved complex, row-major 2×2
    expectClose(Array.from(rho.matrix.data), [gm / (gp + gm), 0, 0, 0, 0, 0, gp / (gp + gm), 0], { atol: 1e-14 });
    const sz = rho.matrix.data[6] - rho.matrix.data[0];
    expectClose(sz, (gp - gm) / (gp + gm), { atol: 1e-14 });
  });

  it('ṡ_z and ṡ+ from the master equation are Eqs. (4.27), (4.28), as operator identities L†σz, L†σ+', () => {
    const gp = 0.7;
    const gm = 1.9;
    const w = 1.3;
    const spin = spinLimitCycle({ omega: w, gammaPlus: gp, gammaMinus: gm });
    const { sigmaZ, sigmaPlus } = spin.operators;
    // L†σz = (γ+ − γ−)·1 − (γ+ + γ−)σz
    const dz = minus(scaled(identity(spin.space), gp - gm), scaled(sigmaZ, gp + gm));
    expectClose(dense(heisenberg(spin.lindbladian, sigmaZ)), dense(dz), { atol: 1e-15 });
    // L†σ+ = (iω − (γ+ + γ−)/2) σ+
    const dp = scaled(sigmaPlus, { re: -(gp + gm) / 2, im: w });
    expectClose(dense(heisenberg(spin.lindbladian, sigmaPlus)), dense(dp), { atol: 1e-15 });
  });

  it('refuses bad parameters by name', () => {
    expect(() => spinLimitCycle({ gammaPlus: -1, gammaMinus: 1 })).toThrow(/'gammaPlus'.*≥ 0, got -1/);
    expect(() => spinLimitCycle({ gammaPlus: 1 } as never)).toThrow(/'gammaMinus'.*is required/);
    expect(() => spinLimitCycle({ gammaPlus: 0, gammaMinus: 0 })).toThrow(/gammaPlus \+ gammaMinus must be > 0/);
    expect(() => spinLimitCycle({ gammaPlus: 1, gammaMinus: 1, gamma: 1 } as never)).toThrow(/unknown parameter 'gamma'/);
  });
});
