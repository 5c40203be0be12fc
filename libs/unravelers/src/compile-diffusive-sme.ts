import { compileWeightedStencil } from '@qsync/integrators';
import type { OperatorSandwich, WeightedStencil } from '@qsync/integrators';
import { csrAdjoint, csrMatmul } from '@qsync/linalg';
import type { CsrMatrix } from '@qsync/linalg';
import { smeStepsExtension } from './sme-steps-wasm';
import type { SmeStepsMemory } from './sme-steps-wasm';
import { lindbladian } from '@qsync/operators';
import type { Dissipator, Operator } from '@qsync/operators';

/**
 * One monitored jump operator √rate·J, detected with efficiency ξ (Eq. 6.24) by
 * - `'homodyne'`: one real current I = 2√(ξ·rate)·Re Tr[e^{iφ(t)} J ρ] + dW/dt (Eqs. 3.14, 6.25)
 *   with local-oscillator phase φ(t) = phase + frequency·t. A nonzero `frequency` is the
 *   heterodyne setup of Eq. 3.11 with detuning ω_m = frequency (the LO factor is e^{+iω_m t}, as in
 *   Eq. 3.11); frequency 0 is homodyne detection of the quadrature e^{iφ}J + e^{−iφ}J†.
 * - `'heterodyne'`: the two-quadrature form (Eq. 3.13), two independent Wiener processes dW_x,
 *   dW_y and one complex current I = √(ξ·rate)·Tr[Jρ] + √(1/2)(dW_x + i dW_y)/dt (Eqs. 3.15, 4.7).
 */
export interface MonitoredChannel {
  /** name of the current's column in the output (default `I0`, `I1`, … by position) */
  readonly name?: string;
  /** rate κ ≥ 0 of the dissipator κD[J] this detector watches */
  readonly rate: number;
  /** the jump operator J */
  readonly jump: Operator;
  /** detection efficiency ξ ∈ [0, 1] (default 1) */
  readonly efficiency?: number;
  readonly unraveling: 'homodyne' | 'heterodyne';
  /** LO phase φ of a homodyne channel (default 0) */
  readonly phase?: number;
  /** LO detuning ω_m of a homodyne channel (Eq. 3.11; default 0) */
  readonly frequency?: number;
}

/** A stochastic master equation with diffusive unravelings: see {@link compileDiffusiveSme}. */
export interface DiffusiveSmeModel {
  /** Hamiltonian H */
  readonly hamiltonian: Operator;
  /** dissipators nobody watches: they stay in the deterministic part only */
  readonly dissipators?: readonly Dissipator[];
  /** the detected channels; each also contributes rate·D[J] to the deterministic part */
  readonly monitored: readonly MonitoredChannel[];
}

/** The integration schemes: Euler–Maruyama (strong order ½) and Milstein (strong order 1, see README). */
export type SmeMethod = 'euler-maruyama' | 'milstein';

/** A compiled diffusive SME; one step at a time, in place, allocation-free. */
export interface DiffusiveSme {
  /** Hilbert-space dimension n; the state is the n×n row-major interleaved complex ρ (2n² numbers) */
  readonly n: number;
  readonly dims: readonly number[];
  /** number of independent Wiener processes (1 per homodyne channel, 2 per heterodyne channel) */
  readonly noises: number;
  /** the channels as resolved: name, kind, index of their first noise */
  readonly channels: readonly { readonly name: string; readonly unraveling: 'homodyne' | 'heterodyne'; readonly noise: number }[];
  /**
   * One step ρ(t) → ρ(t + dt) with Wiener increments dW[0 … noises−1] (variance dt each),
   * in place; writes the signal part of each noise's current at the start of the step,
   * s_l = √ξ·Tr[(X_l + X_l†)ρ(t)] (the current is s_l + dW_l/dt), into `signal`. The result is
   * made Hermitian and of trace 1; nothing is allocated.
   */
  stepInto(rho: Float64Array, t: number, dt: number, dW: Float64Array, signal: Float64Array, method: SmeMethod): void;
  /**
   * The same step driven by a measured record instead of the noise (quantum filtering): dY_l is
   * the record's increment over the step in each noise's units (homodyne I·dt; heterodyne
   * √2·Re I·dt and √2·Im I·dt), and the step uses the innovation dW_l = dY_l − s_l·dt with the
   * signal s_l of ρ(t), which it writes into `signal`.
   */
  filterStepInto(rho: Float64Array, t: number, dt: number, dY: Float64Array, signal: Float64Array, method: SmeMethod): void;
}

