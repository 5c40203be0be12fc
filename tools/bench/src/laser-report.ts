import type { BenchRunHeader } from './bench-run-header';
import { formatDuration, formatSig, MISSING } from './format-quantity';
import { formatRunLine } from './format-run-line';
import { formatTable } from './format-table';
import type { LASER_BENCH_PARAMS, LaserQsyncCase } from './laser-bench';
import type { QutipLaserCase } from './laser-qutip';

/** Marker that opens the laser results section of tools/bench/README.md. */
export const LASER_RESULTS_START = '<!-- laser-results:start -->';
/** Marker that closes it. */
export const LASER_RESULTS_END = '<!-- laser-results:end -->';

/** The issue's agreement target: values of both sides equal to this (absolute; S relative to its maximum). */
export const LASER_AGREEMENT_TARGET = 1e-6;

/** Everything one run of `npm run bench:laser` measured; the JSON written to tools/bench/out. */
export interface LaserBenchReport extends BenchRunHeader<{ readonly qutip: string | null; readonly scipy: string | null }> {
  readonly params: typeof LASER_BENCH_PARAMS;
  readonly qsync: LaserQsyncCase;
  readonly qutip: QutipLaserCase;
}

/**
 * The largest deviation of qsync's values from QuTiP's: over the steady-state moments (absolute,
 * |Δ| of complex numbers) and over S(ω) (largest |ΔS| divided by the largest S).
 *
 * @param q - qsync's case
 * @param s - QuTiP's case
 * @example
 * laserAgreement(
 *   { moments: { n: [1, 0] }, S: [1, 2.5] } as unknown as LaserQsyncCase,
 *   { expect: { n: [1, 0.5] }, S: [1, 2] } as unknown as QutipLaserCase,
 * ); // { moments: 0.5, spectrum: 0.25 }
 */
export function laserAgreement(q: LaserQsyncCase, s: QutipLaserCase): { moments: number; spectrum: number } {
  let moments = 0;
  for (const [name, [re, im]] of Object.entries(s.expect)) {
    const m = q.moments[name];
    if (m === undefined) throw new Error(`laserAgreement: qsync has no moment '${name}' that QuTiP reports`);
    moments = Math.max(moments, Math.hypot(m[0] - re, m[1] - im));
  }
  if (q.S.length !== s.S.length) throw new Error(`laserAgreement: spectra on ${q.S.length} and ${s.S.length} frequencies`);
  let d = 0;
  let top = 0;
  for (let k = 0; k < s.S.length; k++) {
    d = Math.max(d, Math.abs(q.S[k] - s.S[k]));
    top = Math.max(top, Math.abs(s.S[k]));
  }
  return { moments, spectrum: d / top };
}

const MOMENT_LABELS: Readonly<Record<string, string>> = {
  n: '⟨a†a⟩',
  sigmaZDriven: '⟨σz⟩ driven (mean)',
  sigmaZUndriven: '⟨σz⟩ undriven',
  adagSigmaMinusD1: '⟨a†σ−_d1⟩',
  sigmaPlusD1SigmaMinusD2: '⟨σ+_d1σ−_d2⟩',
  sigmaPlusD1SigmaMinusU1: '⟨σ+_d1σ−_u1⟩',
};

const complex = ([re, im]: readonly [number, number]) => (im === 0 ? re.toPrecision(12) : re === 0 ? `${im.toPrecision(12)} i` : `${re.toPrecision(12)} + ${im.toPrecision(12)} i`);

/**
 * The markdown of one run: the times of both sides (wall and CPU of the fastest call, and
 * QuTiP's wall ÷ qsync's wall), then the values of both sides and their largest deviation
 * against the 1e-6 target (✓ where met).
 *
 * @param r - the report
 * @example
 * const s = { omega: [0], S: [1], expect: { n: [0.1, 0] }, hilbert_dim: 160, liouvillian_dim: 25600, nnz: 275456, reps: 1, has_mkl: false,
 *   steadystate_s: 4, steadystate_cpu_s: 3, spectrum_s: 50, spectrum_cpu_s: 40, params: {} };
 * const q = { reps: 1, steadyStateSeconds: 0.5, steadyStateCpuSeconds: 0.4, spectrumSeconds: 1, spectrumCpuSeconds: 0.8, moments: { n: [0.1, 0] }, omega: [0], S: [1] };
 * formatLaserReport({
 *   date: 'D', mode: 'full', machine: { node: 'v20', cpu: 'cpu', cores: 2, loadBefore: [0, 0, 0], loadAfter: [0, 0, 0], qutip: '4.7.1', scipy: '1.10.1' },
 *   params: { Nd: 3, Nud: 1, cutoff: 10, Omega: 0.5, kappa: 4, gammaPlus: 1, gammaMinus: 0.05, gammaZ: 0.1, detuning: 0 }, qsync: q, qutip: s,
 * }).includes(' 8.00× |'); // true (QuTiP's 4 s ÷ qsync's 0.5 s)
 */
