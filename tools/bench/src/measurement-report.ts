import type { BenchRunHeader } from './bench-run-header';
import { formatDuration, formatRatio, formatSig, MISSING } from './format-quantity';
import { formatRunLine } from './format-run-line';
import { formatTable } from './format-table';
import type { KerrMesolveCase, KerrSmesolveCase, StepProfile, VdpEnsembleCase, VdpStepCase } from './measurement-bench';
import type { QutipKerrMesolve, QutipKerrSmesolve, QutipVdpCase, QutipVdpEnsembleCase } from './run-qutip-measurement';
import { timeRatio } from './time-ratio';

/** Marker that opens the measurement results section of tools/bench/README.md. */
export const MEASUREMENT_RESULTS_START = '<!-- measurement-results:start -->';
/** Marker that closes it. */
export const MEASUREMENT_RESULTS_END = '<!-- measurement-results:end -->';
/** The target of issue 10: qsync in at most this fraction of QuTiP 4.7's time. */
export const MEASUREMENT_TARGET_RATIO = 0.2;

/** Everything one run of `npm run bench:measurement` measured; the JSON written to tools/bench/out. */
export interface MeasurementBenchReport extends BenchRunHeader<{ readonly qutip: string | null }> {
  /** per vdP cutoff and scheme: qsync and QuTiP with the same scheme and step */
  readonly vdp: readonly { readonly qsync: VdpStepCase; readonly qutip: QutipVdpCase | null }[];
  /** per vdP cutoff and scheme: qsync's ensemble on worker threads, QuTiP's serial and on 2 processes */
  readonly vdpEnsemble: readonly {
    readonly qsync: VdpEnsembleCase;
    readonly qutipSerial: QutipVdpEnsembleCase | null;
    readonly qutipParallel: QutipVdpEnsembleCase | null;
  }[];
  readonly kerrMesolve: {
    /** qsync at each tolerance pair tried */
    readonly qsync: readonly KerrMesolveCase[];
    /** QuTiP at its default tolerances and the tight reference */
    readonly qutip: { readonly default: QutipKerrMesolve; readonly tight: QutipKerrMesolve } | null;
  };
  readonly kerrSmesolve: { readonly qsync: KerrSmesolveCase; readonly qutip: readonly QutipKerrSmesolve[] };
  readonly profile: readonly StepProfile[];
}

/** Largest |x_k − ref_k|. */
function maxDeviation(x: readonly number[], ref: readonly number[]): number {
  let m = 0;
  for (let k = 0; k < Math.min(x.length, ref.length); k++) m = Math.max(m, Math.abs(x[k] - ref[k]));
  return m;
}

/**
 * The equal-accuracy pairing of the Kerr `mesolve` runs: QuTiP's error at its default
 * tolerances and qsync's fastest run whose error is no larger (errors: largest deviation of
 * ⟨H⟩ from QuTiP's tight run over the output times), with the time ratio; null where no qsync
 * run is as accurate or QuTiP is absent.
 *
 * @param r - the report's Kerr mesolve part
 * @example
 * const ref = { atol: 1e-12, rtol: 1e-10, seconds: 2, times: [0, 1], H: [0, 1] };
 * kerrMesolvePairing({
 *   qsync: [{ rtol: 1e-6, atol: 1e-8, seconds: 0.1, H: [0, 1.01] }, { rtol: 1e-8, atol: 1e-10, seconds: 0.2, H: [0, 1.0001] }],
 *   qutip: { default: { ...ref, atol: 1e-8, rtol: 1e-6, seconds: 1, H: [0, 1.001] }, tight: ref },
 * })?.ratio; // 0.2 (the first qsync run is less accurate than QuTiP's)
 */