/**
 * Compiles the stochastic master equation of Eq. 6.24 (Eq. 3.11 with efficiency ξ, and 3.13 for
 * two-quadrature heterodyne) for any set of monitored jump operators:
 * dρ = Lρ dt + Σ_l H[X_l(t)]ρ dW_l, H[X]ρ = Xρ + ρX† − Tr[(X + X†)ρ]ρ, with
 * X = √(ξκ) e^{iφ(t)} J (homodyne) or X = √(ξκ/2)·J and −i√(ξκ/2)·J (heterodyne, dW_x and dW_y).
 * L contains H, the unmonitored dissipators and κD[J] of every monitored channel (the full
 * rate: the undetected fraction 1 − ξ still decoheres). The conditional state is evolved in
 * full (it breaks the U(1) symmetry of L); a whole step, drift, noise and Milstein terms, is one
 * fused pass over the upper triangle of ρ (`compileWeightedStencil` of `@qsync/integrators`) with
 * weights set per step from dt, the Wiener increments and O(n) traces.
 *
 * @param model `{ hamiltonian, dissipators = [], monitored }`
 * @throws Error naming the field: no monitored channel, a rate not ≥ 0, an efficiency outside
 *   [0, 1], an unknown unraveling, a phase or frequency that is not finite, mismatched dims
 * @example
 * // homodyne of σz on a qubit in |+⟩: the current's signal is 2√κ⟨σz⟩ = 0
 * const s = spinHalfSpace();
 * const sme = compileDiffusiveSme({
 *   hamiltonian: scaled(sigmaZ(s), 0),
 *   monitored: [{ rate: 1, jump: sigmaZ(s), unraveling: 'homodyne' }],
 * });
 * const rho = Float64Array.of(0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0);
 * const signal = new Float64Array(1);
 * sme.stepInto(rho, 0, 1e-3, Float64Array.of(0.01), signal, 'milstein');
 * [sme.noises, signal[0]]; // → [1, 0]
 */
export function compileDiffusiveSme(model: DiffusiveSmeModel): DiffusiveSme {
  return compileDiffusiveSmeStepper(model).sme;
}

/**
 * The compiled SME with internal entries for loops that own their state (trajectories):
 * `stepBandInto` is `stepInto` that mirrors only the band of the lower triangle the next step
 * reads (r − c ≤ band), `mirrorInto` completes the lower triangle before anyone else reads ρ
 * (nothing to do after a WebAssembly step, which mirrors all of it), `stateBuffer(method)` is
 * the WebAssembly kernel's own input (null in JavaScript): ρ stepped there is neither copied in
 * nor out. It is shared by every user of this stepper, so a loop moves its ρ in and out around
 * a run of steps that nobody interrupts. `fusedSteps(method)` runs whole steps in the
 * WebAssembly module (null in JavaScript). `backend` 'js' forces the JavaScript kernels (the
 * fallback where WebAssembly SIMD is missing). Internal to this library.
 */
