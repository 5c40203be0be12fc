import {
  assertFinite,
  assertInitialState,
  assertNonNegative,
  assertOutput,
  assertPositive,
  firstNonFinite,
} from './ode-guards';
import type { OdeRhs, OdeStats, OdeStepper } from './ode-types';
import { dormandPrinceStagesWasm } from './dormand-prince-stages-wasm';
import type { DormandPrinceStagesWasm } from './dormand-prince-stages-wasm';

/** Options of {@link createDormandPrince} (all optional). */
export interface DormandPrinceConfig {
  /** relative tolerance, ≥ 0 (default 1e-6) */
  rtol?: number;
  /** absolute tolerance in the units of y, ≥ 0 (default 1e-8); not both rtol and atol 0 */
  atol?: number;
  /** first step size, > 0 (default: Hairer's heuristic from f(y0) and one trial Euler step) */
  h0?: number;
  /** largest step size, > 0 (default ∞) */
  hMax?: number;
  /** most step attempts (accepted or rejected) in one `advanceTo` call (default 100 000) */
  maxSteps?: number;
  /**
   * time the integration must not step past (default ∞): the last step is shortened to land
   * on it exactly, and the right-hand side is never evaluated beyond it
   */
  tStop?: number;
}

/** A Dormand–Prince stepper: an {@link OdeStepper} that also tells its next step size. */
export interface DormandPrinceStepper extends OdeStepper {
  /** step size the controller proposes for the next step */
  readonly h: number;
}

// Dormand–Prince 5(4) tableau (Dormand & Prince 1980; Hairer, Nørsett & Wanner,
// Solving Ordinary Differential Equations I, §II.5).
const C2 = 1 / 5;
const C3 = 3 / 10;
const C4 = 4 / 5;
const C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40;
const A32 = 9 / 40;
const A41 = 44 / 45;
const A42 = -56 / 15;
const A43 = 32 / 9;
const A51 = 19372 / 6561;
const A52 = -25360 / 2187;
const A53 = 64448 / 6561;
const A54 = -212 / 729;
const A61 = 9017 / 3168;
const A62 = -355 / 33;
const A63 = 46732 / 5247;
const A64 = 49 / 176;
const A65 = -5103 / 18656;
// 5th-order weights (row 7 of the tableau: the FSAL stage is evaluated at y_{n+1})
const A71 = 35 / 384;
const A73 = 500 / 1113;
const A74 = 125 / 192;
const A75 = -2187 / 6784;
const A76 = 11 / 84;
// error weights: 5th-order minus embedded 4th-order weights
const E1 = 71 / 57600;
const E3 = -71 / 16695;
const E4 = 71 / 1920;
const E5 = -17253 / 339200;
const E6 = 22 / 525;
const E7 = -1 / 40;
// continuous extension of order 4 (Hairer's DOPRI5 dense output)
const D1 = -12715105075 / 11282082432;
const D3 = 87487479700 / 32700410799;
const D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632;
const D6 = -1453857185 / 822651844;
const D7 = 69997945 / 29380423;
// step-size controller (Hairer's DOPRI5 defaults): PI control with β = 0.04
const SAFE = 0.9;
const BETA = 0.04;
const EXPO1 = 0.2 - 0.75 * BETA;
const FAC_MIN = 0.2; // hNew ≥ h·0.2
const FAC_MAX = 10; // hNew ≤ h·10
// below this many unknowns the stage combinations stay in JavaScript
const WASM_MIN_N = 64;
const MAX_NONFINITE_REJECTIONS = 30; // 5^-30 ≈ 1e-21: the rhs is broken, not stiff

const FN = 'createDormandPrince';

/**
 * Checks the options of the Dormand–Prince integrator and fills in the defaults
 * (internal: shared with `dormandPrince`, not exported from the library).
 */
