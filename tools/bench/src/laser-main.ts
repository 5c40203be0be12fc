// `npm run bench:laser` (tools/bench/src/laser-main.ts): qsync against QuTiP 4.7 on the exact
// steady state and emission spectrum of the laser with driven and undriven atoms (thesis Eq. 7.1;
// N_d = 3, N_ud = 1, Fock cutoff 10, the "bench" case of tools/reference/qutip_undriven_laser.py).
// Runs the QuTiP script, then qsync on the same frequencies; compares the values (target 1e-6),
// prints the tables, writes tools/bench/out/laser-<timestamp>.json and (full runs) the laser
// section of README.md.
import { runBenchProgram } from './run-bench-program';
import { benchLaserQsync, LASER_BENCH_PARAMS, laserOmegaGrid } from './laser-bench';
import { parseLaserBenchArgs } from './laser-bench-args';
import { runQutipLaser } from './laser-qutip';
import { formatLaserReport, LASER_RESULTS_END, LASER_RESULTS_START, type LaserBenchReport } from './laser-report';

void runBenchProgram({
  name: 'laser bench',
  file: 'laser',
  parseArgs: parseLaserBenchArgs,
  readme: { start: LASER_RESULTS_START, end: LASER_RESULTS_END, section: 'laser results section' },
  async measure(opts, { log, header }) {
    log(`${opts.freqs} frequencies, fastest of ${opts.reps} calls`);
    log('QuTiP side (python/qutip_laser_bench.py)');
    const qutip = await runQutipLaser({ freqs: opts.freqs, reps: opts.reps, onLog: (l) => log(`qutip: ${l}`) });
    const s = qutip.cases[0];
    const omega = laserOmegaGrid(opts.freqs);
    if (s.omega.some((w, k) => Math.abs(w - omega[k]) > 1e-15) || s.omega.length !== omega.length) {
      throw new Error('laser bench: the QuTiP script ran on other frequencies than laserOmegaGrid');
    }
    for (const [key, v] of Object.entries(LASER_BENCH_PARAMS)) {
      if (s.params[key] !== v) throw new Error(`laser bench: the QuTiP script's parameter '${key}' is ${s.params[key]}, qsync's ${v}`);
    }
    log('qsync side');
    benchLaserQsync([-0.5, 0.5], 1, { ...LASER_BENCH_PARAMS, Nd: 1, cutoff: 3 }); // warm-up of every code path
    const q = benchLaserQsync(omega, opts.reps);
    log(`qsync: steady state ${q.steadyStateSeconds.toFixed(3)} s, spectrum ${q.spectrumSeconds.toFixed(3)} s`);
    const report: LaserBenchReport = { ...header({ qutip: qutip.qutip_version, scipy: qutip.scipy_version }), params: LASER_BENCH_PARAMS, qsync: q, qutip: s };
    return { report, raw: { qutipRaw: qutip }, text: formatLaserReport(report) };
  },
});