export function compileDiffusiveSmeStepper(
  model: DiffusiveSmeModel,
  backend: 'auto' | 'js' = 'auto',
): {
  readonly sme: DiffusiveSme;
  stepBandInto(rho: Float64Array, t: number, dt: number, dW: Float64Array, signal: Float64Array, method: SmeMethod): void;
  mirrorInto(rho: Float64Array): void;
  stateBuffer(method: SmeMethod): Float64Array | null;
  fusedSteps(method: SmeMethod): FusedSmeSteps | null;
} {
  const fn = 'compileDiffusiveSme';
  if (model === null || typeof model !== 'object') {
    throw new Error(`${fn}: argument 'model' must be an object { hamiltonian, dissipators?, monitored }, got ${String(model)}`);
  }
  if (!Array.isArray(model.monitored) || model.monitored.length === 0) {
    throw new Error(`${fn}: field 'monitored' must list at least one monitored channel`);
  }
  const dims = model.hamiltonian.dims;
  const n = model.hamiltonian.matrix.rows;
  const names = new Set<string>();
  const resolved = model.monitored.map((c, k) => {
    const where = `monitored[${k}]`;
    if (!(typeof c.rate === 'number' && Number.isFinite(c.rate) && c.rate >= 0)) {
      throw new Error(`${fn}: ${where}.rate must be a finite number ≥ 0, got ${String(c.rate)}`);
    }
    const xi = c.efficiency ?? 1;
    if (!(typeof xi === 'number' && xi >= 0 && xi <= 1)) {
      throw new Error(`${fn}: ${where}.efficiency must be a number in [0, 1] (Eq. 6.24), got ${String(xi)}`);
    }
    if (c.unraveling !== 'homodyne' && c.unraveling !== 'heterodyne') {
      throw new Error(`${fn}: ${where}.unraveling must be 'homodyne' or 'heterodyne', got '${String(c.unraveling)}'`);
    }
    for (const field of ['phase', 'frequency'] as const) {
      const v = c[field];
      if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v))) {
        throw new Error(`${fn}: ${where}.${field} must be a finite number, got ${String(v)}`);
      }
      if (v !== undefined && v !== 0 && c.unraveling === 'heterodyne') {
        throw new Error(`${fn}: ${where}.${field} applies to 'homodyne' channels (Eq. 3.11); the two-quadrature 'heterodyne' form (Eq. 3.13) has none`);
      }
    }
    if (c.jump === null || typeof c.jump !== 'object' || c.jump.matrix.rows !== n || c.jump.dims.join() !== dims.join()) {
      throw new Error(`${fn}: ${where}.jump must be an operator on dims [${dims.join(', ')}]`);
    }
    const name = c.name ?? `I${k}`;
    if (names.has(name)) throw new Error(`${fn}: ${where}.name '${name}' is used twice`);
    names.add(name);
    return { name, c, xi, x0: scaledCsr(c.jump.matrix, Math.sqrt(c.rate)) };
  });
  const l = lindbladian(model.hamiltonian, [
    ...(model.dissipators ?? []),
    ...model.monitored.map((c) => ({ rate: c.rate, jump: c.jump })),
  ]);

  // noise l: X_l(t) = f_l(t)·X0_{c(l)}; the factor carries √ξ (homodyne e^{iφ(t)}, heterodyne 1/√2 and −i/√2)
  const noiseChannel: number[] = [];
  const channels = resolved.map((r, c) => {
    const noise = noiseChannel.length;
    noiseChannel.push(c);
    if (r.c.unraveling === 'heterodyne') noiseChannel.push(c);
    return { name: r.name, unraveling: r.c.unraveling, noise };
  });
  const noises = noiseChannel.length;
  const fRe = new Float64Array(noises);
  const fIm = new Float64Array(noises);
  // only a detuned LO (Eq. 3.11) makes the factors depend on t; others are set once
  const timeDependent = resolved.some((r) => r.c.unraveling === 'homodyne' && (r.c.frequency ?? 0) !== 0);
  const setFactors = (t: number) => {
    for (let c = 0; c < resolved.length; c++) {
      const { c: ch, xi } = resolved[c];
      const l0 = channels[c].noise;
      const a = Math.sqrt(xi);
      if (ch.unraveling === 'homodyne') {
        const phi = (ch.phase ?? 0) + (ch.frequency ?? 0) * t;
        fRe[l0] = a * Math.cos(phi);
        fIm[l0] = a * Math.sin(phi);
      } else {
        fRe[l0] = a * Math.SQRT1_2;
        fIm[l0] = 0;
        fRe[l0 + 1] = 0;
        fIm[l0 + 1] = -a * Math.SQRT1_2;
      }
    }
  };

  // The whole step is one weighted stencil pass over the upper triangle (ρ(t + dt) is Hermitian):
  // ρ + Lρ·dt + Σ_c (w_c J_c ρ + ρ J_c† w̄_c) + w_I ρ, and for Milstein the second application
  // b_k'[b_l] expanded into J_cJ_d ρ, ρ(J_cJ_d)†, J_c ρ J_d† with scalar weights (see below).
  const C = resolved.length;
  const jump = resolved.map((r) => r.x0);
  const jumpDagger = jump.map((x) => csrAdjoint(x));
  const sandwiches = [{ left: l.left }, { right: l.right }, ...l.sandwiches.map((sw) => ({ left: sw.left, right: sw.right, scale: sw.rate }))];
  const emGroups: OperatorSandwich[][] = [sandwiches, [{}]];
  for (let c = 0; c < C; c++) emGroups.push([{ left: jump[c] }], [{ right: jumpDagger[c] }]);
  const pairs: { c: number; d: number; jj: CsrMatrix; jdj: CsrMatrix }[] = [];
  const milsteinGroups = emGroups.slice();
  for (let c = 0; c < C; c++) {
    for (let d = 0; d < C; d++) {
      const jj = csrMatmul(jump[c], jump[d]);
      pairs.push({ c, d, jj, jdj: csrMatmul(jumpDagger[c], jump[d]) });
      milsteinGroups.push([{ left: jj }], [{ right: csrAdjoint(jj) }], [{ left: jump[c], right: jumpDagger[d] }]);
    }
  }
  // Real weights let the generated step skip imaginary parts: dt and the identity's weight always;
  // a channel's own weights when its LO factor f is real (homodyne, no detuning, phase 0);
  // 2Σ C_kl f_k conj(f_l) of J_c ρ J_c† always, of J_c ρ J_d† and Σ C_kl f_k f_l of J_cJ_d ρ when both f are real.
  const realF = resolved.map((r) => r.c.unraveling === 'homodyne' && (r.c.frequency ?? 0) === 0 && Math.sin(r.c.phase ?? 0) === 0);
  const realGroup = (g: number): boolean => {
    if (g < 2) return true;
    if (g < 2 + 2 * C) return realF[(g - 2) >> 1];
    const { c, d } = pairs[Math.floor((g - 2 - 2 * C) / 3)];
    return (realF[c] && realF[d]) || ((g - 2 - 2 * C) % 3 === 2 && c === d);
  };
  const kinds = (count: number) => Array.from({ length: count }, (_, g) => (realGroup(g) ? ('real' as const) : ('complex' as const)));
  // one table, one pass: Tr[J_c ρ] (c < C), then Tr[J_cJ_d ρ] and Tr[J_c†J_d ρ] of every pair (Milstein)
  const traced = traceTable([...jump, ...pairs.map((pr) => pr.jj), ...pairs.map((pr) => pr.jdj)], n);
  // with WebAssembly, a trajectory's whole steps run in the kernel's module (see smeStepsExtension)
  const shape = { n, noises: noiseChannel.length, channels: C, noiseChannel, batch: FUSED_BATCH, traced };
  const emSteps = smeStepsExtension({ ...shape, method: 'euler-maruyama' });
  const milsteinSteps = smeStepsExtension({ ...shape, method: 'milstein' });
  const emKernel = compileWeightedStencil(emGroups, { n, hermitian: true, weightKinds: kinds(emGroups.length), extension: emSteps.extension, backend });
  const milsteinKernel: WeightedStencil = compileWeightedStencil(milsteinGroups, {
    n,
    hermitian: true,
    weightKinds: kinds(milsteinGroups.length),
    extension: milsteinSteps.extension,
    backend,
  });
  // the lower band the steps read: the kernels' reach and that of the traced operators (Tr[Aρ] reads ρ_ji)
  let band = Math.max(emKernel.lowerReach, milsteinKernel.lowerReach);
  for (const a of [...jump, ...pairs.flatMap((pr) => [pr.jj, pr.jdj])]) {
    for (let i = 0; i < n; i++) for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) band = Math.max(band, a.colIdx[p] - i);
  }
  const weights = new Float64Array(2 * milsteinGroups.length);
  const JC = 2; // weight slot of J_c ρ is JC + 2c, of ρ J_c† JC + 2c + 1
  const JJ = 2 + 2 * C; // of pair p: JJ + 3p (J_cJ_d ρ), + 1 (ρ (J_cJ_d)†), + 2 (J_c ρ J_d†)

  const size = 2 * n * n;
  const next = new Float64Array(size);
  const tr = new Float64Array(2 * (C + 2 * pairs.length));
  const P = 2 * C; // Tr[J_cJ_d ρ] of pair p at tr[P + 2p], Tr[J_c†J_d ρ] at tr[Q + 2p]
  const Q = 2 * (C + pairs.length);
  setFactors(0);
  const cKL = new Float64Array(noises * noises);
  const sigma = new Float64Array(noises);
  const innovation = new Float64Array(noises);
  const setWeight = (slot: number, re: number, im: number) => {
    weights[2 * slot] = re;
    weights[2 * slot + 1] = im;
  };
  const addWeight = (slot: number, re: number, im: number) => {
    weights[2 * slot] += re;
    weights[2 * slot + 1] += im;
  };

  const step = (rho: Float64Array, t: number, dt: number, noise: Float64Array, signal: Float64Array, method: SmeMethod, measured: boolean, reach: number) => {
    if (timeDependent) setFactors(t);
    tracesInto(tr, traced, method === 'milstein' ? traced.end.length : C, rho);
    for (let l = 0; l < noises; l++) {
      const c = noiseChannel[l];
      // s_l = Tr[(X + X†)ρ] = 2 Re(f·Tr[X0 ρ])
      signal[l] = 2 * (fRe[l] * tr[2 * c] - fIm[l] * tr[2 * c + 1]);
    }
    // filtering: the noise is what the record holds beyond the expected signal
    let dW = noise;
    if (measured) {
      for (let l = 0; l < noises; l++) innovation[l] = noise[l] - signal[l] * dt;
      dW = innovation;
    }
    // Euler–Maruyama: ρ + Lρ dt + Σ_l dW_l (X_l ρ + ρ X_l† − s_l ρ)
    weights.fill(0);
    setWeight(0, dt, 0);
    let id = 1;
    for (let l = 0; l < noises; l++) {
      id -= signal[l] * dW[l];
      addWeight(JC + 2 * noiseChannel[l], fRe[l] * dW[l], fIm[l] * dW[l]);
    }
    let kernel = emKernel;
    if (method === 'milstein') {
      // ½ Σ_{k,l} C_kl b_k'[b_l], C_kl = dW_k dW_l − δ_kl dt, b_k'[M] = X_k M + M X_k† −
      // Tr[(X_k + X_k†)M]ρ − s_k M (Lévy areas omitted: order 1 for one noise per step or
      // commuting noises). With b_l = X_l ρ + ρ X_l† − s_l ρ and X = f·J this is
      // X_kX_l ρ + X_k ρ X_l† + X_l ρ X_k† + ρ X_l†X_k† − 2 s_l X_k ρ − 2 s_l ρ X_k† (symmetrised over
      // k, l) + (2 s_k s_l − 2Re Tr[X_kX_l ρ] − 2Re Tr[X_k†X_l ρ]) ρ.
      kernel = milsteinKernel;
      for (let k = 0; k < noises; k++) {
        let sk = 0;
        for (let l = 0; l < noises; l++) {
          const ckl = 0.5 * (dW[k] * dW[l] - (k === l ? dt : 0));
          cKL[k * noises + l] = ckl;
          sk += ckl * signal[l];
        }
        sigma[k] = sk;
      }
      for (let k = 0; k < noises; k++) {
        const c = noiseChannel[k];
        addWeight(JC + 2 * c, -2 * fRe[k] * sigma[k], -2 * fIm[k] * sigma[k]);
        for (let l = 0; l < noises; l++) {
          const ckl = cKL[k * noises + l];
          if (ckl === 0) continue;
          const d = noiseChannel[l];
          const p = c * C + d;
          // f_k f_l and f_k conj(f_l), conj(f_k) f_l
          const ffRe = fRe[k] * fRe[l] - fIm[k] * fIm[l];
          const ffIm = fRe[k] * fIm[l] + fIm[k] * fRe[l];
          const fcRe = fRe[k] * fRe[l] + fIm[k] * fIm[l];
          const fcIm = fIm[k] * fRe[l] - fRe[k] * fIm[l];
          addWeight(JJ + 3 * p, ckl * ffRe, ckl * ffIm);
          addWeight(JJ + 3 * p + 2, 2 * ckl * fcRe, 2 * ckl * fcIm);
          // Re(f_k f_l P) and Re(conj(f_k) f_l Q) = Re(conj(f_k conj f_l) Q)
          const reP = ffRe * tr[P + 2 * p] - ffIm * tr[P + 2 * p + 1];
          const reQ = fcRe * tr[Q + 2 * p] + fcIm * tr[Q + 2 * p + 1];
          id += ckl * (2 * signal[k] * signal[l] - 2 * reP - 2 * reQ);
        }
      }
      for (let p = 0; p < pairs.length; p++) setWeight(JJ + 3 * p + 1, weights[2 * (JJ + 3 * p)], -weights[2 * (JJ + 3 * p) + 1]);
    }
    for (let c = 0; c < C; c++) setWeight(JC + 2 * c + 1, weights[2 * (JC + 2 * c)], -weights[2 * (JC + 2 * c) + 1]);
    setWeight(1, id, 0);
    // the WebAssembly kernel's own result buffer saves a copy out of its memory
    const out = kernel.output ?? next;
    kernel.applyUpperInto(out, rho, weights);
    normalizeInto(rho, out, n, t, dt, reach, kernel.scaledMirrorInto);
  };
  const sme: DiffusiveSme = {
    n,
    dims,
    noises,
    channels,
    stepInto: (rho, t, dt, dW, signal, method) => step(rho, t, dt, dW, signal, method, false, n),
    filterStepInto: (rho, t, dt, dY, signal, method) => step(rho, t, dt, dY, signal, method, true, n),
  };
  const fused = (kernel: WeightedStencil, layout: SmeStepsMemory): FusedSmeSteps | null => {
    const ext = kernel.extension;
    if (ext === null || kernel.input === null) return null;
    const base = ext.layout.extra;
    const f = ext.f64;
    // the trace table: byte offsets of ρ_ji from ρ's start, coefficients lane-duplicated
    for (let p = 0; p < traced.at.length; p++) {
      ext.i32[(base + layout.tableAt) / 4 + p] = 8 * traced.at[p];
      const q = (base + layout.tableCoef) / 8 + 4 * p;
      f[q] = f[q + 1] = traced.coef[2 * p];
      f[q + 2] = f[q + 3] = traced.coef[2 * p + 1];
    }
    const writeFactors = () => {
      for (let l = 0; l < noises; l++) {
        f[(base + layout.factors) / 8 + 2 * l] = fRe[l];
        f[(base + layout.factors) / 8 + 2 * l + 1] = fIm[l];
      }
    };
    writeFactors();
    const positive = ext.functions.positive;
    return {
      state: kernel.input,
      memory: f,
      noiseAt: (base + layout.noise) / 8,
      sumAt: (base + layout.sum) / 8,
      batch: FUSED_BATCH,
      timeDependent,
      run(dt, t, count) {
        if (timeDependent) {
          setFactors(t);
          writeFactors();
        }
        f[(base + layout.dt) / 8] = dt;
        return ext.call(count);
      },
      failedTrace: () => f[ext.layout.scale / 8],
      isPositiveWithin: (tol) => {
        f[(base + layout.tol) / 8] = tol;
        return positive(0) === 1;
      },
    };
  };
  const emFused = fused(emKernel, emSteps.memory);
  const milsteinFused = fused(milsteinKernel, milsteinSteps.memory);
  return {
    sme,
    fusedSteps: (method) => (method === 'milstein' ? milsteinFused : emFused),
    stepBandInto: (rho, t, dt, dW, signal, method) => step(rho, t, dt, dW, signal, method, false, band),
    mirrorInto: (rho) => {
      if (emKernel.scaledMirrorInto === null || milsteinKernel.scaledMirrorInto === null) mirrorLower(rho, n, band);
    },
    stateBuffer: (method) => (method === 'milstein' ? milsteinKernel : emKernel).input,
  };
}

