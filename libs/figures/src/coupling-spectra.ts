import { steadyState } from '@qsync/integrators';
import type { Lindbladian, Operator } from '@qsync/operators';
import type { FigureContext } from './figure-stream';
import type { FigureCheck, FigureSeries, LinePanel } from './figure-types';
import { mirrorDefect, peakOf, relativeToPeak, separationIncreases, spectraAB, spectrumStage } from './quantum-spectra-support';

/** One pair of oscillators at coupling V, for {@link couplingSpectra}. */
export interface CouplingSpectraModel {
  readonly lindbladian: Lindbladian;
  /** A = (A, B) of S_A(ω), e.g. (a†, a) */
  readonly a: readonly [Operator, Operator];
  /** the same for oscillator B */
  readonly b: readonly [Operator, Operator];
}

/** The figure, model-independent part: what {@link couplingSpectra} needs. */
export interface CouplingSpectraSpec {
  /** couplings V/δ */
  readonly couplings: readonly number[];
  readonly delta: number;
  /** the V/δ at which S_A is computed by the Fourier route as well */
  readonly fourierCoupling: number;
  /** the pair at coupling V */
  model(V: number): CouplingSpectraModel;
  /** equation numbers of the checks: the spectrum's and the model's */
  readonly equations: { readonly spectrum: string; readonly model: string };
  /** the panel: parameters in its title, and the unit of ω */
  readonly caption: string;
  readonly unit: string;
  /** more series drawn after the uncoupled pair's spectra (V = 0) */
  uncoupledSeries?(sA: Float64Array, sB: Float64Array): readonly FigureSeries[];
}

/** What {@link couplingSpectra} computed. */
export interface CouplingSpectra {
  /** S_A and S_B at each coupling, in the order of `couplings` */
  readonly spectra: readonly { readonly sA: Float64Array; readonly sB: Float64Array }[];
  /** the peaks, `peakA_V<ratio>delta` and `peakB_V<ratio>delta`, for the figure's parameters */
  readonly peaks: Record<string, number>;
  /** the lines panel 'a' of every spectrum */
  readonly panel: LinePanel;
  /** the checks every pair has: the two routes, S_B(ω) = S_A(−ω), the peaks approaching */
  readonly checks: { readonly fourier: FigureCheck; readonly mirror: FigureCheck; readonly approach: FigureCheck };
}

/**
 * The steady-state spectra S_A(ω), S_B(ω) of a pair of oscillators at each coupling V = ratio·δ
 * (resolvent route, Eq. 4.12 / 4.46), as stages of the figure, with the panel and the checks
 * that do not depend on the model (Figs. 4.4 and 4.9; internal to figures):
 * - the Fourier route against the resolvent route at `fourierCoupling`: largest difference / peak;
 * - S_B(ω) = S_A(−ω) at every V (A ↔ B with δ → −δ conjugates L): largest defect / peak;
 * - the peaks approach as V grows: the number of couplings at which their separation grows.
 */
export async function couplingSpectra(ctx: FigureContext, omega: Float64Array, spec: CouplingSpectraSpec): Promise<CouplingSpectra> {
  const series: FigureSeries[] = [];
  const spectra: { sA: Float64Array; sB: Float64Array }[] = [];
  const separations: number[] = [];
  const peaks: Record<string, number> = {};
  let mirror = 0;
  let fourierDefect = NaN;
  for (const ratio of spec.couplings) {
    const pair = spec.model(ratio * spec.delta);
    const rho = steadyState(pair.lindbladian).rho;
    const stage = `spectra, V = ${ratio}δ`;
    const { sA, sB } = await spectraAB(ctx, stage, pair.lindbladian, rho, omega, pair.a, pair.b);
    spectra.push({ sA, sB });
    const label = ratio === 0 ? 'V = 0' : ratio === 1 ? 'V = δ' : `V = ${ratio}δ`;
    series.push({ name: `S_A, ${label}`, x: omega, y: sA }, { name: `S_B, ${label}`, x: omega, y: sB, dashed: true });
    const pA = peakOf(omega, sA);
    const pB = peakOf(omega, sB);
    peaks[`peakA_V${ratio}delta`] = pA;
    peaks[`peakB_V${ratio}delta`] = pB;
    separations.push(pA - pB);
    mirror = Math.max(mirror, mirrorDefect(sA, sB));
    if (ratio === 0 && spec.uncoupledSeries !== undefined) series.push(...spec.uncoupledSeries(sA, sB));
    if (ratio === spec.fourierCoupling) {
      const fourier = await spectrumStage(ctx, `${stage}, S_A by the Fourier route`, pair.lindbladian, rho, omega, pair.a, { method: 'fourier' });
      fourierDefect = relativeToPeak(fourier, sA);
    }
  }
  const { spectrum, model } = spec.equations;
  const halfWidth = Math.max(-omega[0], omega[omega.length - 1]);
  return {
    spectra,
    peaks,
    panel: {
      kind: 'lines',
      name: 'a',
      title: `spectra S_A(ω) (solid) and S_B(ω) (dashed), ${spec.caption}`,
      xLabel: `frequency ω/${spec.unit}`,
      yLabel: `S(ω) ${spec.unit}`,
      series,
      xDomain: [-halfWidth, halfWidth],
    },
    checks: {
      fourier: { name: `Fourier route vs resolvent route, S_A at V = ${spec.fourierCoupling}δ: largest difference / peak`, equation: spectrum, value: fourierDefect, expected: 0 },
      mirror: { name: 'S_B(ω) vs S_A(−ω) (A ↔ B, δ → −δ): largest difference / peak over all V', equation: `${model}, ${spectrum}`, value: mirror, expected: 0 },
      approach: {
        name: `peaks approach as V grows: couplings at which the peak separation grows (separations ${separations.map((s) => s.toFixed(3)).join(', ')})`,
        equation: spectrum,
        value: separationIncreases(separations),
        expected: 0,
      },
    },
  };
}
