import {
  compileCumulantRhs,
  groupCorrelationEquations,
  groupCumulantEquations,
  regressionSpectrum,
  type CorrelationEquations,
  type CumulantEquations,
  type CumulantRhs,
} from '@qsync/cumulants';
import { complexChannel, realChannel, type Channel } from '@qsync/frames';
import { dormandPrince, type OdeRhs } from '@qsync/integrators';
import { denseZeros, eigenvaluesReal, solveDense } from '@qsync/linalg';
import { createOdeModel, type OdeModel } from './create-ode-model';
import { resolveParameters, type ParameterTable } from './parameters';
import { undrivenAtomLaserCavity, undrivenAtomLaserRates } from './undriven-atom-laser-support';
import { undrivenAtomLaserCumulantParameters, undrivenAtomLaserGroupSystem } from './undriven-atom-laser-group-system';

/** Parameters of the second-order cumulant equations (App. 7.A) of the laser with undriven atoms. */
export interface UndrivenAtomLaserCumulantsConfig {
  /** Number of driven atoms N_d (integer ≥ 0). */
  Nd: number;
  /** Number of undriven atoms N_ud (integer ≥ 0); N_d + N_ud ≥ 1. */
  Nud: number;
  /** Atom–cavity coupling Ω ≥ 0. */
  Omega: number;
  /** Cavity loss rate κ > 0. */
  kappa: number;
  /** Cavity–atom detuning ωc − ωs of Eq. (7.18) (default 0). */
  detuning?: number;
  /** Drive rate γ+ ≥ 0 of each driven atom. */
  gammaPlus: number;
  /** Spontaneous-emission rate γ− ≥ 0 (default 0). */
  gammaMinus?: number;
  /** Dephasing rate γz ≥ 0 (default 0). */
  gammaZ?: number;
}

/** The parameter table of {@link undrivenAtomLaserCumulants}. */
export const undrivenAtomLaserCumulantsParameters: ParameterTable = {
  Nd: { description: 'number of driven atoms N_d', min: 0, integer: true },
  Nud: { description: 'number of undriven atoms N_ud', min: 0, integer: true },
  ...undrivenAtomLaserCavity,
  ...undrivenAtomLaserRates,
};

/** Where each moment of App. 7.A sits in y (a complex moment takes [offset, offset + 1] = Re, Im). */
export interface UndrivenAtomLaserCumulantSlots {
  /** s^z_d = ⟨σz_d⟩ (real). */
  readonly szDriven: number;
  /** s^z_ud (real). */
  readonly szUndriven: number;
  /** ⟨a†a⟩ (real). */
  readonly photons: number;
  /** ⟨aσ+_d⟩ = conj⟨a†σ−_d⟩ (complex). */
  readonly aSigmaPlusDriven: number;
  /** ⟨aσ+_ud⟩ (complex). */
  readonly aSigmaPlusUndriven: number;
  /** ⟨σ+_dσ−_d'⟩ of two driven atoms (real). */
  readonly pairDriven: number;
  /** ⟨σ+_udσ−_ud'⟩ of two undriven atoms (real). */
  readonly pairUndriven: number;
  /** ⟨σ+_dσ−_ud⟩ (complex). */
  readonly pairMixed: number;
}

/** Options of {@link UndrivenAtomLaserCumulants.steadyState}. */
export interface UndrivenAtomLaserSteadyStateOptions {
  /** Where to start (default: the model's initial state, all atoms in |0⟩ and the cavity empty). */
  readonly y0?: ArrayLike<number>;
  /** Stop when ‖ẏ‖∞ ≤ tolerance·(rate scale)·max(1, ‖y‖∞) (default 1e-12). */
  readonly tolerance?: number;
  /** Longest time integrated before giving up (default 1e4 over the slowest nonzero rate). */
  readonly maxTime?: number;
}