export function resolveDormandPrinceConfig(
  fn: string,
  config: DormandPrinceConfig,
  t0: number,
): { rtol: number; atol: number; hMax: number; maxSteps: number; tStop: number } {
  const rtol = config.rtol ?? 1e-6;
  const atol = config.atol ?? 1e-8;
  assertNonNegative(fn, 'rtol', rtol);
  assertNonNegative(fn, 'atol', atol);
  if (rtol === 0 && atol === 0) {
    throw new Error(`${fn}: options 'rtol' and 'atol' must not both be 0`);
  }
  const hMax = config.hMax ?? Infinity;
  if (!(hMax > 0)) {
    throw new Error(`${fn}: option 'hMax' must be a number > 0, got ${String(hMax)}`);
  }
  if (config.h0 !== undefined) assertPositive(fn, 'h0', config.h0);
  const maxSteps = config.maxSteps ?? 100_000;
  if (!(Number.isInteger(maxSteps) && maxSteps >= 1)) {
    throw new Error(`${fn}: option 'maxSteps' must be an integer ≥ 1, got ${String(maxSteps)}`);
  }
  const tStop = config.tStop ?? Infinity;
  if (!(tStop >= t0)) {
    throw new Error(`${fn}: option 'tStop' must be ≥ t0 = ${t0}, got ${String(tStop)}`);
  }
  return { rtol, atol, hMax, maxSteps, tStop };
}

/**
 * Creates an adaptive Dormand–Prince 5(4) integrator for y' = f(y, t), y(t0) = y0, to be
 * advanced piece by piece with `advanceTo(tOut, yOut)`.
 *
 * The method is explicit Runge–Kutta of order 5 with an embedded order-4 error estimate
 * and the first-same-as-last property (6 right-hand-side calls per step). A step of size h
 * is accepted when the error norm
 *   ‖err‖ = √( (1/n) Σᵢ (errᵢ / (atol + rtol·max(|yᵢ|, |y_newᵢ|)))² )
 * is ≤ 1 (Hairer, Nørsett & Wanner); the next step size follows their PI controller
 * (β = 0.04, safety 0.9, factor within [0.2, 10], no growth right after a rejection).
 * Output at `tOut` comes from the order-4 continuous extension of the step that covers
 * tOut, so requested times never shorten the steps. All work arrays are allocated here;
 * a step allocates nothing. From 64 unknowns on, the work arrays live in a WebAssembly memory and
 * the stage combinations, error norm and dense output run there as f64x2 SIMD (where the runtime
 * has it): the same bits as the JavaScript loops but for the error norm's sum of squares (two
 * lane sums: ≈ 1e-16 relative, which can move a step size in its last bits); `rhs` then receives
 * views into that memory.
 *
 * Failures throw an Error naming what happened and at which t: a non-finite y0 or f(y0),
 * a right-hand side that keeps returning non-finite values, a step size that underflows
 * (the solution likely blows up there), more than `maxSteps` attempts in one call.
 *
 * @param rhs - f as `rhs(out, y, t)`, writing f(y, t) into `out` (both arrays are reused)
 * @param y0 - initial state (copied; length n ≥ 1)
 * @param t0 - initial time, in the model's time unit
 * @param config - tolerances, step-size limits, `maxSteps`, `tStop` (see {@link DormandPrinceConfig})
 * @returns the stepper; `advanceTo(tOut, yOut)` requires t0 ≤ tOut ≤ tStop and tOut not
 *   smaller than in the previous call
 * @example
 * const decay = (out: Float64Array, y: Float64Array) => { out[0] = -y[0]; };
 * const stepper = createDormandPrince(decay, new Float64Array([1]), 0, { rtol: 1e-10, atol: 1e-12 });
 * const y = new Float64Array(1);
 * stepper.advanceTo(1, y);
 * y[0]; // → 0.3678794411…  (≈ e^{-1})
 */
