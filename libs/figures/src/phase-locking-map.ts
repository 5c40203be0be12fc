import { linspace } from './figure-support';
import { PHASE_LOCKING_WINDOW } from './phase-locking-window';

/** The map of a phase-locking figure: its axes and max Q(φ_AB) on them. */
export interface PhaseLockingMap {
  /** nDelta detunings on [−deltaMax, deltaMax] of {@link PHASE_LOCKING_WINDOW} */
  readonly deltas: Float64Array;
  /** nV couplings on [0, vMax] */
  readonly couplings: Float64Array;
  /** values[iV·nDelta + iδ], the layout of a heatmap */
  readonly maxima: Float64Array;
}

/**
 * The map of a phase-locking figure (Figs. 4.3 and 4.8; internal to figures) on nDelta × nV points
 * of {@link PHASE_LOCKING_WINDOW}: `at(δ, V, iδ, iV)` (max Q(φ_AB) of the steady state there) for
 * every detuning and coupling, couplings in the outer loop, so the solves run in the order of the
 * heatmap's rows.
 */
export async function phaseLockingMap(
  nDelta: number,
  nV: number,
  at: (delta: number, V: number, iDelta: number, iV: number) => Promise<number>,
): Promise<PhaseLockingMap> {
  const deltas = linspace(-PHASE_LOCKING_WINDOW.deltaMax, PHASE_LOCKING_WINDOW.deltaMax, nDelta);
  const couplings = linspace(0, PHASE_LOCKING_WINDOW.vMax, nV);
  const maxima = new Float64Array(nDelta * nV);
  for (let iv = 0; iv < nV; iv++) {
    for (let id = 0; id < nDelta; id++) maxima[iv * nDelta + id] = await at(deltas[id], couplings[iv], id, iv);
  }
  return { deltas, couplings, maxima };
}
