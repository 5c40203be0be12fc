import type { ChannelSeries, ComplexValue, EnsembleSeries, ObservableSeries, RunResults, SteadyObservable } from './results';
import type { RunOutcome } from './run-scenario';

/** An observable in the JSON summary: a value (steady state) or a series with its final value. */
export type SummaryObservable =
  | ComplexValue
  | {
      readonly final: ComplexValue;
      readonly t: readonly number[];
      readonly re: readonly number[];
      readonly im: readonly number[];
      /** a simulation's spread over the entries of an array channel at each time */
      readonly std?: readonly number[];
      /** method 'trajectories': the standard errors of the ensemble means of Re and Im */
      readonly reStandardError?: readonly number[];
      readonly imStandardError?: readonly number[];
    };

/** The one JSON object `qsync run --json` prints. */
export interface JsonSummary {
  readonly runDir: string;
  readonly model: string;
  readonly method: RunResults['method'];
  readonly observables: Readonly<Record<string, SummaryObservable>>;
  /** Peak of each phase probe ({ max, argmax }), maximum of each Husimi probe ({ max }). */
  readonly probes: Readonly<Record<string, { readonly max: number; readonly argmax?: number }>>;
  /** Method 'spectrum': each spectrum's peak and its power ∫ S dω/2π on the grid; {} otherwise. */
  readonly spectra: Readonly<Record<string, { readonly peak: { readonly omega: number; readonly density: number }; readonly power: number }>>;
  /** ‖L ρ_ss‖ of a steady state (also under spectra); null for a time evolution or a simulation. */
  readonly residual: number | null;
  /** Tr ρ at the last time of a time evolution; null otherwise. */
  readonly finalTrace: number | null;
  readonly files: readonly string[];
}

/**
 * The summary `--json` prints: run folder, model, method, every observable under the name the
 * scenario gave it ({re, im}, or for a time evolution or a simulation { final, t, re, im }, with
 * `std` for a simulation's array channel), the peak of each probe, the peak and power of each
 * spectrum, and the steady-state residual.
 *
 * @param run - the outcome of `runScenario`
 * @example
 * // run: what runScenario returned for the default scenario
 * jsonSummary(run).observables.coherence; // { re: 0.514…, im: 0.108… }
 */
export function jsonSummary(run: RunOutcome): JsonSummary {
  const { results } = run;
  const te = results.timeEvolution;
  const times = te?.times ?? results.simulation?.times ?? results.trajectories?.times;
  const observables: Record<string, SummaryObservable> = {};
  for (const [name, obs] of Object.entries(results.observables)) {
    if (times === undefined) {
      observables[name] = (obs as SteadyObservable).value;
    } else {
      const s = obs as ObservableSeries | ChannelSeries | EnsembleSeries;
      const std = 'std' in s && s.count > 1 ? { std: s.std } : {};
      const se = 'reStandardError' in s ? { reStandardError: s.reStandardError, imStandardError: s.imStandardError } : {};
      observables[name] = { final: s.final, t: times, re: s.re, im: s.im, ...std, ...se };
    }
  }
  const probes: Record<string, { max: number; argmax?: number }> = {};
  for (const [id, p] of Object.entries(results.probes)) {
    probes[id] = p.type === 'husimi' || p.type === 'spin-husimi' ? { max: p.max } : { max: p.max, argmax: p.argmax };
  }
  const spectra = Object.fromEntries(Object.entries(results.spectra ?? {}).map(([name, sp]) => [name, { peak: sp.peak, power: sp.power }]));
  return {
    runDir: run.runDir,
    model: results.model.name,
    method: results.method,
    observables,
    probes,
    spectra,
    residual: results.steadyState?.residual ?? null,
    finalTrace: te === undefined ? null : te.trace[te.trace.length - 1],
    files: run.files,
  };
}

/**
 * A short human summary: model and method, one line per observable (its value, or its final
 * value for a time evolution), one line per probe, and the run folder.
 *
 * @param run - the outcome of `runScenario`
 * @example
 * // run: what runScenario returned for the default scenario, into runs/default-20240131-090507/
 * humanSummary(run).split('\n').at(-1)?.startsWith(`results in ${run.runDir}`); // true
 */
