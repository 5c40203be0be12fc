import { compileLindbladRhs } from '@qsync/integrators';
import type { LindbladRhs } from '@qsync/integrators';
import type { CsrMatrix } from '@qsync/linalg';
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
 * full (it breaks the U(1) symmetry of L), the deterministic part by the matrix-free
 * `compileLindbladRhs` of `@qsync/integrators`.
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
  const rhs: LindbladRhs = compileLindbladRhs(l);

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

  const size = 2 * n * n;
  const drift = new Float64Array(size);
  const y = resolved.map(() => new Float64Array(size)); // Y_c = X0_c ρ
  const trY = new Float64Array(2 * resolved.length);
  const b = Array.from({ length: noises }, () => new Float64Array(size)); // b_l = H[X_l]ρ
  const m = new Float64Array(size);
  const z = new Float64Array(size);

  const innovation = new Float64Array(noises);
  const step = (rho: Float64Array, t: number, dt: number, noise: Float64Array, signal: Float64Array, method: SmeMethod, measured: boolean) => {
      setFactors(t);
      rhs.applyInto(drift, rho);
      for (let c = 0; c < resolved.length; c++) {
        csrDenseInto(y[c], resolved[c].x0, rho, n);
        let re = 0;
        let im = 0;
        for (let i = 0; i < n; i++) {
          re += y[c][2 * (i * n + i)];
          im += y[c][2 * (i * n + i) + 1];
        }
        trY[2 * c] = re;
        trY[2 * c + 1] = im;
      }
      for (let l = 0; l < noises; l++) {
        const c = noiseChannel[l];
        // s_l = Tr[(X + X†)ρ] = 2 Re(f·Tr[X0 ρ])
        const s = 2 * (fRe[l] * trY[2 * c] - fIm[l] * trY[2 * c + 1]);
        signal[l] = s;
        hInto(b[l], y[c], fRe[l], fIm[l], s, rho, n);
      }
      // filtering: the noise is what the record holds beyond the expected signal
      let dW = noise;
      if (measured) {
        for (let l = 0; l < noises; l++) innovation[l] = noise[l] - signal[l] * dt;
        dW = innovation;
      }
      // Euler–Maruyama part: ρ + L(ρ)dt + Σ b_l dW_l, accumulated in drift
      for (let q = 0; q < size; q++) drift[q] *= dt;
      for (let l = 0; l < noises; l++) {
        const w = dW[l];
        const bl = b[l];
        for (let q = 0; q < size; q++) drift[q] += w * bl[q];
      }
      if (method === 'milstein') {
        // ½ Σ_{k,l} b_k'[b_l](dW_k dW_l − δ_kl dt): for each k the direction M_k = Σ_l c_kl b_l,
        // then b_k'[M] = X_k M + M X_k† − Tr[(X_k + X_k†)M]ρ − s_k M (Lévy areas omitted: order 1
        // for one noise per step or commuting noises)
        for (let k = 0; k < noises; k++) {
          m.fill(0);
          for (let l = 0; l < noises; l++) {
            const ckl = 0.5 * (dW[k] * dW[l] - (k === l ? dt : 0));
            if (ckl === 0) continue;
            const bl = b[l];
            for (let q = 0; q < size; q++) m[q] += ckl * bl[q];
          }
          const c = noiseChannel[k];
          csrDenseInto(z, resolved[c].x0, m, n);
          let re = 0;
          let im = 0;
          for (let i = 0; i < n; i++) {
            re += z[2 * (i * n + i)];
            im += z[2 * (i * n + i) + 1];
          }
          const trXM = 2 * (fRe[k] * re - fIm[k] * im);
          // f Z + (f Z)† − trXM ρ − s_k M
          const fr = fRe[k];
          const fi = fIm[k];
          const sk = signal[k];
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              const p = 2 * (i * n + j);
              const pt = 2 * (j * n + i);
              const ar = fr * z[p] - fi * z[p + 1];
              const ai = fr * z[p + 1] + fi * z[p];
              const br = fr * z[pt] - fi * z[pt + 1];
              const bi = -(fr * z[pt + 1] + fi * z[pt]);
              drift[p] += ar + br - trXM * rho[p] - sk * m[p];
              drift[p + 1] += ai + bi - trXM * rho[p + 1] - sk * m[p + 1];
            }
          }
        }
      }
      for (let q = 0; q < size; q++) rho[q] += drift[q];
      hermitizeAndNormalize(rho, n, t, dt);
  };
  return {
    n,
    dims,
    noises,
    channels,
    stepInto: (rho, t, dt, dW, signal, method) => step(rho, t, dt, dW, signal, method, false),
    filterStepInto: (rho, t, dt, dY, signal, method) => step(rho, t, dt, dY, signal, method, true),
  };
}

