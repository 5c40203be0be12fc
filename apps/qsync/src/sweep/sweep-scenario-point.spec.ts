// One point of `qsync sweep` on a scenario of one trajectory: its standard errors over
// trajectories are undefined (one trajectory has no spread to estimate them from) and are
// stored as null with the reason, the rest of the summary as `qsync run --json` gives it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sweepScenarioPoint } from './sweep-scenario-point';

const scenario = JSON.parse(readFileSync(new URL('../../scenarios/vdp-pair-heterodyne-stream.json', import.meta.url), 'utf8')) as Record<string, unknown>;
// the README's streamed scenario, shortened: 101 output times
const short = JSON.stringify({ ...scenario, times: { start: 0, stop: 2, count: 101 } });

describe('sweepScenarioPoint', () => {
  it('one trajectory: its standard errors are null, named in nullFields with the reason; everything else finite', async () => {
    const result = await sweepScenarioPoint({ $scenario: short, kappa: 0.4 });
    expect(result.nullFields).toEqual({
      fields: ['observables.nA.reStandardError', 'observables.nA.imStandardError', 'observables.nB.reStandardError', 'observables.nB.imStandardError'],
      reason: 'one trajectory: its standard error over trajectories is undefined',
    });
    const nA = (result.observables as Record<string, Record<string, unknown>>).nA;
    expect(nA.reStandardError).toBeNull();
    expect((nA.re as number[]).length).toBe(101);
    // ⟨n_A⟩(0) of the coherent state |α = 0.5⟩ in the Fock states n = 0…5 (cutoff 6), normalised
    // there: Σ n x^n/n! / Σ x^n/n!, x = |α|² = 0.25 — the same on every trajectory
    let norm = 0;
    let mean = 0;
    for (let n = 0, term = 1; n < 6; n++, term *= 0.25 / n) {
      norm += term;
      mean += n * term;
    }
    expect(Math.abs((nA.re as number[])[0] - mean / norm)).toBeLessThan(1e-12);
    expect((nA.re as number[]).every(Number.isFinite)).toBe(true);
  }, 60_000);
});
