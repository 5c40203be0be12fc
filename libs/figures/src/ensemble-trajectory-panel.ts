import type { LinePanel } from './figure-types';
import type { EnsembleAgreement } from './measured-ensemble';
import type { MeasuredUnraveling } from './measured-oscillator-task';

const FAINT = '#a6c8e6';
const HIGHLIGHT = '#1f77b4';
const MEAN: Record<MeasuredUnraveling, string> = { heterodyne: '#000000', homodyne: '#d62728', 'photon-counting': '#2ca02c' };

/**
 * The trajectory panel of figures 4.2 and 4.7 (internal to figures): one column of the shown
 * heterodyne trajectories (1 … n−1 faint, trajectory 0 highlighted), the ensemble mean of each
 * unraveling, and the master equation (dashed) against t.
 *
 * @example
 * const t = Float64Array.of(0, 1);
 * const g = { mean: Float64Array.of(1, 0.5), standardError: Float64Array.of(0, 0.1), worstZ: 0, worstIndex: 0, within2: 1, compared: 1 };
 * const panel = ensembleTrajectoryPanel({
 *   name: 'b', title: '(b)', xLabel: 't', yLabel: '⟨x⟩', times: t, column: 'x', trajectories: 400,
 *   shown: [{ x: Float64Array.of(1, 0.7) }], master: Float64Array.of(1, 0.5),
 *   agreement: { heterodyne: { x: g }, homodyne: { x: g }, 'photon-counting': { x: g } },
 * });
 * panel.series.map((s) => s.name); // → ['trajectory 0', 'mean of 400 (heterodyne)', 'mean of 400 (homodyne)', 'mean of 400 (photon-counting)', 'master equation']
 */
export function ensembleTrajectoryPanel(p: {
  readonly name: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly times: Float64Array;
  readonly column: string;
  readonly trajectories: number;
  readonly shown: readonly Record<string, Float64Array>[];
  readonly agreement: Readonly<Record<MeasuredUnraveling, Readonly<Record<string, EnsembleAgreement>>>>;
  readonly master: Float64Array;
}): LinePanel {
  const x = p.times;
  return {
    kind: 'lines',
    name: p.name,
    title: p.title,
    xLabel: p.xLabel,
    yLabel: p.yLabel,
    series: [
      ...p.shown.slice(1).map((s, k) => ({ name: `trajectory ${k + 1}`, x, y: s[p.column], color: FAINT })),
      { name: 'trajectory 0', x, y: p.shown[0][p.column], color: HIGHLIGHT },
      ...(Object.keys(MEAN) as MeasuredUnraveling[]).map((u) => ({ name: `mean of ${p.trajectories} (${u})`, x, y: p.agreement[u][p.column].mean, color: MEAN[u] })),
      { name: 'master equation', x, y: p.master, color: '#888888', dashed: true },
    ],
  };
}
