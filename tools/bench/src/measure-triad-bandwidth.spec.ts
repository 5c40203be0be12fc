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

  it('rejects bad sizes, trial counts and byte budgets', () => {
    expect(() => measureTriadBandwidth(0)).toThrow(/'elements' must be an integer ≥ 1, got 0/);
    expect(() => measureTriadBandwidth(10, 0)).toThrow(/'trials' must be an integer ≥ 1, got 0/);
    expect(() => measureTriadBandwidth(10, 1, 0)).toThrow(/'bytesPerTrial' must be > 0, got 0/);
  });
});
