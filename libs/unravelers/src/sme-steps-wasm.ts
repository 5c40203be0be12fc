import type { WasmBody, WasmKernelExtension, WasmKernelLayout } from '@qsync/integrators';

/** What the generated steps need to know about the compiled SME (see compileDiffusiveSme). */
export interface SmeStepsShape {
  readonly method: 'euler-maruyama' | 'milstein';
  /** Hilbert-space dimension */
  readonly n: number;
  /** number of Wiener processes */
  readonly noises: number;
  /** monitored channels */
  readonly channels: number;
  /** channel of each noise */
  readonly noiseChannel: readonly number[];
  /** steps whose noise one call can hold */
  readonly batch: number;
  /**
   * Tr[A_m ρ] = Σ coef·ρ[at] as a table: `at` the index of ρ_ji in the interleaved ρ, `coef`
   * (re, im) per entry, `end` per operator. Operators: J_c (c < C), then J_cJ_d and J_c†J_d of
   * every pair p = cC + d (Milstein only).
   */
  readonly traced: { readonly at: Int32Array; readonly coef: Float64Array; readonly end: Int32Array };
}

/** Byte offsets of the steps' data, from the extension's start (see {@link smeStepsExtension}). */
export interface SmeStepsMemory {
  /** f64: dt */
  readonly dt: number;
  /** per noise l, f64 re and im of the LO factor f_l at 16l */
  readonly factors: number;
  /** per noise, f64: Σ over the call's steps of s_l·dt + dW_l (added to, not reset) */
  readonly sum: number;
  /** per noise, f64: s_l of the last step's start */
  readonly signal: number;
  /** batch × noises f64: dW of step k, noise l at 8(k·noises + l) */
  readonly noise: number;
  /** the trace table: i32 byte offsets into ρ, then (re, re), (im, im) per entry */
  readonly tableAt: number;
  readonly tableCoef: number;
  /** f64: the tolerance of `positive` */
  readonly tol: number;
  /** n × n complex: the Cholesky factor of `positive` */
  readonly work: number;
  readonly bytes: number;
}

/**
 * The whole stochastic step of compileDiffusiveSme as a function `steps(count)` compiled into the
 * stencil's WebAssembly module (internal): per step the traces Tr[J_c ρ] (Milstein also
 * Tr[J_cJ_d ρ], Tr[J_c†J_d ρ]) read from ρ in the module, the signals s_l, the step's weights
 * (the same formulas as the JavaScript step), one kernel pass, the trace renormalisation and
 * Hermitian mirror into ρ, and the running sums of the currents; noise is read from a batch the
 * caller fills. Returns −1, or the index of the first step whose trace was not finite and > 0
 * (ρ is then the state before that step, the trace is left in the kernel's scale slot). No fused multiply-add: the same module gives the same
 * bits in every thread.
 *
 * @param shape the SME's noises, channels and traced operators
 * @returns the extension and the layout of its memory
 * @example
 * ```ts fragment
 * const { extension, memory } = smeStepsExtension(shape); // internal: see compileDiffusiveSmeStepper
 * ```
 */