export function createDormandPrince(
  rhs: OdeRhs,
  y0: Float64Array,
  t0: number,
  config: DormandPrinceConfig = {},
): DormandPrinceStepper {
  if (typeof rhs !== 'function') {
    throw new Error(`${FN}: argument 'rhs' must be a function (out, y, t) => void`);
  }
  assertInitialState(FN, y0);
  assertFinite(FN, 't0', t0);
  const { rtol, atol, hMax, maxSteps, tStop } = resolveDormandPrinceConfig(FN, config, t0);

  const n = y0.length;
  // the stage combinations as WebAssembly SIMD over arrays in its memory where the runtime has
  // it (same bits as the loops below); small systems stay in JavaScript, where a call costs more
  // than the loop
  const wasm = n >= WASM_MIN_N ? dormandPrinceStagesWasm(n) : null;
  let y = wasm?.y ?? new Float64Array(n);
  y.set(y0);
  let yNew = wasm?.yNew ?? new Float64Array(n);
  const yStage = wasm?.yStage ?? new Float64Array(n);
  let k1 = wasm?.k[0] ?? new Float64Array(n);
  const k2 = wasm?.k[1] ?? new Float64Array(n);
  const k3 = wasm?.k[2] ?? new Float64Array(n);
  const k4 = wasm?.k[3] ?? new Float64Array(n);
  const k5 = wasm?.k[4] ?? new Float64Array(n);
  const k6 = wasm?.k[5] ?? new Float64Array(n);
  let k7 = wasm?.k[6] ?? new Float64Array(n);
  // continuous extension of the last step [tOld, tOld + hOld]
  const r1 = wasm?.r[0] ?? new Float64Array(n);
  const r2 = wasm?.r[1] ?? new Float64Array(n);
  const r3 = wasm?.r[2] ?? new Float64Array(n);
  const r4 = wasm?.r[3] ?? new Float64Array(n);
  const r5 = wasm?.r[4] ?? new Float64Array(n);
  let tOld = t0;
  let hOld = 0;

  const stats: OdeStats = { steps: 0, rejected: 0, rhsEvaluations: 0 };
  let t = t0;
  let tLastOut = t0;
  let facOld = 1e-4;
  let lastRejected = false;
  let attempts = 0; // step attempts in the current advanceTo call
  let lastNonFinite = false; // the last rejected attempt gave non-finite values

  rhs(k1, y, t);
  stats.rhsEvaluations++;
  const bad = firstNonFinite(k1);
  if (bad >= 0) {
    throw new Error(
      `${FN}: the right-hand side returned a non-finite value at t = ${t0}: ` +
        `f(y0)[${bad}] = ${k1[bad]}`,
    );
  }

  let h = config.h0 ?? initialStep();
  h = Math.min(h, hMax);

  /** Hairer's starting step: h ≈ 0.01·‖y0‖/‖f0‖, refined by a trial Euler step (order 5). */
  function initialStep(): number {
    let dy = 0;
    let df = 0;
    for (let i = 0; i < n; i++) {
      const sk = atol + rtol * Math.abs(y[i]);
      dy += (y[i] / sk) ** 2;
      df += (k1[i] / sk) ** 2;
    }
    dy = Math.sqrt(dy / n);
    df = Math.sqrt(df / n);
    let h1 = dy < 1e-5 || df < 1e-5 ? 1e-6 : 0.01 * (dy / df);
    h1 = Math.min(h1, hMax, tStop - t0 > 0 ? tStop - t0 : Infinity);
    for (let i = 0; i < n; i++) yStage[i] = y[i] + h1 * k1[i];
    rhs(k2, yStage, t0 + h1);
    stats.rhsEvaluations++;
    let d2 = 0;
    for (let i = 0; i < n; i++) {
      const sk = atol + rtol * Math.abs(y[i]);
      d2 += ((k2[i] - k1[i]) / sk) ** 2;
    }
    d2 = Math.sqrt(d2 / n) / h1;
    const der = Math.max(d2, df);
    // a non-finite trial derivative leaves the small guess; the step control shrinks it further
    let h2 = h1;
    if (Number.isFinite(der)) h2 = der <= 1e-15 ? Math.max(1e-6, h1 * 1e-3) : (0.01 / der) ** 0.2;
    return Math.min(100 * h1, h2);
  }

  /**
   * Takes one accepted step (retrying rejected attempts); prepares the continuous extension
   * when the step ends past `tOut`.
   */
  function step(tOut: number): void {
    let nonFiniteRejections = 0;
    for (;;) {
      if (attempts >= maxSteps) {
        throw new Error(
          `${FN}: more than maxSteps = ${maxSteps} step attempts in one advanceTo(${tOut}) call, ` +
            `stuck at t = ${t} with step size h = ${h} (problem stiff or tolerances too tight?)`,
        );
      }
      attempts++;
      let hs = Math.min(h, hMax);
      let last = false;
      if (t + 1.01 * hs >= tStop) {
        hs = tStop - t;
        last = true;
      }
      const tNew = last ? tStop : t + hs;
      if (!(hs > 0) || tNew === t || hs < 16 * Number.EPSILON * Math.abs(t)) {
        throw new Error(
          `${FN}: step size underflow at t = ${t} (h = ${hs}): ` +
            (lastNonFinite
              ? 'the last attempts produced non-finite values (the right-hand side returns ' +
                `NaN/∞ just after t = ${t}, or y overflows there)`
              : `the error estimate stays too large; the solution probably blows up near t = ${t}`),
        );
      }

      // each stage's combination is a top-level loop over its own arguments with the length n
      // passed in: V8 hoists the arrays' bounds and data pointers there, not from the closure's
      // mutable k1/k7 (≈ 3× faster), and an explicit bound stays cheap when the process has
      // invalidated V8's ArrayBuffer-detaching protector (tsx's loader does: typed-array loops
      // bounded by .length then reload it per access)
      if (wasm !== null) {
        const c = wasm.coef;
        c[0] = hs * A21;
        wasm.run(1);
        rhs(k2, yStage, t + C2 * hs);
        c[0] = hs * A31;
        c[1] = hs * A32;
        wasm.run(2);
        rhs(k3, yStage, t + C3 * hs);
        c[0] = hs * A41;
        c[1] = hs * A42;
        c[2] = hs * A43;
        wasm.run(3);
        rhs(k4, yStage, t + C4 * hs);
        c[0] = hs * A51;
        c[1] = hs * A52;
        c[2] = hs * A53;
        c[3] = hs * A54;
        wasm.run(4);
        rhs(k5, yStage, t + C5 * hs);
        c[0] = hs * A61;
        c[1] = hs * A62;
        c[2] = hs * A63;
        c[3] = hs * A64;
        c[4] = hs * A65;
        wasm.run(5);
        rhs(k6, yStage, tNew);
        c[0] = hs * A71;
        c[1] = hs * A73;
        c[2] = hs * A74;
        c[3] = hs * A75;
        c[4] = hs * A76;
        c[5] = hs * E1;
        c[6] = hs * E3;
        c[7] = hs * E4;
        c[8] = hs * E5;
        c[9] = hs * E6;
        wasm.run(6);
      } else {
        combine1Into(n, yStage, y, hs * A21, k1);
        rhs(k2, yStage, t + C2 * hs);
        combine2Into(n, yStage, y, hs * A31, k1, hs * A32, k2);
        rhs(k3, yStage, t + C3 * hs);
        combine3Into(n, yStage, y, hs * A41, k1, hs * A42, k2, hs * A43, k3);
        rhs(k4, yStage, t + C4 * hs);
        combine4Into(n, yStage, y, hs * A51, k1, hs * A52, k2, hs * A53, k3, hs * A54, k4);
        rhs(k5, yStage, t + C5 * hs);
        combine5Into(n, yStage, y, hs * A61, k1, hs * A62, k2, hs * A63, k3, hs * A64, k4, hs * A65, k5);
        rhs(k6, yStage, tNew);
        // y_new, and in the same pass the error estimate's terms without k7 (into yStage, free now)
        solutionAndErrorInto(n, yNew, yStage, y, hs, k1, k3, k4, k5, k6);
      }
      rhs(k7, yNew, tNew);
      stats.rhsEvaluations += 6;

      const sum = wasm !== null ? wasmErrorSum(wasm, n, hs * E7, atol, rtol) : errorSum(n, y, yNew, yStage, hs * E7, k7, atol, rtol);
      const err = Math.sqrt(sum / n);

      if (!Number.isFinite(err)) {
        // Overflow or a non-finite f: retry with a much smaller step.
        stats.rejected++;
        lastRejected = true;
        lastNonFinite = true;
        h = hs * FAC_MIN;
        if (++nonFiniteRejections > MAX_NONFINITE_REJECTIONS) {
          throw new Error(
            `${FN}: the right-hand side keeps returning non-finite values (or y overflows) ` +
              `just after t = ${t}, even with step size h = ${hs}`,
          );
        }
        continue;
      }

      lastNonFinite = false;
      const fac11 = err ** EXPO1;
      if (err <= 1) {
        let fac = fac11 / facOld ** BETA;
        fac = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, fac / SAFE));
        let hNew = hs / fac;
        if (lastRejected) hNew = Math.min(hNew, hs);
        facOld = Math.max(err, 1e-4);

        if (tNew > tOut) {
          if (wasm !== null) {
            wasm.coef[0] = hs;
            wasm.run(8);
          } else {
            denseOutputInto(n, r1, r2, r3, r4, r5, y, yNew, hs, k1, k3, k4, k5, k6, k7);
          }
          tOld = t;
          hOld = hs;
        }
        // accept: y ← y_new, k1 ← k7 (first same as last)
        if (wasm !== null) {
          // the module's arrays have fixed places: copy (a memcpy each)
          y.set(yNew);
          k1.set(k7);
        } else {
          const accepted = yNew; // swap instead of copying: the next step overwrites yNew
          yNew = y;
          y = accepted;
          const swap = k1;
          k1 = k7;
          k7 = swap;
        }
        t = tNew;
        h = hNew;
        stats.steps++;
        lastRejected = false;
        return;
      }
      stats.rejected++;
      lastRejected = true;
      h = hs / Math.min(1 / FAC_MIN, fac11 / SAFE);
    }
  }

  function advanceTo(tOut: number, yOut: Float64Array): void {
    if (!(tOut >= tLastOut)) {
      throw new Error(
        `${FN}: advanceTo: argument 'tOut' must be ≥ the previous output time ${tLastOut}, ` +
          `got ${tOut}`,
      );
    }
    if (tOut > tStop) {
      throw new Error(`${FN}: advanceTo: argument 'tOut' = ${tOut} lies beyond tStop = ${tStop}`);
    }
    if (tOut === Infinity) {
      throw new Error(`${FN}: advanceTo: argument 'tOut' must be finite, got ${tOut}`);
    }
    assertOutput(`${FN}: advanceTo`, yOut, n);
    attempts = 0;
    while (t < tOut) step(tOut);
    tLastOut = tOut;
    if (tOut === t) {
      yOut.set(y);
      return;
    }
    const theta = (tOut - tOld) / hOld;
    const theta1 = 1 - theta;
    if (wasm !== null) {
      wasm.coef[0] = theta;
      wasm.coef[1] = theta1;
      wasm.run(9);
      yOut.set(wasm.yOut);
      return;
    }
    for (let i = 0; i < n; i++) {
      yOut[i] = r1[i] + theta * (r2[i] + theta1 * (r3[i] + theta * (r4[i] + theta1 * r5[i])));
    }
  }

  return {
    dim: n,
    get t() {
      return t;
    },
    get h() {
      return h;
    },
    stats,
    advanceTo,
  };
}

