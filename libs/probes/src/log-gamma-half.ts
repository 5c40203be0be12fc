/**
 * Table of log-Gamma at half-integers: out[j] = ln Γ(1 + j/2) for j = 0…jMax. Internal to
 * @qsync/probes; gives ln n! = out[2n] and the Γ(1 + (n+m)/2) of Eqs. (4.5) and (4.11).
 *
 * Built from Γ(1) = 1, Γ(3/2) = √π/2 and Γ(1 + j/2) = (j/2)·Γ(j/2) on the even and the odd chain
 * separately, with compensated (Kahan) summation of the logarithms so the error stays at a
 * few ulps of the result even for j in the thousands. Exact recurrence: no Stirling or Lanczos
 * approximation is involved.
 *
 * @param jMax - largest j (integer ≥ 0)
 * @example
 * Math.exp(logGammaHalfTable(3)[3]); // (3 * Math.sqrt(Math.PI)) / 4 — Γ(5/2) = 3√π/4
 */
export function logGammaHalfTable(jMax: number): Float64Array {
  const out = new Float64Array(jMax + 1);
  // Kahan sums for the even chain (Γ(1) = 1) and the odd chain (Γ(3/2) = √π/2).
  let sumEven = 0;
  let cEven = 0;
  let sumOdd = 0.5 * Math.log(Math.PI) - Math.LN2;
  let cOdd = 0;
  for (let j = 0; j <= jMax; j++) {
    if (j >= 2) {
      const term = Math.log(j / 2);
      if (j % 2 === 0) {
        const y = term - cEven;
        const t = sumEven + y;
        cEven = t - sumEven - y;
        sumEven = t;
      } else {
        const y = term - cOdd;
        const t = sumOdd + y;
        cOdd = t - sumOdd - y;
        sumOdd = t;
      }
    }
    out[j] = j % 2 === 0 ? sumEven : sumOdd;
  }
  return out;
}
