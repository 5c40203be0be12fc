// `npm run bench:measurement` (tools/bench/src/measurement-main.ts): qsync's stochastic master
// equations (libs/unravelers) and mesolve against QuTiP 4.7 — heterodyne vdP oscillator (Fig. 4.1)
// per step, and the QuantumToolbox.jl paper's driven Kerr oscillator (mesolve, homodyne
// smesolve). Runs the QuTiP script, then qsync; prints the tables, writes
// tools/bench/out/measurement-<timestamp>.json and (full runs) the measurement section of README.md.
import { benchKerrMesolve, benchKerrSmesolve, benchVdpEnsemble, benchVdpStep, profileSmeStep } from './measurement-bench';
import { parseMeasurementBenchArgs } from './measurement-bench-args';
import { formatMeasurementReport, MEASUREMENT_RESULTS_END, MEASUREMENT_RESULTS_START, type MeasurementBenchReport } from './measurement-report';
import { runBenchProgram } from './run-bench-program';
import { runQutipMeasurement, type QutipMeasurementBench } from './run-qutip-measurement';

const METHODS = ['euler-maruyama', 'milstein'] as const;

void runBenchProgram({
  name: 'measurement bench',
  file: 'measurement',
  parseArgs: parseMeasurementBenchArgs,
  readme: { start: MEASUREMENT_RESULTS_START, end: MEASUREMENT_RESULTS_END, section: 'measurement results section' },
  async measure(opts, { log, header }) {
    const dt = 1e-3;
    let qutip: QutipMeasurementBench | null = null;
    try {
      log(`QuTiP side (python/qutip_measurement_bench.py): vdP N = ${opts.sizes.join(', ')}, Kerr on ${opts.qutipTrajectories} trajectories`);
      qutip = await runQutipMeasurement({
        sizes: opts.sizes,
        solvers: METHODS,
        vdpDt: dt,
        vdpSteps: opts.vdpSteps,
        vdpNtraj: 2,
        vdpEnsembleNtraj: opts.vdpTrajectories,
        kerrNtraj: opts.qutipTrajectories,
        kerrSamples: opts.samples,
        // QuTiP 4.7's default scheme beside the matched one
        kerrSolvers: ['milstein', 'euler-maruyama', 'taylor1.5'],
        onLog: (l) => log(`qutip: ${l}`),
      });
    } catch (e: unknown) {
      log(`QuTiP side failed (${e instanceof Error ? e.message : String(e)}): qsync side only`);
    }
    log('qsync side');
    benchVdpStep(3, 'milstein', { dt, steps: 100, reps: 1 }); // warm-up
    const vdp = opts.sizes.flatMap((N) =>
      METHODS.map((method) => {
        const c = benchVdpStep(N, method, { dt, steps: opts.vdpSteps, reps: opts.quick ? 3 : 7 });
        log(`qsync: vdP N = ${N} ${method}: ${(c.secondsPerStep * 1e6).toFixed(1)} µs per step`);
        return { qsync: c, qutip: qutip?.cases.vdp.find((q) => q.N === N && q.solver === method) ?? null };
      }),
    );
    const vdpEnsemble = [];
    if (opts.vdpTrajectories > 0) {
      for (const N of opts.sizes) {
        for (const method of METHODS) {
          const c = await benchVdpEnsemble(N, method, { dt, steps: opts.vdpSteps, trajectories: opts.vdpTrajectories, workers: opts.workers });
          log(
            `qsync: vdP ensemble N = ${N} ${method}, ${c.trajectories} trajectories on ${c.workers} workers: ${c.seconds.toFixed(2)} s ` +
              `(pool start: empty cache ${c.coldStart.seconds.toFixed(2)} s, cached ${c.warmStart.seconds.toFixed(2)} s, tsx ${c.tsxStart.seconds.toFixed(2)} s), ` +
              `${(c.secondsPerStep * 1e6).toFixed(2)} µs per trajectory step, ${(c.startedSecondsPerStep * 1e6).toFixed(2)} µs on a started pool`,
          );
          const q = (parallel: boolean) => qutip?.cases.vdpEnsemble.find((e) => e.N === N && e.solver === method && e.parallel === parallel) ?? null;
          vdpEnsemble.push({ qsync: c, qutipSerial: q(false), qutipParallel: q(true) });
        }
      }
    }
    log('qsync: Kerr mesolve');
    await benchKerrMesolve({ rtol: 1e-6, atol: 1e-8 }, 1); // warm-up at the benchmark's size: V8 optimises the generated kernel for it
    const tolerances = [
      { rtol: 1e-5, atol: 1e-7 },
      { rtol: 1e-6, atol: 1e-8 },
      { rtol: 1e-7, atol: 1e-9 },
      { rtol: 1e-8, atol: 1e-10 },
    ];
    const mesolveCases = [];
    for (const tol of tolerances) {
      const c = await benchKerrMesolve(tol, opts.quick ? 1 : 3);
      log(`qsync: Kerr mesolve rtol ${tol.rtol}: ${c.seconds.toFixed(3)} s`);
      mesolveCases.push(c);
    }
    log(`qsync: Kerr homodyne smesolve, ${opts.trajectories} trajectories on ${opts.workers} workers`);
    const sme = await benchKerrSmesolve({ trajectories: opts.trajectories, workers: opts.workers, method: 'milstein', samples: opts.samples });
    log(`qsync: Kerr smesolve ${sme.seconds.toFixed(1)} s, ${(sme.secondsPerStep * 1e6).toFixed(0)} µs per step in one thread`);
    log('qsync: profile of one step');
    const profile = [
      ...opts.sizes.map((N) => profileSmeStep('vdp', N, 'milstein', opts.quick ? 50 : 200)),
      profileSmeStep('kerr', 50, 'euler-maruyama', opts.quick ? 30 : 100),
      profileSmeStep('kerr', 50, 'milstein', opts.quick ? 30 : 100),
    ];
    const report: MeasurementBenchReport = {
      ...header({ qutip: qutip?.qutip_version ?? null }),
      vdp,
      vdpEnsemble,
      kerrMesolve: { qsync: mesolveCases, qutip: qutip?.cases.kerrMesolve ?? null },
      kerrSmesolve: { qsync: sme, qutip: qutip?.cases.kerrSmesolve ?? [] },
      profile,
    };
    return { report, raw: { qutipRaw: qutip }, text: formatMeasurementReport(report) };
  },
});
