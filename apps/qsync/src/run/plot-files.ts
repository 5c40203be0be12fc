import { svgHeatmap, svgLinePlot, type LineSeries } from '@qsync/plots';
import type {
  ChannelSeries,
  EnsembleSeries,
  ObservableSeries,
  PhaseProbeResult,
  RunResults,
  SpectrumResult,
  SpinPhaseProbeResult,
  SpinRelativePhaseProbeResult,
} from './results';

/** Distinct line colours (matplotlib's "tab10"). */
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];

/**
 * The plots of a run as SVG documents, by file stem (written as `<stem>.svg` and/or
 * `<stem>.png`): for a time evolution `observables` (Re ⟨O⟩ solid and, where not zero, Im ⟨O⟩
 * dashed, against t); for a simulation one plot per observable, named like it (the channel's
 * value, or its mean with mean ± one standard deviation dashed for an array channel; Re and Im
 * of a complex one); per probe `relative-phase` (Q(φ_AB) against φ_AB with the flat 1/2π of no
 * phase preference and a marker at the maximum), `phase-<mode>` (the same for Q(φ)),
 * `husimi-<mode>` (a heatmap of Q(x + ip)), the spin probes likewise (`spin-phase…`,
 * `spin-relative-phase`, and `spin-husimi…`, a heatmap of Q(θ, φ)); for a spectrum run `spectra`
 * (each S(ω) against ω, a marker at the peak of the first); for trajectories `observables` (each
 * ensemble mean with mean ± standard error dashed) and `currents` (the currents of the first
 * written trajectory). A steady state without probes has no plot.
 *
 * @param results - the results of a run
 * @example
 * // results: those of the default scenario (runScenario(…).results)
 * Object.keys(plotFiles(results)); // ['relative-phase']
 */
export function plotFiles(results: RunResults): Record<string, string> {
  const plots: Record<string, string> = {};
  const model = `${results.model.name} (Eq. ${results.model.equation})`;
  const te = results.timeEvolution;
  const sim = results.simulation;
  const of = te === undefined ? 'steady state' : `state at t = ${te.times[te.times.length - 1]}`;
  if (te !== undefined && Object.keys(results.observables).length > 0) {
    const series: LineSeries[] = [];
    Object.entries(results.observables).forEach(([name, obs], i) => {
      const s = obs as ObservableSeries;
      const color = PALETTE[i % PALETTE.length];
      series.push({ name: `Re ${name} = Re⟨${s.operator}⟩`, x: te.times, y: s.re, color });
      if (hasImaginary(s)) series.push({ name: `Im ${name} = Im⟨${s.operator}⟩`, x: te.times, y: s.im, color, dashed: true });
    });
    plots.observables = svgLinePlot({ title: `Observables — ${model}`, xLabel: 't (1/rate unit)', yLabel: '⟨O⟩', series });
  }
  if (sim !== undefined) {
    for (const [name, obs] of Object.entries(results.observables)) plots[name] = channelPlot(name, obs as ChannelSeries, sim.times, model);
  }
  const tr = results.trajectories;
  if (tr !== undefined && Object.keys(results.observables).length > 0) {
    const series: LineSeries[] = [];
    Object.entries(results.observables).forEach(([name, obs], i) => {
      const s = obs as EnsembleSeries;
      const color = PALETTE[(2 * i) % PALETTE.length];
      const band = (part: 're' | 'im', label: string, c: string) => {
        const mean = s[part];
        const se = part === 're' ? s.reStandardError : s.imStandardError;
        series.push({ name: `${label} ${name}: mean ⟨${s.operator}⟩_c`, x: tr.times, y: mean, color: c });
        series.push({ name: `${label} ${name}: mean ± standard error`, x: tr.times, y: mean.map((v, k) => v + se[k]), color: c, dashed: true });
        series.push({ name: 'lower edge', x: tr.times, y: mean.map((v, k) => v - se[k]), color: c, dashed: true, legend: false });
      };
      band('re', 'Re', color);
      if (hasImaginary(s)) band('im', 'Im', PALETTE[(2 * i + 1) % PALETTE.length]);
    });
    plots.observables = svgLinePlot({
      title: `Means over ${tr.trajectories} ${tr.unraveling} trajectories — ${model}`,
      xLabel: 't (1/rate unit)',
      yLabel: '⟨O⟩_c',
      series,
    });
    const first = results.currents?.[0];
    if (first !== undefined) {
      const currentSeries: LineSeries[] = [];
      Object.entries(first.currents).forEach(([name, c], i) => {
        currentSeries.push({ name: `Re ${name}`, x: tr.times, y: c.re, color: PALETTE[(2 * i) % PALETTE.length] });
        if (tr.unraveling === 'heterodyne') currentSeries.push({ name: `Im ${name}`, x: tr.times, y: c.im, color: PALETTE[(2 * i + 1) % PALETTE.length] });
      });
      plots.currents = svgLinePlot({ title: `Currents of trajectory ${first.trajectory} — ${model}`, xLabel: 't (1/rate unit)', yLabel: 'I (√rate)', series: currentSeries });
    }
  }
  if (results.spectra !== undefined) plots.spectra = spectraPlot(results.spectra, model);
  for (const [id, probe] of Object.entries(results.probes)) {
    if (probe.type === 'spin-husimi') {
      plots[id] = svgHeatmap({
        title: `Husimi Q(θ, φ) of ${probe.spin === undefined ? 'the spin' : `spin ${probe.spin}`}, ${of} — ${model}`,
        xLabel: 'φ (rad)',
        yLabel: 'θ (rad)',
        valueLabel: 'Q(θ, φ) (1/sr)',
        x: probe.phi,
        y: probe.theta,
        values: probe.Q.flat(),
      });
    } else if (probe.type === 'husimi') {
      plots[id] = svgHeatmap({
        title: `Husimi Q of mode ${probe.mode}, ${of} — ${model}`,
        xLabel: 'x = Re α',
        yLabel: 'p = Im α',
        valueLabel: 'Q(α)',
        x: probe.x,
        y: probe.p,
        values: probe.Q.flat(),
      });
    } else {
      plots[id] = phasePlot(probe, of, model);
    }
  }
  return plots;
}

