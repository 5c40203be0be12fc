import { createRng } from '@qsync/linalg';
import { describe, expect, it } from 'vitest';
import { meanFieldDriftInto } from './mean-field-drift-into';
import { phaseFactorsInto } from './phase-factors-into';
import { createWasmMeanFieldDrift } from './wasm-mean-field-drift';

/** The JavaScript kernels the WebAssembly one reproduces. */
function referenceDrift(out: Float64Array, y: Float64Array, omega: Float64Array, n: number, R: number, coupling: number) {
  const c = new Float64Array(n);
  const s = new Float64Array(n);
  const sums = new Float64Array(2);
  for (let r = 0; r < R; r++) {
    phaseFactorsInto(c, s, y, r * n, n, sums);
    meanFieldDriftInto(out, omega, c, s, 0, n, r * n, coupling * sums[1], coupling * sums[0]);
  }
}

describe('createWasmMeanFieldDrift', () => {
  it('is available on this engine (WebAssembly SIMD)', () => {
    expect(createWasmMeanFieldDrift(new Float64Array(4), 4, 1, 1)).not.toBeNull();
  });

  it.each([
    [1, 1],
    [2, 1],
    [7, 3],
    [64, 2],
    [1000, 4],
  ])('equals phaseFactorsInto + meanFieldDriftInto bit for bit (N = %d, %d realizations)', (n, R) => {
    const rng = createRng(n + R);
    const y = new Float64Array(n * R);
    const omega = new Float64Array(n * R);
    rng.fillUniformInto(y);
    rng.fillNormalZigguratInto(omega);
    // phases of every size: near 0, a few turns, a far tail run long (1e6), and past the table's
    // reach (|φ| > 1e7, the Math.cos path) and negative
    for (let k = 0; k < y.length; k++) y[k] = (y[k] - 0.5) * [1, 40, 2e6, 3e7][k % 4];
    const coupling = 1.7 / n;
    const kernel = createWasmMeanFieldDrift(omega, n, R, coupling);
    const a = new Float64Array(n * R);
    const b = new Float64Array(n * R);
    kernel?.drift(a, y);
    referenceDrift(b, y, omega, n, R, coupling);
    expect(Array.from(a)).toEqual(Array.from(b));
    // and again on new phases: nothing is kept between calls but ω
    for (let k = 0; k < y.length; k++) y[k] = 0.5 * y[k] + 1;
    kernel?.drift(a, y);
    referenceDrift(b, y, omega, n, R, coupling);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('passes non-finite phases on as the JavaScript kernel does', () => {
    const y = Float64Array.of(0.1, Number.NaN, 2, 3);
    const omega = new Float64Array(4);
    const a = new Float64Array(4);
    createWasmMeanFieldDrift(omega, 4, 1, 0.25)?.drift(a, y);
    expect(a.every(Number.isNaN)).toBe(true);
  });

  it('runs its doc example', () => {
    const k = createWasmMeanFieldDrift(Float64Array.of(0, 0), 2, 1, 0.5);
    const f = new Float64Array(2);
    k?.drift(f, Float64Array.of(0, Math.PI / 2));
    expect(f[0]).toBeCloseTo(0.5, 15);
    expect(f[1]).toBeCloseTo(-0.5, 15);
  });
});