/** The cumulant equations of App. 7.A as an ODE model, with the regression spectrum (7.14)–(7.16). */
export interface UndrivenAtomLaserCumulants extends OdeModel {
  /** The eight moments and their right-hand sides, derived by `groupCumulantEquations` from (7.1). */
  readonly equations: CumulantEquations;
  /** The compiled right-hand side's parameter vector p (order of `undrivenAtomLaserCumulantParameters`). */
  readonly parameterVector: Float64Array;
  readonly slots: UndrivenAtomLaserCumulantSlots;
  /** The regression equations (7.14) of c = (⟨a†(t+τ)a(t)⟩, ⟨σ+_d(t+τ)a(t)⟩, ⟨σ+_ud(t+τ)a(t)⟩) at the moments y (M with y's s^z, c(0) from y). */
  correlations(y: ArrayLike<number>): CorrelationEquations;
  /** S(ω) = 2Re{[(iω − M)⁻¹c]_0}, Eq. (7.15) at a steady state y, the quasi-static (7.16) at y(t); e^{−iωτ} convention (peak of e^{iω₀τ} at +ω₀). */
  spectrum(y: ArrayLike<number>, omega: ArrayLike<number>): Float64Array;
  /** A stationary point, reached by integrating from `y0` and polished by Newton steps; throws if none is reached within `maxTime`. */
  steadyState(options?: UndrivenAtomLaserSteadyStateOptions): Float64Array;
}

type Derived = { equations: ReturnType<typeof groupCumulantEquations>; rhs: CumulantRhs; slots: UndrivenAtomLaserCumulantSlots };
let derived: Derived | undefined;

// The symbolic system does not depend on the parameter values: derive it once per process.
function derive(): Derived {
  if (derived !== undefined) return derived;
  const equations = groupCumulantEquations(undrivenAtomLaserGroupSystem, { order: 2, u1: true, sizes: ['Nd', 'Nud'] });
  const at = (name: string): number => {
    const m = equations.moments.find((x) => x.name === name);
    if (m === undefined) throw new Error(`undrivenAtomLaserCumulants: the derived system lacks the moment ${name} (engine changed?)`);
    return m.offset;
  };
  const slots = {
    szDriven: at('σz_d1'),
    szUndriven: at('σz_u1'),
    photons: at('a†a'),
    aSigmaPlusDriven: at('aσ+_d1'),
    aSigmaPlusUndriven: at('aσ+_u1'),
    pairDriven: at('σ+_d1σ−_d2'),
    pairUndriven: at('σ+_u1σ−_u2'),
    pairMixed: at('σ+_d1σ−_u1'),
  };
  derived = { equations, rhs: compileCumulantRhs(equations), slots };
  return derived;
}

/**
 * Second-order cumulant equations of the laser with N_d driven and N_ud undriven atoms, thesis
 * App. 7.A: the Heisenberg equations of (7.1) (with the detuning of 7.18) for s^z_d, s^z_ud,
 * ⟨a†a⟩, ⟨a†σ−_µ⟩, ⟨σ+_µσ−_µ'⟩ and ⟨σ+_dσ−_ud⟩, third-order joint cumulants set to zero, U(1)
 * charged moments (⟨a⟩, ⟨σ+⟩, ⟨a†σ+⟩, …) dropped, all atoms of a kind alike. The equations are
 * derived by `groupCumulantEquations` of @qsync/cumulants (symbolic N_d, N_ud; once per process)
 * and compiled; y's layout is `slots` (the engine keeps ⟨aσ+_µ⟩ = conj⟨a†σ−_µ⟩). Default initial
 * state: every atom in |0⟩, the cavity empty (s^z = −1, the rest 0). Channels: `szDriven`,
 * `szUndriven`, `photons` = ⟨a†a⟩, `photonsPerAtom`, `pairDriven`, `pairUndriven` (real),
 * `pairMixed`, `aSigmaPlusDriven`, `aSigmaPlusUndriven` (complex).
 *
 * `spectrum(y, ω)` is (7.15) at a steady state y and (7.16) at y(t), from the regression equations
 * (7.14) that `groupCorrelationEquations` derives with the factorization (7.13).
 *
 * @example
 * const N = 100;
 * const laser = undrivenAtomLaserCumulants({ Nd: 80, Nud: 20, Omega: 0.1, kappa: 10 * Math.sqrt(N) * 0.1, gammaPlus: 0.2 });
 * laser.equations.moments.length; // 8
 * const y = laser.steadyState();
 * y[laser.slots.photons] > 0; // true — 2NΩ²/κ = γ+ = 0.2 and p_d = 0.8 > 3/4: lasing
 * undrivenAtomLaserCumulants({ Nd: 80.5, Nud: 20, Omega: 0.1, kappa: 10, gammaPlus: 0.2 }); // throws "'Nd' must be an integer"
 */
