import type { ObservableSeries, PhaseProbeResult, RunResults } from './results';
import { svgHeatmap } from '@qsync/plots';
import { svgLinePlot, type LineSeries } from '@qsync/plots';

/**
 * The SVG plots of a run, by file name: for a time evolution `observables.svg` (Re ⟨O⟩ solid
 * and, where not zero, Im ⟨O⟩ dashed, against t); per probe `relative-phase.svg` (Q(φ_AB)
 * against φ_AB with the flat 1/2π of no phase preference and a marker at the maximum),
 * `phase-<mode>.svg` (the same for Q(φ)) and `husimi-<mode>.svg` (a heatmap of Q(x + ip)).
 * A steady state without probes has no plot.
 *
 * @param results - the results of a run
 * @example
 * Object.keys(plotFiles(results)); // ['relative-phase.svg'] for the default scenario
 */
export function plotFiles(results: RunResults): Record<string, string> {
  const files: Record<string, string> = {};
  const model = `${results.model.name} (Eq. ${results.model.equation})`;
  const te = results.timeEvolution;
  const of = te === undefined ? 'steady state' : `state at t = ${te.times[te.times.length - 1]}`;
  if (te !== undefined && Object.keys(results.observables).length > 0) {
    const series: LineSeries[] = [];
    Object.entries(results.observables).forEach(([name, obs], i) => {
      const s = obs as ObservableSeries;
      const color = PALETTE[i % PALETTE.length];
      series.push({ name: `Re ${name} = Re⟨${s.operator}⟩`, x: te.times, y: s.re, color });
      const scale = [...s.re, ...s.im].reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      if (s.im.some((v) => Math.abs(v) > 1e-12 * scale)) {
        series.push({ name: `Im ${name} = Im⟨${s.operator}⟩`, x: te.times, y: s.im, color, dashed: true });
      }
    });
    files['observables.svg'] = svgLinePlot({ title: `Observables — ${model}`, xLabel: 't (1/rate unit)', yLabel: '⟨O⟩', series });
  }
  for (const [id, probe] of Object.entries(results.probes)) {
    if (probe.type === 'husimi') {
      files[`${id}.svg`] = svgHeatmap({
        title: `Husimi Q of mode ${probe.mode}, ${of} — ${model}`,
        xLabel: 'x = Re α',
        yLabel: 'p = Im α',
        valueLabel: 'Q(α)',
        x: probe.x,
        y: probe.p,
        values: probe.Q.flat(),
      });
    } else {
      files[`${id}.svg`] = phasePlot(probe, of, model);
    }
  }
  return files;
}

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b'];

function phasePlot(probe: PhaseProbeResult, of: string, model: string): string {
  const rel = probe.type === 'relative-phase';
  const q = rel ? 'Q(φ_AB)' : `Q(φ) of mode ${probe.mode}`;
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
