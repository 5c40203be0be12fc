import { describe, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { evaluateFourierSeries } from './fourier-series';

describe('evaluateFourierSeries', () => {
  it('runs the doc example', () => {
    expectClose(evaluateFourierSeries(Float64Array.of(0, 0, 1, 0, 0, 0), 1, [0]), [1 / (2 * Math.PI)]);
  });

  it('takes the real part of Σ s_k e^{ikφ} for non-conjugate coefficients', () => {
    // s_{−1} = 2 + i, s_0 = 0.5, s_1 = −1 + 3i: Re(...) at φ = 0.7 written out.
    const s = Float64Array.of(2, 1, 0.5, 0, -1, 3);
    const phi = 0.7;
    const re =
      0.5 +
      (-1 * Math.cos(phi) - 3 * Math.sin(phi)) + // Re((−1 + 3i) e^{iφ})
      (2 * Math.cos(phi) + 1 * Math.sin(phi)); // Re((2 + i) e^{−iφ})
    // A handful of operations on O(1) numbers.
    expectClose(evaluateFourierSeries(s, 1, [phi]), [re / (2 * Math.PI)], { rtol: 1e-14 });
  });
});
