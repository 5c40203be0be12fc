/**
 * The map of a phase-locking figure (Figs. 4.3 and 4.8; internal to figures): `at(δ, V, iδ, iV)`
 * for every detuning and coupling, couplings in the outer loop (so that the solves run in the
 * order of the heatmap's rows), stored as values[iV·deltas.length + iδ], the layout of a heatmap.
 */
export async function phaseLockingMap(
  deltas: Float64Array,
  couplings: Float64Array,
  at: (delta: number, V: number, iDelta: number, iV: number) => Promise<number>,
): Promise<Float64Array> {
  const nDelta = deltas.length;
  const values = new Float64Array(nDelta * couplings.length);
  for (let iv = 0; iv < couplings.length; iv++) {
    for (let id = 0; id < nDelta; id++) values[iv * nDelta + id] = await at(deltas[id], couplings[iv], id, iv);
  }
  return values;
}