function combine1Into(n: number, out: Float64Array, y: Float64Array, a1: number, k1: Float64Array): void {
  for (let i = 0; i < n; i++) out[i] = y[i] + a1 * k1[i];
}

function combine2Into(n: number, out: Float64Array, y: Float64Array, a1: number, k1: Float64Array, a2: number, k2: Float64Array): void {
  for (let i = 0; i < n; i++) out[i] = y[i] + a1 * k1[i] + a2 * k2[i];
}

function combine3Into(
  n: number,
  out: Float64Array,
  y: Float64Array,
  a1: number,
  k1: Float64Array,
  a2: number,
  k2: Float64Array,
  a3: number,
  k3: Float64Array,
): void {
  for (let i = 0; i < n; i++) out[i] = y[i] + a1 * k1[i] + a2 * k2[i] + a3 * k3[i];
}

function combine4Into(
  n: number,
  out: Float64Array,
  y: Float64Array,
  a1: number,
  k1: Float64Array,
  a2: number,
  k2: Float64Array,
  a3: number,
  k3: Float64Array,
  a4: number,
  k4: Float64Array,
): void {
  for (let i = 0; i < n; i++) out[i] = y[i] + a1 * k1[i] + a2 * k2[i] + a3 * k3[i] + a4 * k4[i];
}

