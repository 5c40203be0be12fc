import { describe, expect, it } from 'vitest';
import { cumulantEquations } from './cumulant-equations';
import { groupCumulantEquations } from './group-cumulant-equations';
import { heisenbergEquation } from './heisenberg-equation';
import { operatorAlgebra } from './operator-algebra';

// The model checks every derivation makes: rates are real, and with the U(1) filter the model
// must be U(1)-symmetric — otherwise the filter would drop the charged moments a symmetry-breaking
// term feeds, and with them the term itself (a drive Ωσx silently lost), so the error names it.

describe('rates must be real', () => {
  const alg = operatorAlgebra({ sites: [{ kind: 'spin', name: '1' }], parameters: ['g'] });
  it('a complex scalar rate is refused, naming the dissipator', () => {
    const model = { hamiltonian: alg.scalar(0), dissipators: [{ rate: alg.sigmaZ(0).times(0), jump: alg.sigmaZ(0) }, { rate: alg.parameter('g').times({ re: 1, im: 0.5 }), jump: alg.sigmaMinus(0) }] };
    expect(() => cumulantEquations(model, { moments: [alg.sigmaZ(0)], order: 1 })).toThrow(/cumulantEquations: model.dissipators\[1\].rate must be real, got the complex \(1\+0.5i\)·g/);
    expect(() => heisenbergEquation(model, alg.sigmaZ(0))).toThrow(/heisenbergEquation: model.dissipators\[1\].rate must be real/);
    expect(() => cumulantEquations({ hamiltonian: alg.scalar(0), dissipators: [{ rate: alg.scalar(0, 1), jump: alg.sigmaMinus(0) }] }, { moments: [alg.sigmaZ(0)], order: 1 })).toThrow(
      /model.dissipators\[0\].rate must be real, got the complex i/,
    );
  });
  it('real scalar rates are accepted: (g/2)·D[σ−] equals the rate g/2 given as a number', () => {
    const byExpression = cumulantEquations({ hamiltonian: alg.scalar(0), dissipators: [{ rate: alg.parameter('g').times(0.5), jump: alg.sigmaMinus(0) }] }, { moments: [alg.sigmaZ(0)], order: 1 });
    expect(byExpression.toText()).toBe('d⟨σz_1⟩/dt = -0.5·g - 0.5·g·⟨σz_1⟩');
  });
});

describe('u1: true refuses a model that breaks the U(1) symmetry, naming the term', () => {
  const alg = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }, { kind: 'spin', name: '1' }, { kind: 'spin', name: '2' }], parameters: ['Omega', 'g', 'gamma'] });
  const a = alg.destroy(0);
  const jc = alg.create(0).times(alg.sigmaMinus(1));
  const symmetric = alg.parameter('g').times(jc.plus(jc.dagger()));
  const decay = { rate: 'gamma', jump: alg.sigmaMinus(1) };
  const moments = [alg.sigmaZ(1)];

  it('a U(1)-symmetric laser passes (H neutral, jumps of one charge, a cross dissipator of equal charges)', () => {
    const model = { hamiltonian: symmetric, dissipators: [decay, { rate: 'gamma', jump: a }, { rate: 'gamma', jump: alg.sigmaMinus(1), jump2: alg.sigmaMinus(2).plus(a) }] };
    expect(cumulantEquations(model, { moments, order: 2, u1: true }).moments.length).toBeGreaterThan(0);
  });

  it('a driven spin: the drive term of H is named with its charge', () => {
    const model = { hamiltonian: symmetric.plus(alg.parameter('Omega').times(alg.sigmaX(1)).times(0.5)), dissipators: [decay] };
    expect(() => cumulantEquations(model, { moments, order: 2, u1: true })).toThrow(
      /cumulantEquations: config.u1 is set but model.hamiltonian breaks the U\(1\) symmetry: its term 0.5·Omega·σ[+−]_1 has phase charge -?1/,
    );
    // without u1 the drive is kept: d⟨σz_1⟩/dt holds Ω⟨σ±⟩
    expect(cumulantEquations(model, { moments, order: 2 }).toText().split('\n').find((l) => l.startsWith('d⟨σz_1⟩'))).toContain('Omega');
  });

  it('a coherent drive of the mode, a jump of mixed charge, a cross dissipator of unequal charges', () => {
    const drive = { hamiltonian: symmetric.plus(alg.parameter('Omega').times(a.plus(alg.create(0)))), dissipators: [decay] };
    expect(() => cumulantEquations(drive, { moments, order: 2, u1: true })).toThrow(/model.hamiltonian breaks the U\(1\) symmetry: its term Omega·a(†)? has phase charge -?1/);
    const mixed = { hamiltonian: symmetric, dissipators: [decay, { rate: 'gamma', jump: alg.sigmaX(2) }] };
    expect(() => cumulantEquations(mixed, { moments, order: 2, u1: true })).toThrow(
      /config.u1 is set but model.dissipators\[1\].jump breaks the U\(1\) symmetry: it mixes the phase charges (1 \(σ\+_2\) and -1 \(σ−_2\)|-1 \(σ−_2\) and 1 \(σ\+_2\))/,
    );
    const cross = { hamiltonian: symmetric, dissipators: [decay, { rate: 'gamma', jump: alg.sigmaMinus(1), jump2: alg.sigmaPlus(2) }] };
    expect(() => cumulantEquations(cross, { moments, order: 2, u1: true })).toThrow(
      /the cross dissipator model.dissipators\[1\] breaks the U\(1\) symmetry: jump has phase charge -1, jump2 1/,
    );
  });

  it('groups: a drive on every member is refused by groupCumulantEquations too', () => {
    const build = ([n]: readonly number[]) => {
      const spins = operatorAlgebra({ sites: Array.from({ length: n }, (_, i) => ({ kind: 'spin' as const, name: String(i + 1) })), parameters: ['Omega', 'gamma', 'N'] });
      const drive = spins.parameter('Omega').times(spins.sum(Array.from({ length: n }, (_, i) => spins.sigmaX(i))));
      return {
        model: { hamiltonian: drive, dissipators: Array.from({ length: n }, (_, i) => ({ rate: 'gamma', jump: spins.sigmaMinus(i) })) },
        moments: [spins.sigmaZ(0)],
        groups: [Array.from({ length: n }, (_, i) => i)],
      };
    };
    expect(() => groupCumulantEquations(build, { order: 2, u1: true, sizes: ['N'] })).toThrow(/groupCumulantEquations: config.u1 is set but model.hamiltonian breaks the U\(1\) symmetry: its term Omega·σ[+−]_1 has phase charge/);
    expect(groupCumulantEquations(build, { order: 1, sizes: ['N'] }).moments.map((m) => m.name)).toEqual(['σ+_1', 'σz_1']);
  });
});
