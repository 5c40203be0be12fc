import { compileCumulantRhs, type CumulantRhs } from './compile-cumulant-rhs';
import type { StochasticCumulantEquations } from './stochastic-cumulant-equations';

/**
 * Compiles the measurement terms of `stochasticCumulantEquations` into one allocation-free
 * diffusion per noise, `(out, y, t, p) => void`: out receives the coefficient of dW_n in the
 * Itô equation of every slot of y, √(s·rate·ξ)·(⟨L†O + OL⟩ − ⟨L + L†⟩⟨O⟩) truncated at the
 * system's order (thesis 6.34), in the layout of `compileCumulantRhs` (Re, Im of complex
 * moments). Rate and efficiency are read from p when they are parameters; a negative value
 * throws rather than giving NaN.
 *
 * @param equations - from `stochasticCumulantEquations`
 * @example
 * // a decaying mode under homodyne detection, order 2: the noise of ⟨a⟩ is √(κξ)(⟨a†a⟩ + ⟨a²⟩ − ⟨a⟩² − |⟨a⟩|²)
 * const alg = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }], parameters: ['kappa', 'xi'] });
 * const eqs = stochasticCumulantEquations(
 *   { hamiltonian: alg.scalar(0), dissipators: [{ rate: 'kappa', jump: alg.destroy(0) }] },
 *   { moments: [alg.destroy(0)], order: 2, measurements: [{ dissipator: 0, efficiency: 'xi' }] },
 * );
 * const [diffusion] = compileCumulantDiffusion(eqs);
 * // slots: Re⟨a⟩, Im⟨a⟩, Re⟨a²⟩, Im⟨a²⟩, ⟨a†a⟩
 * const out = new Float64Array(eqs.size);
 * // at ⟨a⟩ = 0, ⟨a²⟩ = ⟨a†a⟩ = 0.5, κ = 4, ξ = 0.25
 * diffusion(out, Float64Array.of(0, 0, 0.5, 0, 0.5), 0, Float64Array.of(4, 0.25));
 * out[0]; // 1 — √(4·0.25)·(0.5 + 0.5)
 */
export function compileCumulantDiffusion(equations: StochasticCumulantEquations): CumulantRhs[] {
  if (equations === null || typeof equations !== 'object' || !Array.isArray(equations.noises as unknown) || !Array.isArray(equations.noiseForms as unknown)) {
    throw new Error("compileCumulantDiffusion: argument 'equations' must come from stochasticCumulantEquations");
  }
  const size = equations.size;
  const names = equations.parameters;
  return equations.noises.map((noise, n) => {
    const inner = compileCumulantRhs({ ...equations, closureForm: equations.noiseForms[n] });
    const rp = noise.rate.parameter;
    const rv = noise.rate.value;
    const ep = noise.efficiency.parameter;
    const ev = noise.efficiency.value;
    const share = noise.share;
    return (out, y, t, p) => {
      inner(out, y, t, p);
      const rate = rp >= 0 ? p[rp] : rv;
      const xi = ep >= 0 ? p[ep] : ev;
      if (!(rate >= 0) || !(xi >= 0 && xi <= 1)) {
        throw new Error(
          `cumulant diffusion ${noise.name}: needs rate ≥ 0 and efficiency in [0, 1] (p = [${names.join(', ')}]), got rate ${rate}, efficiency ${xi}`,
        );
      }
      const s = Math.sqrt(share * rate * xi);
      for (let i = 0; i < size; i++) out[i] *= s;
    };
  });
}