function hasImaginary(s: { re: readonly number[]; im: readonly number[] }): boolean {
  const scale = [...s.re, ...s.im].reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return s.im.some((v) => Math.abs(v) > 1e-12 * scale);
}

function channelPlot(name: string, s: ChannelSeries, t: readonly number[], model: string): string {
  const unit = s.unit !== undefined ? ` (${s.unit})` : '';
  const ensemble = s.count > 1;
  const what = ensemble ? `mean of ${s.channel} over ${s.count} entries` : s.channel;
  const series: LineSeries[] = [];
  if (s.kind === 'complex') {
    series.push({ name: `Re ${what}`, x: t, y: s.re, color: PALETTE[0] });
    if (hasImaginary(s)) series.push({ name: `Im ${what}`, x: t, y: s.im, color: PALETTE[1], dashed: true });
  } else {
    series.push({ name: what, x: t, y: s.re, color: PALETTE[0] });
    if (ensemble) {
      series.push({ name: 'mean ± one standard deviation', x: t, y: s.re.map((v, k) => v + s.std[k]), color: PALETTE[0], dashed: true });
      series.push({ name: 'lower edge', x: t, y: s.re.map((v, k) => v - s.std[k]), color: PALETTE[0], dashed: true, legend: false });
    }
  }
  return svgLinePlot({ title: `${name} = ${s.channel} — ${model}`, xLabel: 't (1/rate unit)', yLabel: `${s.channel}${unit}`, series });
}

function spectraPlot(spectra: Readonly<Record<string, SpectrumResult>>, model: string): string {
  const entries = Object.entries(spectra);
  const first = entries[0][1];
  return svgLinePlot({
    title: `Steady-state spectra — ${model}`,
    xLabel: 'ω (rad per time unit)',
    yLabel: 'S(ω)',
    series: entries.map(([name, s], i) => ({ name: `${name}: S(ω) of ⟨${s.A}(τ) ${s.B}⟩`, x: s.omega, y: s.S, color: PALETTE[i % PALETTE.length] })),
    markers: [{ x: first.peak.omega, label: `peak ${first.peak.density.toPrecision(4)} at ${first.peak.omega.toPrecision(4)}` }],
  });
}

function phasePlot(probe: PhaseProbeResult | SpinPhaseProbeResult | SpinRelativePhaseProbeResult, of: string, model: string): string {
  const rel = probe.type === 'relative-phase' || probe.type === 'spin-relative-phase';
  const q = rel
    ? probe.type === 'spin-relative-phase'
      ? 'Q(φ_AB) of the spins'
      : probe.modes === undefined
        ? 'Q(φ_AB)'
        : `Q(φ_AB) of modes ${probe.modes[0]}, ${probe.modes[1]}`
    : probe.type === 'spin-phase'
      ? `Q(φ) of ${probe.spin === undefined ? 'the spin' : `spin ${probe.spin}`}`
      : `Q(φ) of mode ${probe.mode}`;
  const phi = rel ? 'φ_AB (rad)' : 'φ (rad)';
  return svgLinePlot({
    title: `${q}, ${of} — ${model}`,
    xLabel: phi,
    yLabel: `${rel ? 'Q(φ_AB)' : 'Q(φ)'} (1/rad)`,
    series: [
      { name: rel ? 'Q(φ_AB)' : 'Q(φ)', x: probe.phi, y: probe.Q },
      { name: 'no phase preference, 1/2π', x: [-Math.PI, Math.PI], y: [1 / (2 * Math.PI), 1 / (2 * Math.PI)], color: '#888888', dashed: true },
    ],
    xDomain: [-Math.PI, Math.PI],
    markers: [{ x: probe.argmax, label: `max ${probe.max.toPrecision(4)} at ${probe.argmax.toFixed(3)}` }],
  });
}
