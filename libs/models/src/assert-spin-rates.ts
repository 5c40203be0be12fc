// Internal guard shared by the spin models of Ch. 4 (not exported from the library).

/**
 * Throws unless γ+ + γ− > 0. With neither gain nor loss, D[σ+] and D[σ−] vanish and the spin
 * models' steady state is not unique (every s_z of Eq. 4.29 is stationary), and the mean-field
 * and cumulant equations divide by γ+ + γ−. The message names both rates as received.
 *
 * @example
 * assertSpinRates('spinLimitCycle', 0, 1); // undefined — loss alone fixes the steady state
 * assertSpinRates('spinLimitCycle', 0, 0); // throws "got gammaPlus = 0, gammaMinus = 0"
 */
export function assertSpinRates(fn: string, gammaPlus: number, gammaMinus: number): void {
  if (!(gammaPlus + gammaMinus > 0)) {
    throw new Error(
      `${fn}: gammaPlus + gammaMinus must be > 0 (otherwise the steady state is not unique), got gammaPlus = ${gammaPlus}, gammaMinus = ${gammaMinus}`,
    );
  }
}
