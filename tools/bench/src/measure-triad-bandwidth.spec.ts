import { describe, expect, it } from 'vitest';
import { measureTriadBandwidth } from './measure-triad-bandwidth';

describe('measureTriadBandwidth', () => {
  it('reports the working set and a positive finite bandwidth (no timing assertion: this is a measurement)', () => {
    const r = measureTriadBandwidth(1000, 2, 1e5);
    expect(r.elements).toBe(1000);
    expect(r.workingSetBytes).toBe(24_000);
    expect(r.trials).toBe(2);
    expect(Number.isFinite(r.gbPerSecond) && r.gbPerSecond > 0).toBe(true);
  });

  it('divides the bytes of all passes of a trial by the fastest trial (a clock with known trial times)', () => {
    // 1000 elements, ≥ 1e5 B per trial: ⌈1e5 / 24 000⌉ = 5 passes of 24 000 B; the trials take
    // 3, 1 and 2 ms, so the best moved 120 000 B in 1 ms: 0.12 GB/s.
    const durations = [3, 1, 2];
    let now = 0;
    let reads = 0;
    const clock = () => (reads++ % 2 === 0 ? now : (now += durations[(reads >> 1) - 1]));
    const r = measureTriadBandwidth(1000, 3, 1e5, clock);
    expect(reads).toBe(6);
    expect(r.gbPerSecond).toBeCloseTo(0.12, 14);
  });

  it('rejects bad sizes, trial counts and byte budgets', () => {
    expect(() => measureTriadBandwidth(0)).toThrow(/'elements' must be an integer ≥ 1, got 0/);
    expect(() => measureTriadBandwidth(10, 0)).toThrow(/'trials' must be an integer ≥ 1, got 0/);
    expect(() => measureTriadBandwidth(10, 1, 0)).toThrow(/'bytesPerTrial' must be > 0, got 0/);
  });
});