export function undrivenAtomLaserCumulants(config: UndrivenAtomLaserCumulantsConfig): UndrivenAtomLaserCumulants {
  const fn = 'undrivenAtomLaserCumulants';
  const p = resolveParameters(fn, undrivenAtomLaserCumulantsParameters, config as unknown as Record<string, unknown>);
  if (p.Nd + p.Nud < 1) throw new Error(`${fn}: Nd + Nud must be ≥ 1, got Nd = ${p.Nd}, Nud = ${p.Nud}`);
  const { equations, rhs: compiled, slots } = derive();
  const pv = Float64Array.from(undrivenAtomLaserCumulantParameters, (name) => p[name]);
  const size = equations.size;
  const rhs: OdeRhs = (out, y, t) => compiled(out, y, t, pv);
  const n = p.Nd + p.Nud;
  const observe = (_t: number, y: Float64Array): Record<string, Channel> => ({
    szDriven: realChannel(y[slots.szDriven]),
    szUndriven: realChannel(y[slots.szUndriven]),
    photons: realChannel(y[slots.photons]),
    photonsPerAtom: realChannel(y[slots.photons] / n),
    pairDriven: realChannel(y[slots.pairDriven]),
    pairUndriven: realChannel(y[slots.pairUndriven]),
    pairMixed: complexChannel(y[slots.pairMixed], y[slots.pairMixed + 1]),
    aSigmaPlusDriven: complexChannel(y[slots.aSigmaPlusDriven], y[slots.aSigmaPlusDriven + 1]),
    aSigmaPlusUndriven: complexChannel(y[slots.aSigmaPlusUndriven], y[slots.aSigmaPlusUndriven + 1]),
  });
  const y0 = new Float64Array(size);
  y0[slots.szDriven] = -1;
  y0[slots.szUndriven] = -1;
  const model = createOdeModel({ fn, equation: 'App. 7.A', parameters: Object.freeze({ ...p }), rhs, y0, observe });

  const checkY = (what: string, y: ArrayLike<number>): void => {
    if (y === null || typeof y !== 'object' || y.length !== size || !Array.from(y).every(Number.isFinite)) {
      throw new Error(`${fn}: ${what} must hold ${size} finite moment values (layout: slots), got ${y === null || typeof y !== 'object' ? String(y) : `length ${y.length}`}`);
    }
  };
  const correlations = (y: ArrayLike<number>): CorrelationEquations => {
    checkY('correlations: y', y);
    return groupCorrelationEquations(undrivenAtomLaserGroupSystem, equations, {
      a: (s) => s.alg.create(0),
      b: (s) => s.alg.destroy(0),
      sizes: ['Nd', 'Nud'],
      y,
      p: pv,
    });
  };
  // With no atoms of a kind, that kind's component of c does not feed ⟨a†(τ)a⟩ (its column of M
  // is 0) and, at Γ = 0, makes iω − M singular at ω = 0: it is left out of the solve.
  const spectrum = (y: ArrayLike<number>, omega: ArrayLike<number>): Float64Array => {
    const full = correlations(y);
    const keep = [0, ...(p.Nd > 0 ? [1] : []), ...(p.Nud > 0 ? [2] : [])];
    if (keep.length === 3) return regressionSpectrum(full, omega);
    const m = keep.length;
    const matrix = denseZeros(m, m);
    const initial = new Float64Array(2 * m);
    keep.forEach((i, r) => {
      initial[2 * r] = full.initial[2 * i];
      initial[2 * r + 1] = full.initial[2 * i + 1];
      keep.forEach((j, c) => {
        matrix.data[2 * (r * m + c)] = full.matrix.data[2 * (i * 3 + j)];
        matrix.data[2 * (r * m + c) + 1] = full.matrix.data[2 * (i * 3 + j) + 1];
      });
    });
    return regressionSpectrum({ operators: keep.map((i) => full.operators[i]), names: keep.map((i) => full.names[i]), matrix, initial }, omega);
  };

  const rates = [p.kappa, p.gammaPlus, p.gammaMinus, p.gammaZ, p.Omega * Math.sqrt(n), Math.abs(p.detuning)];
  const rateScale = Math.max(...rates);
  const slowest = Math.min(...rates.filter((r) => r > 0));
  const steadyState = (options: UndrivenAtomLaserSteadyStateOptions = {}): Float64Array => {
    const tol = options.tolerance ?? 1e-12;
    const maxTime = options.maxTime ?? 1e4 / slowest;
    if (!(tol > 0)) throw new Error(`${fn}: steadyState: 'tolerance' must be > 0, got ${tol}`);
    if (!(maxTime > 0)) throw new Error(`${fn}: steadyState: 'maxTime' must be > 0, got ${maxTime}`);
    let y = Float64Array.from(options.y0 ?? y0);
    checkY('steadyState: y0', y);
    const f = new Float64Array(size);
    const residual = (z: Float64Array): number => {
      rhs(f, z, 0);
      let r = 0;
      let s = 1;
      for (let i = 0; i < size; i++) {
        r = Math.max(r, Math.abs(f[i]));
        s = Math.max(s, Math.abs(z[i]));
      }
      return r / (rateScale * s);
    };
    // Newton on ẏ = 0 with a central-difference Jacobian (the right-hand side is quadratic, so the
    // differences are exact up to rounding); kept only while it lowers the residual.
    const fp = new Float64Array(size);
    const fm = new Float64Array(size);
    const jacobian = (z: Float64Array): number[][] => {
      const jac = Array.from({ length: size }, () => new Array<number>(size).fill(0));
      for (let j = 0; j < size; j++) {
        const h = 1e-6 * Math.max(1, Math.abs(z[j]));
        const zp = Float64Array.from(z);
        const zm = Float64Array.from(z);
        zp[j] += h;
        zm[j] -= h;
        rhs(fp, zp, 0);
        rhs(fm, zm, 0);
        for (let i = 0; i < size; i++) jac[i][j] = (fp[i] - fm[i]) / (2 * h);
      }
      return jac;
    };
    // a stationary point Newton finds may be unstable (the incoherent state above threshold):
    // accepted only if no eigenvalue of the Jacobian grows (neutral ones, from conserved
    // quantities when γ− = γz = 0, are allowed)
    const stable = (z: Float64Array): boolean => {
      const ev = eigenvaluesReal(jacobian(z));
      for (let k = 0; k < size; k++) if (ev[2 * k] > 1e-9 * rateScale) return false;
      return true;
    };
    const newton = (start: Float64Array): Float64Array => {
      let z = start;
      let r = residual(z);
      for (let it = 0; it < 20 && r > tol; it++) {
        const jrows = jacobian(z);
        const jac = denseZeros(size, size);
        for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) jac.data[2 * (i * size + j)] = jrows[i][j];
        rhs(f, z, 0);
        const b = new Float64Array(2 * size);
        for (let i = 0; i < size; i++) b[2 * i] = -f[i];
        let step: Float64Array;
        try {
          step = solveDense(jac, b);
        } catch {
          break; // singular Jacobian (a conserved quantity): rely on the integration
        }
        const next = Float64Array.from(z, (v, i) => v + step[2 * i]);
        const rn = residual(next);
        if (!(rn < r)) break;
        z = next;
        r = rn;
      }
      return z;
    };
    // integrate over doubling spans from the fastest time scale up, trying Newton after each: it
    // converges as soon as the state is in the stable point's basin, long before the slowest rate
    let t = 0;
    let span = 10 / rateScale;
    for (;;) {
      if (residual(y) <= tol && stable(y)) return y;
      const polished = newton(y);
      if (residual(polished) <= tol && stable(polished)) return polished;
      if (t >= maxTime) {
        throw new Error(`${fn}: steadyState: no stationary point reached by t = ${t} (relative residual ${residual(polished).toExponential(2)} > ${tol}); raise maxTime or tolerance`);
      }
      const sol = dormandPrince(rhs, y, [t, t + span], { rtol: 1e-10, atol: 1e-13, maxSteps: 1e8 });
      y = Float64Array.from(sol.y[1]);
      t += span;
      span = Math.min(2 * span, maxTime - t > 0 ? maxTime - t : span);
    }
  };

  return { ...model, equations, parameterVector: pv, slots, correlations, spectrum, steadyState };
}