export function humanSummary(run: RunOutcome): string {
  const { results } = run;
  const te = results.timeEvolution;
  const sim = results.simulation;
  const tr = results.trajectories;
  const lines: string[] = [];
  const head = `${results.model.name} — ${results.model.title} (thesis Eq. ${results.model.equation})`;
  if (tr !== undefined) {
    const t = tr.times;
    const channels = tr.monitored.map((m) => `dissipator ${m.dissipator} (rate ${m.rate}) → ${m.current}`).join(', ');
    lines.push(
      `${head}, ${tr.trajectories} ${tr.unraveling} trajectories t = ${t[0]} … ${t[t.length - 1]} (${t.length} times; ${channels}; ξ = ${tr.efficiency}; ` +
        `${tr.scheme === undefined ? '' : `${tr.scheme}, step ${tr.step}, `}noise seed ${tr.noiseSeed}; positivity violations ${tr.positivityViolations})`,
    );
  } else if (sim !== undefined) {
    const t = sim.times;
    const how =
      sim.integrator === 'dormand-prince'
        ? `Dormand–Prince, rtol ${sim.rtol}`
        : `${sim.integrator}, step ${sim.step}, noise seed ${sim.noiseSeed}, ${sim.realizations} realization${sim.realizations === 1 ? '' : 's'}`;
    lines.push(`${head}, simulation t = ${t[0]} … ${t[t.length - 1]} (${t.length} times; ${how})`);
  } else if (te === undefined) {
    const ss = results.steadyState;
    const f = results.spectrum?.frequencies;
    const what = f === undefined ? 'steady state' : `steady-state spectra at ω = ${f.start} … ${f.stop} (${f.count} frequencies, ${results.spectrum?.route} route)`;
    lines.push(`${head}, ${what} (${ss?.solver} solve, residual ‖Lρ‖ = ${ss?.residual.toExponential(2)})`);
  } else {
    lines.push(
      `${head}, time evolution t = ${te.times[0]} … ${te.times[te.times.length - 1]} ` +
        `(${te.times.length} times, final Tr ρ = ${te.trace[te.trace.length - 1].toFixed(8)})`,
    );
  }
  const names = Object.keys(results.observables);
  const width = Math.max(0, ...names.map((n) => n.length));
  for (const name of names) {
    const obs = results.observables[name];
    if (sim !== undefined) {
      const s = obs as ChannelSeries;
      const k = s.re.length - 1;
      const at = ` at t = ${sim.times[k]}`;
      lines.push(
        s.count > 1
          ? `  ${name.padEnd(width)}  mean of ${s.channel}${at} = ${complex(s.final)} (standard deviation ${s.std[k].toPrecision(4)} over ${s.count})`
          : `  ${name.padEnd(width)}  ${s.channel}${at} = ${complex(s.final)}`,
      );
      continue;
    }
    if (tr !== undefined) {
      const e = obs as EnsembleSeries;
      const k = e.re.length - 1;
      lines.push(
        `  ${name.padEnd(width)}  mean ⟨${e.operator}⟩_c at t = ${tr.times[k]} = ${complex(e.final)} ` +
          `(standard error ${e.reStandardError[k].toPrecision(3)} + ${e.imStandardError[k].toPrecision(3)}i)`,
      );
      continue;
    }
    const q = obs as SteadyObservable | ObservableSeries;
    const value = te === undefined ? (q as SteadyObservable).value : (q as ObservableSeries).final;
    const at = te === undefined ? '' : ` at t = ${te.times[te.times.length - 1]}`;
    lines.push(`  ${name.padEnd(width)}  ⟨${q.operator}⟩${at} = ${complex(value)}`);
  }
  const spectra = Object.entries(results.spectra ?? {});
  const spectrumWidth = Math.max(0, ...spectra.map(([n]) => n.length));
  for (const [name, sp] of spectra) {
    lines.push(
      `  ${name.padEnd(spectrumWidth)}  S(ω) of ⟨${sp.A}(τ) ${sp.B}⟩: peak ${sp.peak.density.toPrecision(6)} at ω = ${sp.peak.omega.toPrecision(6)}, ` +
        `∫S dω/2π = ${sp.power.toPrecision(6)} on the grid`,
    );
  }
  const flat = (1 / (2 * Math.PI)).toFixed(4);
  for (const [id, p] of Object.entries(results.probes)) {
    if (p.type === 'husimi') {
      lines.push(`  ${id}: max Q(α) = ${p.max.toPrecision(6)} on the ${p.x.length}×${p.p.length} grid`);
    } else if (p.type === 'spin-husimi') {
      lines.push(`  ${id}: max Q(θ, φ) = ${p.max.toPrecision(6)} on the ${p.theta.length}×${p.phi.length} θ×φ grid (at most 1/2π = ${flat})`);
    } else if (p.type === 'spin-phase') {
      lines.push(
        Math.hypot(p.sigmaPlus.re, p.sigmaPlus.im) < 1e-14
          ? `  ${id}: Q(φ) is flat, 1/2π = ${p.max.toPrecision(6)} (⟨σ+⟩ = 0)`
          : `  ${id}: max Q(φ) = ${p.max.toPrecision(6)} at φ = ${p.argmax.toFixed(4)} rad (flat: 1/2π = ${flat}; ⟨σ+⟩ = ${complex(p.sigmaPlus)})`,
      );
    } else if (p.type === 'spin-relative-phase') {
      lines.push(
        `  ${id}: max Q(φ_AB) = ${p.max.toPrecision(6)} at φ_AB = ${p.argmax.toFixed(4)} rad (flat: 1/2π = ${flat}, at most + π/32); ` +
          `⟨σ+_Aσ−_B⟩ = ${complex(p.correlation)}, order parameter √|⟨σ+_Aσ−_B⟩| = ${p.order.toPrecision(6)}`,
      );
    } else {
      const q = p.type === 'relative-phase' ? 'Q(φ_AB)' : 'Q(φ)';
      const phi = p.type === 'relative-phase' ? 'φ_AB' : 'φ';
      lines.push(`  ${id}: max ${q} = ${p.max.toPrecision(6)} at ${phi} = ${p.argmax.toFixed(4)} rad (flat: 1/2π = ${(1 / (2 * Math.PI)).toFixed(4)})`);
    }
  }
  lines.push(`results in ${run.runDir}/ (${run.files.join(', ')}), ${(results.timing.totalMs / 1000).toPrecision(3)} s`);
  return lines.join('\n');
}

function complex(v: ComplexValue): string {
  const re = v.re.toPrecision(6);
  if (v.im === 0 || Math.abs(v.im) < 1e-12 * Math.max(1, Math.abs(v.re))) return re;
  return `${re} ${v.im < 0 ? '−' : '+'} ${Math.abs(v.im).toPrecision(6)}i`;
}