export function smeStepsExtension(shape: SmeStepsShape): { extension: WasmKernelExtension; memory: SmeStepsMemory } {
  const { noises, noiseChannel, batch, traced, method } = shape;
  const C = shape.channels;
  const milstein = method === 'milstein';
  const entries = traced.at.length;
  const align = (v: number) => Math.ceil(v / 16) * 16;
  let top = 0;
  const take = (bytes: number) => {
    const at = top;
    top = align(top + bytes);
    return at;
  };
  const memory = {
    dt: take(8),
    factors: take(16 * noises),
    sum: take(8 * noises),
    signal: take(8 * noises),
    noise: take(8 * noises * batch),
    tableAt: take(4 * entries),
    tableCoef: take(32 * entries),
    tol: take(8),
    work: take(16 * shape.n * shape.n),
    bytes: 0,
  };
  memory.bytes = top;
  const ops = milstein ? traced.end.length : C;

  const emit = (b: WasmBody, layout: WasmKernelLayout) => {
    const E = layout.extra;
    const n = layout.n;
    type Ex = () => void;
    const cst =
      (v: number): Ex =>
      () =>
        b.f64Const(v);
    const get =
      (k: number): Ex =>
      () =>
        b.localGet(k);
    const bin =
      (op: 'add' | 'sub' | 'mul') =>
      (x: Ex, y: Ex): Ex =>
      () => {
        x();
        y();
        if (op === 'add') b.f64Add();
        else if (op === 'sub') b.f64Sub();
        else b.f64Mul();
      };
    const add = bin('add');
    const sub = bin('sub');
    const mul = bin('mul');
    const sum = (terms: readonly Ex[]): Ex => (terms.length === 0 ? cst(0) : terms.slice(1).reduce((acc, t) => add(acc, t), terms[0]));
    const f64Local = (value: Ex) => {
      const k = b.local('f64');
      value();
      b.localSet(k);
      return k;
    };
    const store = (at: number, value: Ex) => {
      b.i32Const(0);
      value();
      b.f64Store(at);
    };
    const load =
      (at: number): Ex =>
      () =>
        b.i32Const(0).f64Load(at);

    const s = b.local('i32'); // step index
    const nz = b.local('i32'); // byte offset of the step's noise
    const qa = b.local('i32');
    const qc = b.local('i32');
    const i = b.local('i32');
    const x = b.local('v128');
    const acc1 = b.local('v128');
    const acc2 = b.local('v128');
    const dt = f64Local(load(E + memory.dt));
    const fr = Array.from({ length: noises }, (_, l) => f64Local(load(E + memory.factors + 16 * l)));
    const fi = Array.from({ length: noises }, (_, l) => f64Local(load(E + memory.factors + 16 * l + 8)));
    const trR = Array.from({ length: ops }, () => b.local('f64'));
    const trI = Array.from({ length: ops }, () => b.local('f64'));
    const tr = b.local('f64');

    b.i32Const(0).localSet(s);
    b.i32Const(0).localSet(nz);
    b.loop();
    {
      // traces: acc1 = Σ x·(cr, cr), acc2 = Σ x·(ci, ci); Tr = (acc1.re − acc2.im) + i(acc1.im + acc2.re)
      let p0 = 0;
      for (let m = 0; m < ops; m++) {
        const p1 = traced.end[m];
        b.f64x2Const(0, 0).localSet(acc1);
        b.f64x2Const(0, 0).localSet(acc2);
        if (p1 > p0) {
          b.i32Const(4 * p0).localSet(qa);
          b.i32Const(32 * p0).localSet(qc);
          b.loop();
          b.localGet(qa).i32Load(E + memory.tableAt).v128Load(layout.x0).localSet(x);
          b.localGet(acc1).localGet(x).localGet(qc).v128Load(E + memory.tableCoef).f64x2Mul().f64x2Add().localSet(acc1);
          b.localGet(acc2).localGet(x).localGet(qc).v128Load(E + memory.tableCoef + 16).f64x2Mul().f64x2Add().localSet(acc2);
          b.localGet(qc).i32Const(32).i32Add().localSet(qc);
          b.localGet(qa).i32Const(4).i32Add().localTee(qa).i32Const(4 * p1).i32LtS().brIf(0);
          b.end();
        }
        b.localGet(acc1).f64x2ExtractLane(0).localGet(acc2).f64x2ExtractLane(1).f64Sub().localSet(trR[m]);
        b.localGet(acc1).f64x2ExtractLane(1).localGet(acc2).f64x2ExtractLane(0).f64Add().localSet(trI[m]);
        p0 = p1;
      }
      // s_l = 2 Re(f_l Tr[J_c ρ]); the current's running sum; the noise of this step
      const dw = Array.from({ length: noises }, (_, l) => {
        const k = b.local('f64');
        b.localGet(nz).f64Load(E + memory.noise + 8 * l).localSet(k);
        return k;
      });
      const sig = noiseChannel.map((c, l) => f64Local(mul(cst(2), sub(mul(get(fr[l]), get(trR[c])), mul(get(fi[l]), get(trI[c]))))));
      for (let l = 0; l < noises; l++) {
        store(E + memory.signal + 8 * l, get(sig[l]));
        store(E + memory.sum + 8 * l, add(load(E + memory.sum + 8 * l), add(mul(get(sig[l]), get(dt)), get(dw[l]))));
      }
      // the weights, as in the JavaScript step: slot 0 dt, 1 the identity's, JC + 2c (+1) J_c ρ (ρ J_c†), JJ + 3p …
      const JC = 2;
      const JJ = 2 + 2 * C;
      const slots = milstein ? JJ + 3 * C * C : JJ;
      const wRe: Ex[][] = Array.from({ length: slots }, () => []);
      const wIm: Ex[][] = Array.from({ length: slots }, () => []);
      const id: Ex[] = [cst(1)];
      for (let l = 0; l < noises; l++) {
        id.push(mul(cst(-1), mul(get(sig[l]), get(dw[l]))));
        wRe[JC + 2 * noiseChannel[l]].push(mul(get(fr[l]), get(dw[l])));
        wIm[JC + 2 * noiseChannel[l]].push(mul(get(fi[l]), get(dw[l])));
      }
      if (milstein) {
        // C_kl = ½(dW_k dW_l − δ_kl dt), σ_k = Σ_l C_kl s_l (see compileDiffusiveSme)
        const ckl = Array.from({ length: noises }, (_, k) =>
          Array.from({ length: noises }, (_, l) => f64Local(mul(cst(0.5), k === l ? sub(mul(get(dw[k]), get(dw[l])), get(dt)) : mul(get(dw[k]), get(dw[l]))))),
        );
        for (let k = 0; k < noises; k++) {
          const c = noiseChannel[k];
          const sigma = f64Local(sum(Array.from({ length: noises }, (_, l) => mul(get(ckl[k][l]), get(sig[l])))));
          wRe[JC + 2 * c].push(mul(cst(-2), mul(get(fr[k]), get(sigma))));
          wIm[JC + 2 * c].push(mul(cst(-2), mul(get(fi[k]), get(sigma))));
          for (let l = 0; l < noises; l++) {
            const d = noiseChannel[l];
            const p = c * C + d;
            const ffRe = f64Local(sub(mul(get(fr[k]), get(fr[l])), mul(get(fi[k]), get(fi[l]))));
            const ffIm = f64Local(add(mul(get(fr[k]), get(fi[l])), mul(get(fi[k]), get(fr[l]))));
            const fcRe = f64Local(add(mul(get(fr[k]), get(fr[l])), mul(get(fi[k]), get(fi[l]))));
            const fcIm = f64Local(sub(mul(get(fi[k]), get(fr[l])), mul(get(fr[k]), get(fi[l]))));
            const ck = get(ckl[k][l]);
            wRe[JJ + 3 * p].push(mul(ck, get(ffRe)));
            wIm[JJ + 3 * p].push(mul(ck, get(ffIm)));
            wRe[JJ + 3 * p + 2].push(mul(mul(cst(2), ck), get(fcRe)));
            wIm[JJ + 3 * p + 2].push(mul(mul(cst(2), ck), get(fcIm)));
            const mP = C + p;
            const mQ = C + C * C + p;
            const reP = sub(mul(get(ffRe), get(trR[mP])), mul(get(ffIm), get(trI[mP])));
            const reQ = add(mul(get(fcRe), get(trR[mQ])), mul(get(fcIm), get(trI[mQ])));
            id.push(mul(ck, sub(sub(mul(mul(cst(2), get(sig[k])), get(sig[l])), mul(cst(2), reP)), mul(cst(2), reQ))));
          }
        }
      }
      store(0, get(dt));
      store(8, cst(0));
      store(16, sum(id));
      store(24, cst(0));
      for (let c = 0; c < C; c++) {
        const re = f64Local(sum(wRe[JC + 2 * c]));
        const im = f64Local(sum(wIm[JC + 2 * c]));
        store(16 * (JC + 2 * c), get(re));
        store(16 * (JC + 2 * c) + 8, get(im));
        store(16 * (JC + 2 * c + 1), get(re));
        store(16 * (JC + 2 * c + 1) + 8, mul(cst(-1), get(im)));
      }
      if (milstein) {
        for (let p = 0; p < C * C; p++) {
          const re = f64Local(sum(wRe[JJ + 3 * p]));
          const im = f64Local(sum(wIm[JJ + 3 * p]));
          store(16 * (JJ + 3 * p), get(re));
          store(16 * (JJ + 3 * p) + 8, get(im));
          store(16 * (JJ + 3 * p + 1), get(re));
          store(16 * (JJ + 3 * p + 1) + 8, mul(cst(-1), get(im)));
          store(16 * (JJ + 3 * p + 2), sum(wRe[JJ + 3 * p + 2]));
          store(16 * (JJ + 3 * p + 2) + 8, sum(wIm[JJ + 3 * p + 2]));
        }
      }
      // one kernel pass (upper triangle), then ρ ← result / Tr mirrored (a trace not finite and > 0: stop)
      b.i32Const(0).call(0);
      b.f64Const(0).localSet(tr);
      b.i32Const(0).localSet(i);
      b.loop();
      b.localGet(tr).localGet(i).f64Load(layout.y).f64Add().localSet(tr);
      b.localGet(i).i32Const(16 * (n + 1)).i32Add().localTee(i).i32Const(16 * (n + 1) * n).i32LtS().brIf(0);
      b.end();
      b.localGet(tr).f64Const(0).f64Gt();
      b.localGet(tr).f64Const(Infinity).f64Lt();
      b.i32And().i32Const(0).i32Eq().if();
      b.i32Const(0).localGet(tr).f64Store(layout.scale); // for the caller's error message
      b.localGet(s).return();
      b.end();
      b.i32Const(0).f64Const(1).localGet(tr).f64Div().f64Store(layout.scale);
      b.i32Const(3).call(0);
      b.localGet(nz).i32Const(8 * noises).i32Add().localSet(nz);
      b.localGet(s).i32Const(1).i32Add().localTee(s).localGet(b.param).i32LtS().brIf(0);
    }
    b.end();
    b.i32Const(-1);
  };
  return { extension: { name: 'steps', bytes: memory.bytes, emit, more: [{ name: 'positive', emit: (b, layout) => emitPositive(b, layout, memory) }] }, memory };
}

