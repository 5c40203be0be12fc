import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { kuramotoOrder } from './kuramoto-order';
import { kuramotoOrderInto } from './kuramoto-order-into';

describe('kuramotoOrderInto', () => {
  it('runs the doc example', () => {
    const out = kuramotoOrderInto(new Float64Array(4), [0, 0, 0, Math.PI], 2, 2);
    // realization 0: z = 1; realization 1: (1 + e^{iπ})/2 = i·sin(π)/2 (sin π ≈ 1.2e−16 in floats)
    expectClose(out, [1, 0, 0, Math.sin(Math.PI) / 2], { atol: 1e-16 });
  });

  it('equals kuramotoOrder of each realization, [realization][oscillator] layout', () => {
    const n = 7;
    const r = 5;
    const rng = createRng(3);
    // realization k concentrated around phase k, so a transposed layout would give other numbers
    const phases = Float64Array.from({ length: n * r }, (_, i) => Math.floor(i / n) + 0.3 * rng.gaussian());
    const out = new Float64Array(2 * r);
    expect(kuramotoOrderInto(out, phases, n, r)).toBe(out);
    for (let k = 0; k < r; k++) {
      const z = kuramotoOrder(phases, { offset: k * n, count: n });
      // same terms summed in the same order: bit for bit
      expect([out[2 * k], out[2 * k + 1]]).toEqual([z.re, z.im]);
    }
  });

  it('overwrites whatever out held', () => {
    const out = new Float64Array([9, 9]);
    kuramotoOrderInto(out, [0.5], 1, 1);
    expect(Array.from(out)).toEqual([Math.cos(0.5), Math.sin(0.5)]);
  });

  it('rejects bad input, naming the parameter', () => {
    const out = new Float64Array(4);
    expect(() => kuramotoOrderInto(out, [0, 0, 0, 0], 0, 2)).toThrow(
      "kuramotoOrderInto: argument 'oscillators' must be an integer ≥ 1, got 0",
    );
    expect(() => kuramotoOrderInto(out, [0, 0, 0, 0], 2, 1.5)).toThrow(
      "kuramotoOrderInto: argument 'realizations' must be an integer ≥ 1, got 1.5",
    );
    expect(() => kuramotoOrderInto(new Float64Array(3), [0, 0, 0, 0], 2, 2)).toThrow(
      "kuramotoOrderInto: argument 'out' must be a Float64Array of length 2·realizations = 4, got length 3",
    );
    expect(() => kuramotoOrderInto([0, 0, 0, 0] as unknown as Float64Array, [0, 0, 0, 0], 2, 2)).toThrow(
      /argument 'out' must be a Float64Array/,
    );
    expect(() => kuramotoOrderInto(out, [0, 0, 0], 2, 2)).toThrow(
      "kuramotoOrderInto: argument 'phases' must be an array of length oscillators·realizations = 4, got length 3",
    );
    expect(() => kuramotoOrderInto(out, undefined as unknown as number[], 2, 2)).toThrow(
      /argument 'phases'.*got undefined/,
    );
    expect(() => kuramotoOrderInto(out, [0, 0, 0, NaN], 2, 2)).toThrow(
      "kuramotoOrderInto: argument 'phases' must hold finite numbers, got NaN at index 3",
    );
  });
});
