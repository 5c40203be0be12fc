import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { fockKet } from './fock-ket';
import { mixture } from './mixture';
import { pureState } from './pure-state';
import { fockSpace, spinHalfSpace } from './space';
import { spinCoherentKet } from './spin-coherent-ket';

describe('mixture', () => {
  const s = spinHalfSpace();
  const up = pureState(fockKet(s, 1));
  const plusX = pureState(spinCoherentKet(s, Math.PI / 2, 0));

  it('is Σ p_k ρ_k', () => {
    const rho = mixture([
      { weight: 0.25, state: up },
      { weight: 0.75, state: plusX },
    ]);
    // ρ = ¼|1⟩⟨1| + ¾·½[[1, 1], [1, 1]]; entries from cos/sin(π/4)²: a few ulps
    expectClose(rho.matrix.data, [0.375, 0, 0.375, 0, 0.375, 0, 0.625, 0], { rtol: 1e-15, atol: 1e-16 });
  });

  it('accepts weights that sum to 1 up to rounding (thirds)', () => {
    const third = 1 / 3;
    expect(() => mixture([up, up, plusX].map((state) => ({ weight: third, state })))).not.toThrow();
  });

  it('rejects negative or non-finite weights, sums ≠ 1, mismatched dims, no components', () => {
    expect(() => mixture([{ weight: -0.5, state: up }, { weight: 1.5, state: up }])).toThrow(
      'mixture: components[0].weight must be a finite probability ≥ 0, got -0.5',
    );
    expect(() => mixture([{ weight: Number.NaN, state: up }])).toThrow('mixture: components[0].weight must be a finite probability ≥ 0, got NaN');
    expect(() => mixture([{ weight: 0.5, state: up }, { weight: 0.4, state: plusX }])).toThrow(
      'mixture: the weights must sum to 1 (within 1e-12), got 0.9',
    );
    const other = pureState(fockKet(fockSpace(3), 0));
    expect(() => mixture([{ weight: 0.5, state: up }, { weight: 0.5, state: other }])).toThrow(
      "mixture: 'components[0].state' has dims [2] but 'components[1].state' has dims [3]; they must be equal",
    );
    expect(() => mixture([])).toThrow("mixture: argument 'components' must be a non-empty array of {weight, state}");
  });
});
