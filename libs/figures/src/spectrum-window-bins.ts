/**
 * The frequency bins that fall into each averaging window (internal to figures): window w holds
 * the bins with |ω − centre_w| < width/2. Shared by the heterodyne-spectrum task (which averages
 * a trajectory's periodogram over them) and the figure (which averages the prediction over the
 * same bins), so the two always mean the same windows.
 *
 * @example
 * const bins = spectrumWindowBins(Float64Array.of(-1, -0.5, 0, 0.5, 1), [-0.75, 0.75], 1);
 * bins; // → [[0, 1], [3, 4]]
 */
export function spectrumWindowBins(omega: Float64Array, centres: readonly number[], width: number): number[][] {
  return centres.map((c) => {
    const bins: number[] = [];
    for (let i = 0; i < omega.length; i++) if (Math.abs(omega[i] - c) < width / 2) bins.push(i);
    if (bins.length === 0) throw new Error(`spectrumWindowBins: the window at ${c} of width ${width} holds no frequency bin`);
    return bins;
  });
}