function combine5Into(
  n: number,
  out: Float64Array,
  y: Float64Array,
  a1: number,
  k1: Float64Array,
  a2: number,
  k2: Float64Array,
  a3: number,
  k3: Float64Array,
  a4: number,
  k4: Float64Array,
  a5: number,
  k5: Float64Array,
): void {
  for (let i = 0; i < n; i++) out[i] = y[i] + a1 * k1[i] + a2 * k2[i] + a3 * k3[i] + a4 * k4[i] + a5 * k5[i];
}

/**
 * yNew = y + hs·Σ b_i k_i (the 5th-order solution) and, in the same pass, eOut = hs·Σ e_i k_i over
 * the error weights of stages 1–6 (stage 7's term needs f(yNew) and is added by `errorSum`).
 */
function solutionAndErrorInto(
  n: number,
  yNew: Float64Array,
  eOut: Float64Array,
  y: Float64Array,
  hs: number,
  k1: Float64Array,
  k3: Float64Array,
  k4: Float64Array,
  k5: Float64Array,
  k6: Float64Array,
): void {
  const b1 = hs * A71;
  const b3 = hs * A73;
  const b4 = hs * A74;
  const b5 = hs * A75;
  const b6 = hs * A76;
  const e1 = hs * E1;
  const e3 = hs * E3;
  const e4 = hs * E4;
  const e5 = hs * E5;
  const e6 = hs * E6;
  for (let i = 0; i < n; i++) {
    const f1 = k1[i];
    const f3 = k3[i];
    const f4 = k4[i];
    const f5 = k5[i];
    const f6 = k6[i];
    yNew[i] = y[i] + b1 * f1 + b3 * f3 + b4 * f4 + b5 * f5 + b6 * f6;
    eOut[i] = e1 * f1 + e3 * f3 + e4 * f4 + e5 * f5 + e6 * f6;
  }
}

