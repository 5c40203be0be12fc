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
  /** Stop when every |ẏ_i| ≤ tolerance·(fastest rate)·(unit of y_i: N for ⟨a†a⟩, √N for ⟨aσ+⟩, 1 for spin moments) and conserved quantities hold to tolerance (default 1e-12). */
  readonly tolerance?: number;
  /** Longest time integrated (settle and later spans) before giving up, also the longest implicit step Δt (default 1e4 over the slowest nonzero rate). */
  readonly maxTime?: number;
  /** Time integrated from y0 before the implicit steps (default 10/min(κ, γ+, V = 2NΩ²/κ), the nonzero ones, capped at maxTime), through the build-up of the field. */
  readonly settle?: number;
  /**
   * Most evaluations of the right-hand side (integration stages, residuals, Jacobian columns)
   * before giving up with an error that says how far it got (default 10⁷, ≈ 10 s of CPU). The
   * points of Figs. 7.2–7.5 at full size take 3.8·10⁴–6.6·10⁵ (the most: Fig. 7.3(a) at p_d = 0.86,
   * γ+ = 1.5V, where 113 of its 833 points need over 10⁵). The search's cost depends only on the
   * rescaled rates, so a point that needs far more than its neighbours is a defect to report, not
   * to wait for.
   */
  readonly maxEvaluations?: number;
}