export function formatLaserReport(r: LaserBenchReport): string {
  const p = r.params;
  const q = r.qsync;
  const s = r.qutip;
  const ratio = (a: number, b: number) => `${formatSig(a / b)}×`;
  const agree = laserAgreement(q, s);
  const mark = (d: number) => `${formatSig(d, 2)}${d <= LASER_AGREEMENT_TARGET ? ' ✓' : ''}`;
  const lines: string[] = [];
  lines.push(
    `${formatRunLine(r, `QuTiP ${r.machine.qutip ?? MISSING} (SciPy ${r.machine.scipy ?? MISSING}, MKL ${s.has_mkl ? 'yes' : 'no'})`)} ` +
      `Problem: Eq. (7.1) exact, N_d = ${p.Nd}, N_ud = ${p.Nud}, Fock cutoff ${p.cutoff}, Ω = ${p.Omega}, κ = ${p.kappa}, γ+ = ${p.gammaPlus}, ` +
      `γ− = ${p.gammaMinus}, γz = ${p.gammaZ}, ωc − ωs = ${p.detuning}: ${s.hilbert_dim} states, Liouvillian ${s.liouvillian_dim} × ${s.liouvillian_dim} (${s.nnz} nonzeros); ` +
      `S(ω) on ${s.omega.length} frequencies on [−1, 1]. Fastest of ${q.reps} calls on each side.`,
  );
  lines.push('');
  lines.push('### Time (wall and CPU of the fastest call; ratio of wall times)');
  lines.push('');
  lines.push(
    formatTable(
      ['task', 'QuTiP', 'QuTiP CPU', 'qsync', 'qsync CPU', 'QuTiP ÷ qsync'],
      [
        ['steady state', formatDuration(s.steadystate_s), formatDuration(s.steadystate_cpu_s), formatDuration(q.steadyStateSeconds), formatDuration(q.steadyStateCpuSeconds), ratio(s.steadystate_s, q.steadyStateSeconds)],
        [`spectrum, ${s.omega.length} frequencies`, formatDuration(s.spectrum_s), formatDuration(s.spectrum_cpu_s), formatDuration(q.spectrumSeconds), formatDuration(q.spectrumCpuSeconds), ratio(s.spectrum_s, q.spectrumSeconds)],
      ],
    ),
  );
  lines.push('');
  lines.push(
    "QuTiP: `qutip.steadystate(H, c_ops)` (method 'direct': Liouvillian built in the call, one sparse LU solve); spectrum: `qutip.liouvillian`, `qutip.steadystate(L)`, " +
      'then one `scipy.sparse.linalg.spsolve` of (iω − L) per frequency (the fixture script\'s route; QuTiP\'s `spectrum` is dense and needs 10 GB here). ' +
      'qsync: `steadyState(l)` and `steadyStateSpectrum(l, ω, a†, a)` (its steady state inside). Building the model is outside the timed calls on both sides.',
  );
  lines.push('');
  lines.push(`### Values (target: equal to ${formatSig(LASER_AGREEMENT_TARGET, 1)}, marked ✓)`);
  lines.push('');
  const rows = Object.entries(s.expect).map(([name, v]) => {
    const m = q.moments[name];
    return [MOMENT_LABELS[name] ?? name, complex(v), m === undefined ? MISSING : complex(m), m === undefined ? MISSING : mark(Math.hypot(m[0] - v[0], m[1] - v[1]))];
  });
  const k = s.S.reduce((best, x, i) => (x > s.S[best] ? i : best), 0);
  rows.push([`S(ω) at ω = ${formatSig(s.omega[k])} (its largest)`, s.S[k].toPrecision(12), q.S[k].toPrecision(12), formatSig(Math.abs(q.S[k] - s.S[k]), 2)]);
  rows.push([`S(ω), all ${s.omega.length}: max |ΔS| / max S`, MISSING, MISSING, mark(agree.spectrum)]);
  lines.push(formatTable(['quantity', 'QuTiP', 'qsync', '|Δ|'], rows));
  return lines.join('\n');
}
