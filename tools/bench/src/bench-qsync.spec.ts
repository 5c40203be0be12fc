import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchQsync, BENCH_ATOL, BENCH_N_T, BENCH_PARAMS, BENCH_RTOL, BENCH_T_END } from './bench-qsync';
import { maxAbsDiff } from './max-abs-diff';
import { runQutip } from './run-qutip';
import { calibratedQutipHome } from './test-support/calibrated-qutip-home';
import { hasPythonModule } from './test-support/has-python-module';

const scratch = mkdtempSync(join(tmpdir(), 'qsync-bench-qsync-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('benchQsync', () => {
  it('refuses a bad cutoff and a bad repetition count by name', async () => {
    await expect(benchQsync(1, { rhsReps: 1 })).rejects.toThrow("benchQsync: argument 'N' must be an integer ≥ 2, got 1");
    await expect(benchQsync(2, { rhsReps: 0 })).rejects.toThrow("benchQsync: option 'rhsReps' must be an integer ≥ 1, got 0");
  });

  // Both sides of the benchmark must solve one problem: the same Eq. (4.8), start, output times
  // and tolerances. Compared at N = 3 (the smallest cutoff where every rate acts: a² = 0 at
  // N = 2), a second on each side, by what each side computes:
  it.skipIf(!hasPythonModule('qutip'))('solves the problem python/qutip_bench.py solves (needs python3-qutip)', async () => {
    const qutip = await runQutip([3], { reps: 1, env: { HOME: calibratedQutipHome(join(scratch, 'home')) } });
    const qsync = await benchQsync(3, { rhsReps: 1 });
    const raw = qutip as unknown as { params: Record<string, unknown> };
    expect(raw.params).toEqual({ ...BENCH_PARAMS, alpha: [1, 0], beta: [0, 1], atol: BENCH_ATOL, rtol: BENCH_RTOL });
    const q = qutip.cases[0];
    expect([q.mesolve_t_end, q.mesolve_n_t]).toEqual([BENCH_T_END, BENCH_N_T]);
    // Steady ⟨a†b⟩ ≈ 0.019: both direct solves of the same 81×81 Liouvillian agree to rounding
    // (4e-19 measured); any rate changed by 1 % moves it by 2e-5 (δ) to 1e-3 (κ1).
    const steady = maxAbsDiff([qsync.steady_adagb[0]], [qsync.steady_adagb[1]], [q.steady_adagb[0]], [q.steady_adagb[1]]);
    expect(steady).toBeLessThan(1e-12);
    // ⟨a†b⟩(t) from the same start, at the 201 times: DP5 and ZVODE at rtol 1e-6, atol 1e-8 each
    // stay within about their tolerance of the exact series (6e-8 apart measured here, 7.9e-8 at
    // N = 8); another start moves it by O(1) (⟨a†b⟩(0) ≈ 0.54i from α*β = i), another rate by
    // the 1e-5…1e-3 of the steady value.
    expect(qsync.mesolve_expect_re.length).toBe(BENCH_N_T);
    expect(maxAbsDiff(qsync.mesolve_expect_re, qsync.mesolve_expect_im, q.mesolve_expect_re, q.mesolve_expect_im)).toBeLessThan(1e-6);
  });
});