export function kerrMesolvePairing(r: MeasurementBenchReport['kerrMesolve']): { qutipError: number; qsync: KerrMesolveCase; qsyncError: number; ratio: number } | null {
  if (r.qutip === null) return null;
  const ref = r.qutip.tight.H;
  const qutipError = maxDeviation(r.qutip.default.H, ref);
  let best: { qsync: KerrMesolveCase; qsyncError: number } | null = null;
  for (const c of r.qsync) {
    const e = maxDeviation(c.H, ref);
    if (e <= qutipError && (best === null || c.seconds < best.qsync.seconds)) best = { qsync: c, qsyncError: e };
  }
  if (best === null) return null;
  return { qutipError, ...best, ratio: best.qsync.seconds / r.qutip.default.seconds };
}

/**
 * QuTiP's Kerr smesolve time scaled to qsync's run: its seconds per trajectory step times the
 * trajectory steps qsync ran (trajectories × steps each).
 *
 * @param q - one QuTiP smesolve case
 * @param s - qsync's case
 * @example
 * qutipSmesolveScaled({ secondsPerStep: 5e-5 } as QutipKerrSmesolve, { trajectories: 100, steps: 10000 } as KerrSmesolveCase); // 50
 */
export function qutipSmesolveScaled(q: QutipKerrSmesolve, s: KerrSmesolveCase): number {
  return q.secondsPerStep * s.trajectories * s.steps;
}

/**
 * The markdown of one run: the vdP heterodyne time per step (qsync against QuTiP with the same
 * scheme and step), the Kerr mesolve at equal accuracy, the Kerr homodyne ensemble, each with
 * the ratio to QuTiP's time (target ≤ 0.2×, marked ✓), and where one qsync step spends its time.
 *
 * @param r - the report
 * @example
 * formatMeasurementReport({
 *   date: 'D', mode: 'quick',
 *   machine: { node: 'v20', cpu: 'cpu', cores: 2, loadBefore: [0, 0, 0], loadAfter: [0, 0, 0], qutip: '4.7.1' },
 *   vdp: [{ qsync: { N: 10, method: 'milstein', steps: 100, secondsPerStep: 1e-6, cpuSecondsPerStep: 1e-6 }, qutip: null }],
 *   vdpEnsemble: [],
 *   kerrMesolve: { qsync: [], qutip: null },
 *   kerrSmesolve: { qsync: { method: 'milstein', trajectories: 2, workers: 2, steps: 100, seconds: 1, cpuSeconds: 1, secondsPerStep: 1e-3, cpuSecondsPerStep: 1e-3, nEnd: 1, nEndError: 0.1 }, qutip: [] },
 *   profile: [],
 * }).includes('| 10  | milstein |      1.00 µs |          1.00 µs |'); // true
 */