/**
 * Whole steps inside the WebAssembly module (see smeStepsExtension): ρ is `state` (the kernel's
 * input, fully mirrored after every call), the caller writes `batch`·noises normal increments
 * into `memory` from `noiseAt` (step k, noise l at noiseAt + k·noises + l), zeroes and reads the
 * current sums at `sumAt` (Σ s_l·dt + dW_l over the steps), and calls `run(dt, t, count)`
 * (count ≤ batch; with a detuned LO only 1, the factors being those of t). It returns −1 or the
 * index of the step whose trace failed (ρ is then the state before it). Internal.
 */
export interface FusedSmeSteps {
  readonly state: Float64Array;
  readonly memory: Float64Array;
  readonly noiseAt: number;
  readonly sumAt: number;
  readonly batch: number;
  /** the LO factors depend on t: one step per call */
  readonly timeDependent: boolean;
  run(dt: number, t: number, count: number): number;
  /** after a failed run: the trace that stopped it */
  failedTrace(): number;
  /** the Cholesky test of ρ + tol·I in the module (isPositiveWithin's algorithm) */
  isPositiveWithin(tol: number): boolean;
}

/** steps whose noise one call of the fused WebAssembly steps can take */
const FUSED_BATCH = 64;

/** Tr[A_m ρ] = Σ_ij (A_m)_ij ρ_ji of several operators as flat lists: where in ρ, which coefficient, whose. */
interface TraceTable {
  readonly at: Int32Array;
  readonly coef: Float64Array;
  readonly end: Int32Array;
}