/** The cumulant equations of App. 7.A as an ODE model, with the regression spectrum (7.14)–(7.16). */
export interface UndrivenAtomLaserCumulants extends OdeModel {
  /** The eight moments and their right-hand sides, derived by `groupCumulantEquations` from (7.1). */
  readonly equations: CumulantEquations;
  /** The compiled right-hand side's parameter vector p (order of `undrivenAtomLaserCumulantParameters`). */
  readonly parameterVector: Float64Array;
  readonly slots: UndrivenAtomLaserCumulantSlots;
  /** The regression equations (7.14) of c = (⟨a†(t+τ)a(t)⟩, ⟨σ+_d(t+τ)a(t)⟩, ⟨σ+_ud(t+τ)a(t)⟩) at the moments y (M with y's s^z, c(0) from y); a non-finite entry of y is refused naming its index and moment. */
  correlations(y: ArrayLike<number>): CorrelationEquations;
  /** S(ω) = 2Re{[(iω − M)⁻¹c]_0}, Eq. (7.15) at a steady state y, the quasi-static (7.16) at y(t); e^{−iωτ} convention (peak of e^{iω₀τ} at +ω₀). A non-finite ω or entry of y is refused naming its index. */
  spectrum(y: ArrayLike<number>, omega: ArrayLike<number>): Float64Array;
  /**
   * The stable stationary point reached from `y0`: integrated over `settle`, then linearly implicit
   * Euler steps (I/Δt − J)Δy = f(y) with Δt growing while the residual stays below the largest of
   * its last 10 values (Newton steps when Δt is long), over doubling spans of integration where
   * they stall. An impossible `y0` (⟨a†a⟩ < 0, |s^z| > 1, a Cauchy–Schwarz bound broken) is refused
   * by name before integrating. Below (7.11) the equations are
   * bistable (lasing and incoherent states both stable): the branch returned is the one whose basin
   * holds y0 after `settle` (from the default all-|0⟩ start, the one the dynamics reaches). An
   * unstable stationary point (e.g. the saddle between those branches; above (7.11) the root near
   * the incoherent state had ⟨a†a⟩ < 0 wherever checked, and is refused) is left by a push along the
   * correlations. With a conserved 4⟨σ+_µσ−_µ'⟩ + (s^z_µ)² (γ− = γz = 0) the point kept has y0's
   * value, even where the approach is very slow: γ− = γz = 0 with two undriven atoms among 10⁵
   * (κ = 10√NΩ, γ+ = V) gives ⟨a†a⟩/N = 5.0000451·10⁻³ with the undriven spins on the equator
   * after 1.1·10⁴ evaluations, a stable root whose slowest modes decay at only 2.2·10⁻⁵V
   * (−2.2·10⁻⁵ ± 0.71i and −2.4·10⁻⁵ in units of V, beside the conserved direction's 0), with
   * 4⟨σ+_udσ−_ud'⟩ + (s^z_ud)² = 1 as at the start. Throws if the point is unphysical (⟨a†a⟩ < 0,
   * |s^z| > 1, a Cauchy–Schwarz bound broken) or none is reached within `maxTime` or
   * `maxEvaluations`. Moments of absent atoms keep y0's values.
   */
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
 * `pairMixed`, `aSigmaPlusDriven`, `aSigmaPlusUndriven` (complex). Moments of atoms that do not
 * exist (every moment of a kind with N_µ = 0, the pair ⟨σ+_µσ−_µ'⟩ when N_µ = 1) feed nothing
 * back; the right-hand side keeps them frozen (ẏ = 0) and they have no channel.
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
  // beyond 2⁵³ the atom numbers are no longer counts (N − 1 = N) and the rates √NΩ make any time step vanish
  if (!(p.Nd + p.Nud <= Number.MAX_SAFE_INTEGER)) throw new Error(`${fn}: Nd + Nud must be ≤ 2^53 − 1 (Number.MAX_SAFE_INTEGER), got Nd = ${p.Nd}, Nud = ${p.Nud}`);
  const { equations, rhs: compiled, slots } = derive();
  const pv = Float64Array.from(undrivenAtomLaserCumulantParameters, (name) => p[name]);
  const size = equations.size;
  // Moments of atoms that do not exist (a kind with no atoms: all its moments; with one atom: its
  // pair ⟨σ+_µσ−_µ'⟩) feed nothing back (their factors N_µ, N_µ − 1 vanish) but would evolve
  // undamped at Γ = 0: they are frozen (derivative 0) and left out of steadyState and the channels.
  const ghost = [
    ...(p.Nd === 0 ? [slots.szDriven, slots.aSigmaPlusDriven, slots.aSigmaPlusDriven + 1] : []),
    ...(p.Nud === 0 ? [slots.szUndriven, slots.aSigmaPlusUndriven, slots.aSigmaPlusUndriven + 1] : []),
    ...(p.Nd < 2 ? [slots.pairDriven] : []),
    ...(p.Nud < 2 ? [slots.pairUndriven] : []),
    ...(p.Nd === 0 || p.Nud === 0 ? [slots.pairMixed, slots.pairMixed + 1] : []),
  ];
  const frozen = Int32Array.from(ghost);
  const active = Array.from({ length: size }, (_, i) => i).filter((i) => !ghost.includes(i));
  const rhs: OdeRhs = (out, y, t) => {
    compiled(out, y, t, pv);
    for (let k = 0; k < frozen.length; k++) out[frozen[k]] = 0;
  };
  const n = p.Nd + p.Nud;
  const observe = (_t: number, y: Float64Array): Record<string, Channel> => {
    const c: Record<string, Channel> = { photons: realChannel(y[slots.photons]), photonsPerAtom: realChannel(y[slots.photons] / n) };
    if (p.Nd > 0) c.szDriven = realChannel(y[slots.szDriven]);
    if (p.Nud > 0) c.szUndriven = realChannel(y[slots.szUndriven]);
    if (p.Nd > 0) c.aSigmaPlusDriven = complexChannel(y[slots.aSigmaPlusDriven], y[slots.aSigmaPlusDriven + 1]);
    if (p.Nud > 0) c.aSigmaPlusUndriven = complexChannel(y[slots.aSigmaPlusUndriven], y[slots.aSigmaPlusUndriven + 1]);
    if (p.Nd > 1) c.pairDriven = realChannel(y[slots.pairDriven]);
    if (p.Nud > 1) c.pairUndriven = realChannel(y[slots.pairUndriven]);
    if (p.Nd > 0 && p.Nud > 0) c.pairMixed = complexChannel(y[slots.pairMixed], y[slots.pairMixed + 1]);
    return c;
  };
  const y0 = new Float64Array(size);
  y0[slots.szDriven] = -1;
  y0[slots.szUndriven] = -1;
  const model = createOdeModel({ fn, equation: 'App. 7.A', parameters: Object.freeze({ ...p }), rhs, y0, observe });

  // what each entry of y holds, so that a bad value is named by its moment
  const entryNames = new Array<string>(size).fill('');
  const name = (slot: keyof UndrivenAtomLaserCumulantSlots, moment: string, complex: boolean): void => {
    const o = slots[slot];
    if (!complex) entryNames[o] = `${moment}, slots.${slot}`;
    else [entryNames[o], entryNames[o + 1]] = [`Re ${moment}, slots.${slot}`, `Im ${moment}, slots.${slot} + 1`];
  };
  name('szDriven', 's^z_d', false);
  name('szUndriven', 's^z_ud', false);
  name('photons', '⟨a†a⟩', false);
  name('aSigmaPlusDriven', '⟨aσ+_d⟩', true);
  name('aSigmaPlusUndriven', '⟨aσ+_ud⟩', true);
  name('pairDriven', "⟨σ+_dσ−_d'⟩", false);
  name('pairUndriven', "⟨σ+_udσ−_ud'⟩", false);
  name('pairMixed', '⟨σ+_dσ−_ud⟩', true);
  // where: the method; what: its parameter's name
  const checkY = (where: string, what: string, y: ArrayLike<number>): void => {
    const expected = `${fn}.${where}: '${what}' must hold ${size} finite moment values (layout: slots)`;
    if (y === null || typeof y !== 'object' || typeof y.length !== 'number') throw new Error(`${expected}, got ${String(y)}`);
    if (y.length !== size) throw new Error(`${expected}, got length ${y.length}`);
    const bad = Array.from(y, (v, i) => (Number.isFinite(v) ? -1 : i)).filter((i) => i >= 0);
    if (bad.length > 0) {
      const more = bad.length > 1 ? ` (and ${bad.length - 1} more: ${what}[${bad.slice(1).join('], [')}])` : '';
      throw new Error(`${expected}, got ${what}[${bad[0]}] = ${y[bad[0]]} (${entryNames[bad[0]]})${more}`);
    }
  };
  const correlationsOf = (where: string, y: ArrayLike<number>): CorrelationEquations => {
    checkY(where, 'y', y);
    return groupCorrelationEquations(undrivenAtomLaserGroupSystem, equations, {
      a: (s) => s.alg.create(0),
      b: (s) => s.alg.destroy(0),
      sizes: ['Nd', 'Nud'],
      y,
      p: pv,
    });
  };
  const correlations = (y: ArrayLike<number>): CorrelationEquations => correlationsOf('correlations', y);
  // With no atoms of a kind, that kind's component of c does not feed ⟨a†(τ)a⟩ (its column of M
  // is 0) and, at Γ = 0, makes iω − M singular at ω = 0: it is left out of the solve.
  const spectrum = (y: ArrayLike<number>, omega: ArrayLike<number>): Float64Array => {
    const angular = `${fn}.spectrum: 'omega' must be an array of finite angular frequencies`;
    if (omega === null || typeof omega !== 'object' || typeof omega.length !== 'number') throw new Error(`${angular}, got ${String(omega)}`);
    for (let k = 0; k < omega.length; k++) if (!Number.isFinite(omega[k])) throw new Error(`${angular}, got omega[${k}] = ${omega[k]}`);
    const full = correlationsOf('spectrum', y);
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
  // the residual of each moment in its own unit: ⟨a†a⟩ ~ N, ⟨aσ+⟩ ~ √N, spin moments ~ 1
  const unit = new Float64Array(size).fill(1);
  unit[slots.photons] = Math.max(1, n);
  for (const o of [slots.aSigmaPlusDriven, slots.aSigmaPlusUndriven]) unit[o] = unit[o + 1] = Math.max(1, Math.sqrt(n));
  // 4⟨σ+_µσ−_µ'⟩ + (s^z_µ)² is conserved by a kind with ≥ 2 atoms and no damping of its own
  // (Γ = γ− + 2γz = 0 for the undriven atoms, γ+ + Γ = 0 for the driven): the stationary points form
  // a continuum, and the one reached from y0 has the value of y0
  const gammaU = p.gammaMinus + 2 * p.gammaZ;
  const conserved = [
    ...(p.Nud >= 2 && gammaU === 0 ? [{ pair: slots.pairUndriven, sz: slots.szUndriven }] : []),
    ...(p.Nd >= 2 && gammaU + p.gammaPlus === 0 ? [{ pair: slots.pairDriven, sz: slots.szDriven }] : []),
  ];
  const constraint = (z: ArrayLike<number>, c: { pair: number; sz: number }): number => 4 * z[c.pair] + z[c.sz] * z[c.sz];
  const inBloch = (z: Float64Array): boolean =>
    (p.Nd === 0 || Math.abs(z[slots.szDriven]) <= 1 + 1e-9) && (p.Nud === 0 || Math.abs(z[slots.szUndriven]) <= 1 + 1e-9);
  // the end point must be a possible set of moments: ⟨a†a⟩ ≥ 0, |s^z| ≤ 1 and the Cauchy–Schwarz
  // bounds |⟨σ+_µσ−_ν⟩|² ≤ ⟨σ+_µσ−_µ⟩⟨σ+_νσ−_ν⟩ = (1 + s^z_µ)(1 + s^z_ν)/4, |⟨aσ+_µ⟩|² ≤ ⟨a†a⟩(1 + s^z_µ)/2
  const unphysical = (z: Float64Array): string | undefined => {
    const slack = 1e-8;
    const up = (o: number): number => (1 + z[o]) / 2;
    const checks: [boolean, string][] = [[z[slots.photons] >= -slack * Math.max(1, n), `⟨a†a⟩ = ${z[slots.photons]} < 0 (a photon number)`]];
    const kinds = [
      ...(p.Nd > 0 ? [{ µ: 'd', sz: slots.szDriven, x: slots.aSigmaPlusDriven, pair: p.Nd >= 2 ? slots.pairDriven : -1 }] : []),
      ...(p.Nud > 0 ? [{ µ: 'ud', sz: slots.szUndriven, x: slots.aSigmaPlusUndriven, pair: p.Nud >= 2 ? slots.pairUndriven : -1 }] : []),
    ];
    for (const k of kinds) {
      checks.push([Math.abs(z[k.sz]) <= 1 + 1e-9, `|s^z_${k.µ}| = ${Math.abs(z[k.sz])} > 1 (outside the Bloch ball)`]);
      const x2 = z[k.x] ** 2 + z[k.x + 1] ** 2;
      checks.push([x2 <= Math.max(0, z[slots.photons]) * up(k.sz) + slack * Math.max(1, n), `|⟨aσ+_${k.µ}⟩|² = ${x2} > ⟨a†a⟩(1 + s^z_${k.µ})/2 = ${Math.max(0, z[slots.photons]) * up(k.sz)} (Cauchy–Schwarz)`]);
      if (k.pair >= 0) checks.push([Math.abs(z[k.pair]) <= up(k.sz) + slack, `|⟨σ+_${k.µ}σ−_${k.µ}'⟩| = ${Math.abs(z[k.pair])} > (1 + s^z_${k.µ})/2 = ${up(k.sz)} (Cauchy–Schwarz)`]);
    }
    if (p.Nd > 0 && p.Nud > 0) {
      const c2 = z[slots.pairMixed] ** 2 + z[slots.pairMixed + 1] ** 2;
      checks.push([c2 <= up(slots.szDriven) * up(slots.szUndriven) + slack, `|⟨σ+_dσ−_ud⟩|² = ${c2} > (1 + s^z_d)(1 + s^z_ud)/4 = ${up(slots.szDriven) * up(slots.szUndriven)} (Cauchy–Schwarz)`]);
    }
    const failed = checks.filter(([ok]) => !ok).map(([, why]) => why);
    return failed.length > 0 ? failed.join('; ') : undefined;
  };
  // the work budget of one steadyState call: every evaluation of the right-hand side counts
  let evaluations = 0;
  let maxEvaluations = Infinity;
  let lastResidual = Infinity;
  let spanStart = 0; // the time at which the current integration span started (tt counts from it)
  const evaluate: OdeRhs = (out, z, tt) => {
    if (++evaluations > maxEvaluations) {
      throw new Error(
        `${fn}.steadyState: no stable stationary point within maxEvaluations = ${maxEvaluations} evaluations of the right-hand side ` +
          `(at t = ${(spanStart + tt).toPrecision(3)}, ${lastResidual === Infinity ? 'before the first residual' : `last residual ${lastResidual.toExponential(2)}`}); raise maxEvaluations, or report the point`,
      );
    }
    rhs(out, z, tt);
  };
  // rows of the implicit step: the active moments, with each conserved pair's row replaced by its constraint
  const m = active.length;
  const row = new Int32Array(size).fill(-1);
  active.forEach((i, k) => (row[i] = k));
  const f = new Float64Array(size);
  const fp = new Float64Array(size);
  const fm = new Float64Array(size);
  const residual = (z: Float64Array, target: readonly number[]): number => {
    evaluate(f, z, 0);
    let r = 0;
    for (const i of active) r = Math.max(r, Math.abs(f[i]) / (rateScale * unit[i]));
    conserved.forEach((c, k) => (r = Math.max(r, Math.abs(constraint(z, c) - target[k]))));
    lastResidual = r;
    return r;
  };
  // J on the active moments by central differences (exact up to rounding: the right-hand side is quadratic)
  const jacobian = (z: Float64Array): Float64Array => {
    const jac = new Float64Array(m * m);
    const w = Float64Array.from(z);
    active.forEach((j, b) => {
      const h = 1e-6 * Math.max(unit[j], Math.abs(z[j]));
      w[j] = z[j] + h;
      evaluate(fp, w, 0);
      w[j] = z[j] - h;
      evaluate(fm, w, 0);
      w[j] = z[j];
      active.forEach((i, a) => (jac[a * m + b] = (fp[i] - fm[i]) / (2 * h)));
    });
    return jac;
  };
  // no eigenvalue of J may grow; a neutral one (the conserved quantity's direction) is allowed
  const growth = (z: Float64Array): number => {
    const jac = jacobian(z);
    const ev = eigenvaluesReal(Array.from({ length: m }, (_, a) => Array.from(jac.subarray(a * m, a * m + m))));
    let g = -Infinity;
    for (let k = 0; k < m; k++) g = Math.max(g, ev[2 * k]);
    return g;
  };
  // one linearly implicit Euler step (I/Δt − J)Δy = f(y) (Δt = ∞: a Newton step), constraint rows ∇C·Δy = C₀ − C(y)
  const implicitStep = (z: Float64Array, jac: Float64Array, dt: number, target: readonly number[]): Float64Array | undefined => {
    const a = denseZeros(m, m);
    const b = new Float64Array(2 * m);
    evaluate(f, z, 0);
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < m; c++) a.data[2 * (r * m + c)] = -jac[r * m + c];
      a.data[2 * (r * m + r)] += 1 / dt;
      b[2 * r] = f[active[r]];
    }
    conserved.forEach((c, k) => {
      const r = row[c.pair];
      for (let q = 0; q < m; q++) a.data[2 * (r * m + q)] = 0;
      a.data[2 * (r * m + row[c.pair])] = 4;
      a.data[2 * (r * m + row[c.sz])] += 2 * z[c.sz];
      b[2 * r] = target[k] - constraint(z, c);
    });
    let d: Float64Array;
    try {
      d = solveDense(a, b);
    } catch {
      return undefined;
    }
    const next = Float64Array.from(z);
    active.forEach((i, r) => (next[i] += d[2 * r]));
    return next;
  };
  const steadyState = (options: UndrivenAtomLaserSteadyStateOptions = {}): Float64Array => {
    const tol = options.tolerance ?? 1e-12;
    const maxTime = options.maxTime ?? 1e4 / slowest;
    const settle = options.settle ?? Math.min(maxTime, 10 / Math.min(...[p.kappa, p.gammaPlus, (2 * n * p.Omega ** 2) / p.kappa].filter((r) => r > 0)));
    if (!(tol > 0)) throw new Error(`${fn}.steadyState: 'tolerance' must be > 0, got ${tol}`);
    if (!(maxTime > 0 && Number.isFinite(maxTime))) throw new Error(`${fn}.steadyState: 'maxTime' must be a finite number > 0, got ${maxTime}`);
    if (!(settle >= 0 && settle <= maxTime)) throw new Error(`${fn}.steadyState: 'settle' must be in [0, maxTime = ${maxTime}], got ${settle}`);
    maxEvaluations = options.maxEvaluations ?? 1e7;
    if (!(maxEvaluations >= 1 && Number.isFinite(maxEvaluations))) throw new Error(`${fn}.steadyState: 'maxEvaluations' must be a finite number ≥ 1, got ${maxEvaluations}`);
    evaluations = 0;
    lastResidual = Infinity;
    spanStart = 0;
    if (options.y0 !== undefined) checkY('steadyState', 'y0', options.y0);
    const start = Float64Array.from(options.y0 ?? y0);
    // outside the physical region the dynamics may run away (from |s^z| > 1 they diverge, and the
    // integration ended in "step size underflow"): refuse such a start before integrating
    const outside = unphysical(start);
    if (outside !== undefined) throw new Error(`${fn}.steadyState: 'y0' must be a possible set of moments (⟨a†a⟩ ≥ 0, |s^z| ≤ 1, the Cauchy–Schwarz bounds), got ${outside}`);
    const target = conserved.map((c) => constraint(start, c));
    let t = 0;
    const integrate = (z: Float64Array, span: number): Float64Array => {
      spanStart = t;
      t += span;
      const end = span > 0 ? Float64Array.from(dormandPrince(evaluate, z, [0, span], { rtol: 1e-10, atol: 1e-13, maxSteps: 1e8 }).y[1]) : z;
      spanStart = t;
      return end;
    };
    // through the fast build-up of the field first (rates ~κ, √NΩ), where linearization is poor
    let y = integrate(start, settle);
    let span = 10 / rateScale;
    for (let kicks = 0; ; ) {
      // pseudo-transient continuation: Δt grows while the residual falls (long steps are Newton
      // steps); a step longer than 1/rateScale must keep the residual below the bar below, a
      // shorter one follows the dynamics; no step may leave the Bloch ball, none is longer than
      // maxTime; 20 steps without a new lowest residual hand over to the integration
      const before = y;
      let r = residual(y, target);
      let dt = 1 / rateScale;
      let best = r;
      let sinceBest = 0;
      // the bar a long step must clear: the largest of the last 10 residuals, not the last one —
      // a weakly damped slow mode (at Fig. 7.3's rates −6e-4 ± 0.68i, the relaxation oscillation)
      // rotates while it decays, so its max-norm residual rises on half the steps of any length
      // that does not yet damp it, and a monotone bar held Δt there (and handed over to the dynamics)
      const recent = [r];
      for (let step = 0; step < 500 && r > tol && sinceBest < 20; step++) {
        const jac = jacobian(y);
        const bar = Math.max(...recent);
        let moved = false;
        while (dt >= 1e-3 / rateScale) {
          const h = Math.min(dt, maxTime);
          const next = implicitStep(y, jac, h, target);
          const rn = next !== undefined && inBloch(next) ? residual(next, target) : Infinity;
          if (next !== undefined && (rn <= bar || (rn < Infinity && h <= 1 / rateScale))) {
            // (grown after a short step too, so that a longer one is tried again)
            dt = Math.min(dt * (rn <= r ? Math.min(10, Math.max(2, r / rn)) : 2), 1e12 / slowest);
            y = next;
            r = rn;
            recent.push(r);
            if (recent.length > 10) recent.shift();
            sinceBest = r < best ? 0 : sinceBest + 1;
            best = Math.min(best, r);
            moved = true;
            break;
          }
          dt /= 2;
        }
        if (!moved) break;
      }
      let why = '';
      // stalled outside the physical region (the dynamics may diverge there): go back to where the steps started
      if (r > tol && unphysical(y) !== undefined) y = before;
      if (r <= tol) {
        why = unphysical(y) ?? '';
        if (why === '') {
          if (growth(y) <= 1e-9 * rateScale) return y;
          // an unstable stationary point (a saddle between the bistable branches): leave it by a
          // small push along the atom–atom and atom–field correlations and go on
          why = 'unstable';
          if (++kicks > 8) throw new Error(`${fn}.steadyState: only unstable stationary points reached from y0`);
          for (const o of [slots.pairDriven, slots.pairMixed]) if (row[o] >= 0) y[o] += 1e-6;
          for (const o of [slots.aSigmaPlusDriven, slots.aSigmaPlusUndriven]) if (row[o] >= 0) y[o + 1] -= 1e-6 * unit[o];
        } else {
          // long steps are Newton steps, which also find roots outside the physical region: go back
          // to where the steps started and follow the dynamics further
          y = before;
        }
      }
      if (t >= maxTime) {
        const last = why === '' ? '' : why === 'unstable' ? ' (the last one reached is unstable)' : ` (the last one reached is unphysical: ${why})`;
        throw new Error(`${fn}.steadyState: no stable stationary point reached by t = ${t.toPrecision(3)} (residual ${r.toExponential(2)} > ${tol})${last}; raise maxTime or tolerance`);
      }
      // stalled (near-marginal modes, poor linearization): follow the dynamics over doubling spans
      y = integrate(y, Math.min(span, maxTime - t));
      span *= 2;
    }
  };

  return { ...model, equations, parameterVector: pv, slots, correlations, spectrum, steadyState };
}
