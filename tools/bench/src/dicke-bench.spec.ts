import { readFileSync } from 'node:fs';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { benchDickeQsync } from './dicke-bench';
import { DICKE_BENCH_PARAMS } from './dicke-bench-params';

interface PiqsFixtureCase {
  parameters: { N: number; V: number; gammaPlus: number; gammaMinus: number; gammaZ: number };
  float32_sensitivity: number;
  Sz: number;
  SpSm: number;
}
const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/qutip-piqs.json', import.meta.url), 'utf8')) as {
  cases: Record<string, PiqsFixtureCase>;
};

describe('benchDickeQsync', () => {
  it('solves the benchmark problem: at N = 10 it is case gain_above_loss_dephased of the PIQS fixture', () => {
    const ref = fixture.cases.gain_above_loss_dephased;
    const { N, ...params } = ref.parameters;
    expect(params).toEqual(DICKE_BENCH_PARAMS);
    expect(N).toBe(10);
    const c = benchDickeQsync(10, { reps: 1 });
    expect(c.blockSize).toBe(36); // Σ_j (2j+1) for N = 10
    expect(c.residual).toBeLessThan(1e-14);
    expect(c.steady_s).toBeGreaterThan(0);
    // within twice PIQS's single-precision sensitivity, as in test/qutip-piqs.spec.ts
    expectClose(c.Sz, ref.Sz, { rtol: 2 * ref.float32_sensitivity });
    expectClose(c.SpSm, ref.SpSm, { rtol: 2 * ref.float32_sensitivity });
  });

  it('refuses a bad reps, naming it', () => {
    expect(() => benchDickeQsync(4, { reps: 0 })).toThrow(/'reps' must be an integer ≥ 1/);
  });
});