export function formatMeasurementReport(r: MeasurementBenchReport): string {
  const T = MEASUREMENT_TARGET_RATIO;
  const out: string[] = [];
  out.push(
    `${formatRunLine(r, `QuTiP ${r.machine.qutip ?? MISSING}`)} The machine is shared with other work: every time here is noisy ` +
      '(tens of per cent from run to run); compare ratios within one run only. Target: qsync ≤ 0.2× QuTiP 4.7 (✓).',
  );
  out.push('', '**Heterodyne vdP oscillator (Fig. 4.1), time per trajectory step** — same scheme and step on both sides (dt = 1e-3): equal strong order, so equal accuracy.', '');
  out.push(
    formatTable(
      ['N', 'scheme', 'qsync / step', 'qsync CPU / step', 'QuTiP / step', 'QuTiP CPU / step', 'qsync/QuTiP'],
      r.vdp.map(({ qsync, qutip }) => [
        String(qsync.N),
        qsync.method,
        formatDuration(qsync.secondsPerStep),
        formatDuration(qsync.cpuSecondsPerStep),
        formatDuration(qutip?.secondsPerStep),
        formatDuration(qutip?.cpuSeconds === undefined ? undefined : qutip.cpuSeconds / qutip.steps),
        formatRatio(timeRatio(qsync.secondsPerStep, qutip?.secondsPerStep), T),
      ]),
    ),
  );
  if (r.vdpEnsemble.length > 0) {
    const e0 = r.vdpEnsemble[0].qsync;
    const wallCpu = (t: { seconds: number; cpuSeconds: number }): string => `${formatDuration(t.seconds)} │ ${formatDuration(t.cpuSeconds)}`;
    out.push(
      '',
      `**Heterodyne vdP ensembles, ${e0.trajectories} trajectories × ${e0.steps} steps on ${e0.workers} workers, time per trajectory step = wall time / (trajectories × steps)** — ` +
        'qsync `trajectoryEnsemble`: "one call" is the whole ensemble as a single call runs it — a fresh pool, the task\'s bundle already cached, the pool\'s start included; ' +
        '"started pool" is the same ensemble on a pool from `createTrajectoryPool` whose workers have loaded the task (what each ensemble after the first of a sweep costs). ' +
        'Pool start = the first frame of a 2-trajectory, 10-step ensemble on a fresh pool (wall │ CPU of all threads and of esbuild\'s process): with an empty bundle cache (bundling included), with the bundle cached, and through tsx (`bundle: false`, the path before bundling). ' +
        'QuTiP: `smesolve(ntraj=…)` serial as it runs by default, and with `map_func=parallel_map` on 2 processes, its process start included; CPU of the process and its children. ' +
        'Both ratios are against the faster QuTiP column; "one call" is the headline (it includes qsync\'s start as QuTiP\'s parallel column includes its own).',
      '',
    );
    out.push(
      formatTable(
        ['N', 'scheme', 'qsync one call', 'its CPU', 'start, empty cache', 'start, cached', 'start, tsx', 'qsync started pool (wall │ CPU)', 'QuTiP serial', 'QuTiP 2 processes', 'QuTiP CPU (2 proc.)', 'one call / QuTiP', 'started / QuTiP'],
        r.vdpEnsemble.map(({ qsync, qutipSerial, qutipParallel }) => {
          const steps = qsync.trajectories * qsync.steps;
          const best = Math.min(qutipSerial?.secondsPerStep ?? Infinity, qutipParallel?.secondsPerStep ?? Infinity);
          const q = Number.isFinite(best) ? best : undefined;
          return [
            String(qsync.N),
            qsync.method,
            formatDuration(qsync.secondsPerStep),
            formatDuration(qsync.cpuSeconds / steps),
            wallCpu(qsync.coldStart),
            wallCpu(qsync.warmStart),
            wallCpu(qsync.tsxStart),
            `${formatDuration(qsync.startedSecondsPerStep)} │ ${formatDuration(qsync.startedCpuSecondsPerStep)}`,
            formatDuration(qutipSerial?.secondsPerStep),
            formatDuration(qutipParallel?.secondsPerStep),
            formatDuration(qutipParallel === null ? undefined : qutipParallel.cpuSeconds / qutipParallel.steps),
            formatRatio(timeRatio(qsync.secondsPerStep, q), T),
            formatRatio(timeRatio(qsync.startedSecondsPerStep, q), T),
          ];
        }),
      ),
    );
  }
  const km = r.kerrMesolve;
  const ref = km.qutip?.tight.H;
  out.push('', '**Driven Kerr oscillator (N = 50), `mesolve`, 100 output times, ⟨H⟩** — error: largest |⟨H⟩ − ⟨H⟩_ref| over the output times, ref = QuTiP at atol 1e-12, rtol 1e-10.', '');
  const mesolveRows = km.qsync.map((c) => [
    'qsync (DP5)',
    `${formatSig(c.rtol)} / ${formatSig(c.atol)}`,
    formatDuration(c.seconds),
    formatDuration(c.cpuSeconds),
    ref ? formatSig(maxDeviation(c.H, ref)) : MISSING,
  ]);
  if (km.qutip !== null) {
    for (const q of [km.qutip.default, km.qutip.tight]) {
      mesolveRows.push(['QuTiP (zvode)', `${formatSig(q.rtol)} / ${formatSig(q.atol)}`, formatDuration(q.seconds), formatDuration(q.cpuSeconds), formatSig(maxDeviation(q.H, km.qutip.tight.H))]);
    }
  }
  out.push(formatTable(['side', 'rtol / atol', 'time', 'CPU', 'error'], mesolveRows));
  const pair = kerrMesolvePairing(km);
  out.push(
    '',
    pair === null
      ? `Equal accuracy: ${km.qutip === null ? 'QuTiP absent' : 'no qsync run was as accurate as QuTiP at its defaults'} — no ratio.`
      : `Equal accuracy: qsync's fastest run with error ≤ QuTiP's default (${formatSig(pair.qsyncError)} ≤ ${formatSig(pair.qutipError)}) is rtol ${formatSig(pair.qsync.rtol)}: ` +
          `qsync/QuTiP = ${formatRatio(pair.ratio, T)}.`,
  );
  const ks = r.kerrSmesolve;
  out.push(
    '',
    `**Driven Kerr oscillator (N = 50), homodyne \`smesolve\` monitoring the loss channel, ${ks.qsync.trajectories} trajectories × ${ks.qsync.steps} steps of 1e-3, ⟨a†a⟩** — ` +
      `qsync on ${ks.qsync.workers} workers (\`trajectoryEnsemble\`); QuTiP serial as it runs, timed on fewer trajectories and scaled by its time per step to qsync's trajectory steps.`,
    '',
  );
  const smeRows = [
    [
      'qsync',
      ks.qsync.method,
      `${ks.qsync.trajectories} on ${ks.qsync.workers} workers`,
      formatDuration(ks.qsync.seconds),
      formatDuration(ks.qsync.cpuSeconds),
      formatDuration(ks.qsync.secondsPerStep),
      formatDuration(ks.qsync.cpuSecondsPerStep),
      `${formatSig(ks.qsync.nEnd)} ± ${formatSig(ks.qsync.nEndError)}`,
      '',
    ],
    ...ks.qutip.map((q) => {
      const scaled = qutipSmesolveScaled(q, ks.qsync);
      const cpuPerStep = q.cpuSeconds === undefined ? undefined : q.cpuSeconds / q.steps;
      return [
        `QuTiP`,
        q.solver,
        `${q.ntraj}, serial (scaled)`,
        formatDuration(scaled),
        formatDuration(cpuPerStep === undefined ? undefined : cpuPerStep * ks.qsync.trajectories * ks.qsync.steps),
        formatDuration(q.secondsPerStep),
        formatDuration(cpuPerStep),
        formatSig(q.nEnd),
        formatRatio(timeRatio(ks.qsync.seconds, scaled), T),
      ];
    }),
  ];
  out.push(
    formatTable(['side', 'scheme', 'trajectories', `time for ${ks.qsync.trajectories}`, 'CPU (all threads)', 'per step (1 thread)', 'CPU per step', '⟨a†a⟩(t_end)', 'qsync/QuTiP'], smeRows),
  );
  if (r.profile.length > 0) {
    out.push(
      '',
      '**Where one qsync step goes** (medians; `stepInto` = the public single step: traces and weights in JavaScript, one fused stencil pass for drift, noise terms and Milstein correction, trace renormalisation and Hermitian mirror; a trajectory step runs all of that and the current sums in WebAssembly, with the noise drawn in JavaScript in batches):',
      '',
    );
    out.push(
      formatTable(
        ['problem', 'N', 'scheme', 'RHS alone', 'stepInto', 'trajectory step (positivity test every k)', 'without positivity test'],
        r.profile.map((p) => [
          p.problem,
          String(p.N),
          p.method,
          formatDuration(p.rhs),
          formatDuration(p.step),
          `${formatDuration(p.trajectoryStep)} (k = ${p.positivityCheckEvery})`,
          formatDuration(p.trajectoryStepNoCheck),
        ]),
      ),
    );
  }
  return out.join('\n');
}