/**
 * `positive()`: 1 when the Cholesky factorisation of ρ + tol·I (ρ in the module, both triangles)
 * succeeds, i.e. the smallest eigenvalue of ρ exceeds −tol, else 0 — the algorithm of
 * isPositiveWithin (same sums in the same order per entry up to the lane split), f64x2 lanes
 * for re and im.
 */
function emitPositive(b: WasmBody, layout: WasmKernelLayout, memory: SmeStepsMemory): void {
  const n = layout.n;
  const W = layout.extra + memory.work;
  const row = 16 * n;
  const jb = b.local('i32'); // 16j
  const rj = b.local('i32'); // 16jn
  const ri = b.local('i32');
  const k = b.local('i32');
  const x = b.local('v128');
  const y = b.local('v128');
  const acc1 = b.local('v128');
  const acc2 = b.local('v128');
  const d = b.local('f64');
  const ljj = b.local('f64');
  b.i32Const(0).localSet(jb);
  b.i32Const(0).localSet(rj);
  b.loop();
  {
    // d = ρ_jj + tol − Σ_k |L_jk|²
    b.f64x2Const(0, 0).localSet(acc1);
    b.i32Const(0).localSet(k);
    b.block().loop();
    b.localGet(k).localGet(jb).i32GeS().brIf(1);
    b.localGet(rj).localGet(k).i32Add().v128Load(W).localSet(y);
    b.localGet(acc1).localGet(y).localGet(y).f64x2Mul().f64x2Add().localSet(acc1);
    b.localGet(k).i32Const(16).i32Add().localSet(k).br(0);
    b.end().end();
    b.localGet(rj).localGet(jb).i32Add().f64Load(layout.x0);
    b.i32Const(0).f64Load(layout.extra + memory.tol).f64Add();
    b.localGet(acc1).f64x2ExtractLane(0).localGet(acc1).f64x2ExtractLane(1).f64Add().f64Sub().localTee(d);
    b.f64Const(0).f64Gt().i32Const(0).i32Eq().if();
    b.i32Const(0).return();
    b.end();
    b.localGet(d).f64Sqrt().localSet(ljj);
    b.localGet(rj).localGet(jb).i32Add().localGet(ljj).f64Store(W);
    b.localGet(rj).localGet(jb).i32Add().f64Const(0).f64Store(W + 8);
    // L_ij = (ρ_ij − Σ_k L_ik conj(L_jk)) / L_jj, i > j
    b.localGet(rj).i32Const(row).i32Add().localSet(ri);
    b.block().loop();
    b.localGet(ri).i32Const(row * n).i32GeS().brIf(1);
    b.f64x2Const(0, 0).localSet(acc1);
    b.f64x2Const(0, 0).localSet(acc2);
    b.i32Const(0).localSet(k);
    b.block().loop();
    b.localGet(k).localGet(jb).i32GeS().brIf(1);
    b.localGet(ri).localGet(k).i32Add().v128Load(W).localSet(x);
    b.localGet(rj).localGet(k).i32Add().v128Load(W).localSet(y);
    // x·y = (x_r y_r, x_i y_i), x·swap(y) = (x_r y_i, x_i y_r)
    b.localGet(acc1).localGet(x).localGet(y).f64x2Mul().f64x2Add().localSet(acc1);
    b.localGet(acc2).localGet(x);
    b.f64x2SwapOf(y);
    b.f64x2Mul().f64x2Add().localSet(acc2);
    b.localGet(k).i32Const(16).i32Add().localSet(k).br(0);
    b.end().end();
    b.localGet(ri).localGet(jb).i32Add();
    b.localGet(ri).localGet(jb).i32Add().f64Load(layout.x0);
    b.localGet(acc1).f64x2ExtractLane(0).localGet(acc1).f64x2ExtractLane(1).f64Add().f64Sub();
    b.localGet(ljj).f64Div().f64Store(W);
    b.localGet(ri).localGet(jb).i32Add();
    b.localGet(ri).localGet(jb).i32Add().f64Load(layout.x0 + 8);
    b.localGet(acc2).f64x2ExtractLane(1).localGet(acc2).f64x2ExtractLane(0).f64Sub().f64Sub();
    b.localGet(ljj).f64Div().f64Store(W + 8);
    b.localGet(ri).i32Const(row).i32Add().localSet(ri).br(0);
    b.end().end();
    b.localGet(rj).i32Const(row).i32Add().localSet(rj);
    b.localGet(jb).i32Const(16).i32Add().localTee(jb).i32Const(row).i32LtS().brIf(0);
  }
  b.end();
  b.i32Const(1);
}