function traceTable(ops: readonly CsrMatrix[], n: number): TraceTable {
  const at: number[] = [];
  const coef: number[] = [];
  const end: number[] = [];
  for (const a of ops) {
    for (let i = 0; i < n; i++) {
      for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
        at.push(2 * (a.colIdx[p] * n + i));
        coef.push(a.data[2 * p], a.data[2 * p + 1]);
      }
    }
    end.push(at.length);
  }
  return { at: Int32Array.from(at), coef: Float64Array.from(coef), end: Int32Array.from(end) };
}

/** out[2m], out[2m + 1] = Tr[A_m ρ] for the first `count` operators of the table. */
function tracesInto(out: Float64Array, table: TraceTable, count: number, rho: Float64Array): void {
  const { at, coef, end } = table;
  let p = 0;
  for (let m = 0; m < count; m++) {
    // four running sums: one dependent addition per sum and entry (the loop waits on additions)
    let rr = 0;
    let ii = 0;
    let ri = 0;
    let ir = 0;
    for (; p < end[m]; p++) {
      const q = at[p];
      const cr = coef[2 * p];
      const ci = coef[2 * p + 1];
      const xr = rho[q];
      const xi = rho[q + 1];
      rr += cr * xr;
      ii += ci * xi;
      ri += cr * xi;
      ir += ci * xr;
    }
    out[2 * m] = rr - ii;
    out[2 * m + 1] = ri + ir;
  }
}