/**
 * Σ_i (err_i / (atol + rtol·max(|y_i|, |yNew_i|)))² of the embedded error estimate
 * err = e + e7·k7, or NaN when some yNew_i is not finite (the step is then rejected as non-finite).
 */
function errorSum(
  n: number,
  y: Float64Array,
  yNew: Float64Array,
  e: Float64Array,
  e7: number,
  k7: Float64Array,
  atol: number,
  rtol: number,
): number {
  let sum = 0;
  let finite = true;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(y[i]);
    const b = Math.abs(yNew[i]);
    const q = (e[i] + e7 * k7[i]) / (atol + rtol * (a > b ? a : b));
    sum += q * q;
    finite &&= b < Infinity; // false for ∞ and NaN
  }
  return finite ? sum : NaN;
}

/**
 * {@link errorSum} in the module (two lane sums, added here; an odd n's last entry here too), or
 * NaN when some yNew_i is not finite.
 */
function wasmErrorSum(wasm: DormandPrinceStagesWasm, n: number, e7: number, atol: number, rtol: number): number {
  const c = wasm.coef;
  c[0] = e7;
  c[1] = atol;
  c[2] = rtol;
  wasm.run(7);
  let sum = c[10] + c[11];
  let finite = c[12] + c[13] === 0;
  if (n & 1) {
    const i = n - 1;
    const a = Math.abs(wasm.y[i]);
    const b = Math.abs(wasm.yNew[i]);
    const q = (wasm.yStage[i] + e7 * wasm.k[6][i]) / (atol + rtol * (a > b ? a : b));
    sum += q * q;
    finite &&= b < Infinity;
  }
  return finite ? sum : NaN;
}

/** Coefficients of the continuous extension of the step [t, t + hs] (Hairer's DOPRI5). */
function denseOutputInto(
  n: number,
  r1: Float64Array,
  r2: Float64Array,
  r3: Float64Array,
  r4: Float64Array,
  r5: Float64Array,
  y: Float64Array,
  yNew: Float64Array,
  hs: number,
  k1: Float64Array,
  k3: Float64Array,
  k4: Float64Array,
  k5: Float64Array,
  k6: Float64Array,
  k7: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const dy = yNew[i] - y[i];
    const b = hs * k1[i] - dy;
    r1[i] = y[i];
    r2[i] = dy;
    r3[i] = b;
    r4[i] = dy - hs * k7[i] - b;
    r5[i] = hs * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
  }
}
