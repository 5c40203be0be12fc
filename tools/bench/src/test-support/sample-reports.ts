// Sample bench reports for the specs and the doc examples of formatReport and formatKuramotoReport
// (test support, not exported from the package).
import type { QsyncCase } from '../bench-qsync';
import type { BenchReport } from '../format-report';
import type { KuramotoBenchReport } from '../kuramoto-report';
import type { QutipCase } from '../run-qutip';

const series = (v: number) => Array.from({ length: 3 }, () => v);

/** A run of the QuTiP benchmark at one Fock cutoff N, with or without the tight reference. */
export function sampleBenchReport(N: number, withRef: boolean): BenchReport {
  const qsync: QsyncCase = {
    N,
    dim: N * N,
    nnz: 1000,
    liouvillian_ms: 1,
    rhs_terms: 13,
    rhs_hermitian: true,
    rhs_ms: 0.02,
    rhs_csr_ms: 0.1,
    rhs_reps: 10,
    block_size: 100,
    block_nnz: 300,
    rhs_block_ms: 0.01,
    mesolve_s: 0.2,
    dp5: { s: 2, rhs_s: 1, steps: 900, rejected: 4, rhs_evaluations: 5400 },
    dp5_block: { s: 0.3, rhs_s: 0.2, steps: 900, rejected: 2, rhs_evaluations: 5400 },
    max_decay_rate: 126,
    mesolve_expect_re: series(0.5),
    mesolve_expect_im: series(0.1),
    steady_s: 0.06,
    steady_method: 'direct',
    steady_residual: 1e-15,
    steady_block_size: 100,
    steady_adagb: [0.5, 0.1],
  };
  const qutip: QutipCase = {
    N,
    dim: N * N,
    liouvillian_dim: N ** 4,
    nnz: 1200,
    build_ms: 5,
    rhs_ms: 0.08,
    rhs_scipy_ms: 0.06,
    rhs_reps: 10,
    mesolve_s: 1,
    mesolve_steps: 3500,
    mesolve_rhs_evaluations: 7800,
    steady_s: 0.03,
    mesolve_t_end: 20,
    mesolve_n_t: 3,
    mesolve_expect_re: series(0.5 + 3e-8),
    mesolve_expect_im: series(0.1 - 4e-8),
    steady_adagb: [0.5, 0.1],
  };
  return {
    date: '2026-01-01T00:00:00.000Z',
    mode: 'full',
    machine: { node: 'v20', cpu: 'CPU', cores: 2, loadBefore: [0.5, 0.4, 0.3], loadAfter: [1, 1, 1], qutip: '4.7.1', numpy: '1', scipy: '1', python: '3' },
    triadGBs: 10,
    triadDramGBs: 6,
    cases: [{ qsync, qutip }],
    reference: withRef ? { N, adagb_re: series(0.5), adagb_im: series(0.1 + 1e-9), steady_adagb: [0.5, 0.1 + 2e-12], atol: 1e-12, rtol: 1e-10 } : null,
  };
}

/** A run of the Kuramoto benchmark at N = 16384. */
export const sampleKuramotoReport: KuramotoBenchReport = {
  date: '2026-01-01T00:00:00.000Z',
  mode: 'full',
  machine: { node: 'v20', cpu: 'CPU', cores: 2, loadBefore: [0.5, 0.5, 0.5], loadAfter: [1, 1, 1], numpy: '1.24.2', python: '3.11.2' },
  params: { V: 1.5, G: 0.5, sigma: 0.5, dt: 0.01 },
  cases: [
    {
      qsync: {
        N: 16384,
        steps: 400,
        reps: 5,
        step_us: 1000,
        steps_per_second: 1000,
        drift_us: 250,
        trig_us: 150,
        normals_us: 560,
        normals_polar_us: 1200,
        rest_us: 190,
        simulate_steps_per_second: 980,
        final_r: 0.05,
        t_end: 20.5,
      },
      numpy: { N: 16384, steps: 400, reps: 5, step_us: 800, steps_per_second: 1250, drift_us: 600, trig_us: 560, normals_us: 190, rest_us: 10, final_r: 0.05 },
    },
  ],
};