/** out = f·Y + (f·Y)† − s·ρ, i.e. H[X]ρ with Y = X0ρ, X = f·X0, s = Tr[(X + X†)ρ]. */
function hInto(out: Float64Array, y: Float64Array, fr: number, fi: number, s: number, rho: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const p = 2 * (i * n + j);
      const pt = 2 * (j * n + i);
      const ar = fr * y[p] - fi * y[p + 1];
      const ai = fr * y[p + 1] + fi * y[p];
      const br = fr * y[pt] - fi * y[pt + 1];
      const bi = -(fr * y[pt + 1] + fi * y[pt]);
      out[p] = ar + br - s * rho[p];
      out[p + 1] = ai + bi - s * rho[p + 1];
    }
  }
}

/** out = A·X for CSR A and dense row-major X (n×n, interleaved). */
function csrDenseInto(out: Float64Array, a: CsrMatrix, x: Float64Array, n: number): void {
  out.fill(0);
  const { rowPtr, colIdx, data } = a;
  for (let i = 0; i < n; i++) {
    const o = 2 * i * n;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const ar = data[2 * p];
      const ai = data[2 * p + 1];
      const src = 2 * colIdx[p] * n;
      for (let j = 0; j < 2 * n; j += 2) {
        const xr = x[src + j];
        const xi = x[src + j + 1];
        out[o + j] += ar * xr - ai * xi;
        out[o + j + 1] += ar * xi + ai * xr;
      }
    }
  }
}

/** ρ ← (ρ + ρ†)/2 / Tr ρ: removes the round-off and O(dt^{3/2}) drift of Hermiticity and trace. */
function hermitizeAndNormalize(rho: Float64Array, n: number, t: number, dt: number): void {
  let tr = 0;
  for (let i = 0; i < n; i++) tr += rho[2 * (i * n + i)];
  if (!(tr > 0) || !Number.isFinite(tr)) {
    throw new Error(`DiffusiveSme: the trace of ρ became ${tr} in the step from t = ${t} (dt = ${dt} too large for the rates?)`);
  }
  const inv = 1 / tr;
  for (let i = 0; i < n; i++) {
    const d = 2 * (i * n + i);
    rho[d] *= inv;
    rho[d + 1] = 0;
    for (let j = i + 1; j < n; j++) {
      const p = 2 * (i * n + j);
      const pt = 2 * (j * n + i);
      const re = 0.5 * (rho[p] + rho[pt]) * inv;
      const im = 0.5 * (rho[p + 1] - rho[pt + 1]) * inv;
      rho[p] = re;
      rho[p + 1] = im;
      rho[pt] = re;
      rho[pt + 1] = -im;
    }
  }
}

function scaledCsr(a: CsrMatrix, s: number): CsrMatrix {
  const data = new Float64Array(a.data.length);
  for (let k = 0; k < data.length; k++) data[k] = s * a.data[k];
  return { rows: a.rows, cols: a.cols, rowPtr: a.rowPtr, colIdx: a.colIdx, data };
}