/**
 * ρ ← upper triangle of `next` / Tr, mirrored into the lower triangle within `reach` of the
 * diagonal (all of it for reach ≥ n − 1; real diagonal): removes the O(dt^{3/2}) drift of the
 * trace; a trace that is not > 0 and finite is an error naming the step.
 */
function normalizeInto(
  rho: Float64Array,
  next: Float64Array,
  n: number,
  t: number,
  dt: number,
  reach: number,
  scaledMirrorInto: ((target: Float64Array, scale: number) => void) | null,
): void {
  let tr = 0;
  for (let i = 0; i < n; i++) tr += next[2 * (i * n + i)];
  if (!(tr > 0) || !Number.isFinite(tr)) {
    throw new Error(`DiffusiveSme: the trace of ρ became ${tr} in the step from t = ${t} (dt = ${dt} too large for the rates?)`);
  }
  const inv = 1 / tr;
  if (scaledMirrorInto !== null) {
    // the WebAssembly kernel scales and mirrors its own result (all of it, the same numbers)
    scaledMirrorInto(rho, inv);
    return;
  }
  for (let i = 0; i < n; i++) {
    const d = 2 * (i * n + i);
    rho[d] = next[d] * inv;
    rho[d + 1] = 0;
    const jm = Math.min(n, i + reach + 1);
    for (let j = i + 1; j < jm; j++) {
      const p = 2 * (i * n + j);
      const pt = 2 * (j * n + i);
      const re = next[p] * inv;
      const im = next[p + 1] * inv;
      rho[p] = re;
      rho[p + 1] = im;
      rho[pt] = re;
      rho[pt + 1] = -im;
    }
    for (let p = 2 * (i * n + jm); p < 2 * (i * n + n); p++) rho[p] = next[p] * inv;
  }
}

/** Lower triangle ← conjugate of the upper one, for the entries farther than `reach` below the diagonal. */
function mirrorLower(rho: Float64Array, n: number, reach: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1 + reach; j < n; j++) {
      rho[2 * (j * n + i)] = rho[2 * (i * n + j)];
      rho[2 * (j * n + i) + 1] = -rho[2 * (i * n + j) + 1];
    }
  }
}

function scaledCsr(a: CsrMatrix, s: number): CsrMatrix {
  const data = new Float64Array(a.data.length);
  for (let k = 0; k < data.length; k++) data[k] = s * a.data[k];
  return { rows: a.rows, cols: a.cols, rowPtr: a.rowPtr, colIdx: a.colIdx, data };
}
