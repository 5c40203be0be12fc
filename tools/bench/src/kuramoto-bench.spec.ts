import { describe, expect, it } from 'vitest';
import { benchKuramotoQsync, KURAMOTO_BENCH_PARAMS } from './kuramoto-bench';

describe('benchKuramotoQsync', () => {
  it('times a tiny problem and reports every part as a finite positive time', async () => {
    const c = await benchKuramotoQsync(64, { steps: 5, reps: 1 });
    expect(c.N).toBe(64);
    for (const key of ['step_us', 'steps_per_second', 'drift_us', 'trig_us', 'normals_us', 'simulate_steps_per_second'] as const) {
      expect(c[key]).toBeGreaterThan(0);
      expect(Number.isFinite(c[key])).toBe(true);
    }
    // the timed runs did the steps the rates are per: warm-up 50, then reps × steps, of dt each
    expect(c.t_end).toBeCloseTo((50 + 1 * 5) * KURAMOTO_BENCH_PARAMS.dt, 12);
    const three = await benchKuramotoQsync(64, { steps: 7, reps: 3 });
    expect(three.t_end).toBeCloseTo((50 + 3 * 7) * KURAMOTO_BENCH_PARAMS.dt, 12);
    expect(c.final_r).toBeGreaterThanOrEqual(0);
    expect(c.final_r).toBeLessThanOrEqual(1);
  });

  it('refuses bad sizes and options by name', async () => {
    await expect(benchKuramotoQsync(0)).rejects.toThrow("benchKuramotoQsync: argument 'N' must be an integer ≥ 1, got 0");
    await expect(benchKuramotoQsync(8, { steps: 0 })).rejects.toThrow("benchKuramotoQsync: option 'steps' must be an integer ≥ 1, got 0");
    await expect(benchKuramotoQsync(8, { reps: 1.5 })).rejects.toThrow("benchKuramotoQsync: option 'reps' must be an integer ≥ 1, got 1.5");
  });
});
