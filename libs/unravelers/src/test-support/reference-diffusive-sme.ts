// The SME step as it was before the fused stencil (commit 0421a1b): the drift by the dense
// reference Lindbladian of @qsync/operators, each measurement term as its own CSR × dense product
// and pass. Kept for the specs only: the fused step must equal it to round-off.
import type { CsrMatrix } from '@qsync/linalg';
import { applyLindbladianInto, lindbladian } from '@qsync/operators';
import type { DiffusiveSme, DiffusiveSmeModel, SmeMethod } from '../compile-diffusive-sme';

/**
 * The unfused SME step (validation as in `compileDiffusiveSme`): reference for the specs.
 *
 * @param model the SME
 * @example
 * ```ts fragment
 * compileReferenceDiffusiveSme(model).stepInto(rho, 0, 1e-3, dW, signal, 'milstein');
 * ```
 */
export function compileReferenceDiffusiveSme(model: DiffusiveSmeModel): DiffusiveSme {
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
  const rhs = {
    applyInto(out: Float64Array, x: Float64Array) {
      applyLindbladianInto({ rows: n, cols: n, data: out }, l, { rows: n, cols: n, data: x });
    },
  };

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
