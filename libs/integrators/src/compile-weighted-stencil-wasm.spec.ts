import { describe, expect, it } from 'vitest';
import { csrAdjoint, csrIdentity, csrKron, csrMatmul, csrMatvecInto, csrTranspose } from '@qsync/linalg';
import type { CsrMatrix } from '@qsync/linalg';
import { create, destroy, embed, fockSpace, lindbladian, num, plus, power, scaled, tensorSpace, times } from '@qsync/operators';
import type { Lindbladian } from '@qsync/operators';
import { compileWeightedStencil } from './compile-weighted-stencil';
import type { OperatorSandwich } from './compile-weighted-stencil';

// The WebAssembly backend against two independent evaluations: the dense superoperator sum
// Σ_g w_g Σ_p scale_p (A_p ⊗ B_pᵀ) vec(ρ) and the JavaScript kernel. Both sum the same O(10)
// products per entry in another order, so they agree to a few ulps of the largest entry; a
// wrong shift, kind or sign changes entries by O(1) of it.
const RTOL = 1e-13;

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296 - 0.5;
  };
}

function randomMatrix(n: number, seed: number, hermitian: boolean): Float64Array {
  const rand = lcg(seed);
  const x = new Float64Array(2 * n * n);
  for (let k = 0; k < x.length; k++) x[k] = rand();
  if (hermitian) {
    for (let i = 0; i < n; i++) {
      x[2 * (i * n + i) + 1] = 0;
      for (let j = 0; j < i; j++) {
        x[2 * (i * n + j)] = x[2 * (j * n + i)];
        x[2 * (i * n + j) + 1] = -x[2 * (j * n + i) + 1];
      }
    }
  }
  return x;
}

/** Σ_g w_g Σ_p scale_p A_p ρ B_p through the dense superoperators (A ⊗ Bᵀ, row-major vec). */
function denseSum(groups: readonly (readonly OperatorSandwich[])[], w: Float64Array, rho: Float64Array, n: number): Float64Array {
  const id = csrIdentity(n);
  const out = new Float64Array(rho.length);
  groups.forEach((group, g) => {
    for (const p of group) {
      const y = csrMatvecInto(new Float64Array(rho.length), csrKron(p.left ?? id, csrTranspose(p.right ?? id)), rho);
      const c = p.scale ?? 1;
      for (let k = 0; k < y.length; k += 2) {
        out[k] += c * (w[2 * g] * y[k] - w[2 * g + 1] * y[k + 1]);
        out[k + 1] += c * (w[2 * g] * y[k + 1] + w[2 * g + 1] * y[k]);
      }
    }
  });
  return out;
}

function relativeDeviation(x: Float64Array, y: Float64Array): number {
  let d = 0;
  let s = 0;
  for (let k = 0; k < x.length; k++) {
    d = Math.max(d, Math.abs(x[k] - y[k]));
    s = Math.max(s, Math.abs(y[k]));
  }
  return d / s;
}

const lindbladGroup = (l: Lindbladian): OperatorSandwich[] => [
  { left: l.left },
  { right: l.right },
  ...l.sandwiches.map((sw) => ({ left: sw.left, right: sw.right, scale: sw.rate })),
];

/**
 * The term sets of the diffusive SME step (as libs/unravelers builds them): the Lindbladian, the
 * identity, J_c ρ and ρ J_c† per channel, and for Milstein J_cJ_d ρ, ρ (J_cJ_d)†, J_c ρ J_d†.
 */
function smeGroups(l: Lindbladian, jumps: readonly CsrMatrix[], milstein: boolean): OperatorSandwich[][] {
  const groups: OperatorSandwich[][] = [lindbladGroup(l), [{}]];
  for (const j of jumps) groups.push([{ left: j }], [{ right: csrAdjoint(j) }]);
  if (milstein) {
    for (const c of jumps) {
      for (const d of jumps) {
        const jj = csrMatmul(c, d);
        groups.push([{ left: jj }], [{ right: csrAdjoint(jj) }], [{ left: c, right: csrAdjoint(d) }]);
      }
    }
  }
  return groups;
}

/** vdP oscillator (Eq. 4.1: gain D[a†], two-photon loss D[a²]) with its loss D[a] monitored, cutoff N. */
function vdp(N: number): { l: Lindbladian; jumps: CsrMatrix[] } {
  const s = fockSpace(N);
  const a = destroy(s);
  const l = lindbladian(scaled(num(s), 4), [
    { rate: 4, jump: create(s) },
    { rate: 0.5, jump: power(a, 2) },
    { rate: 1, jump: a },
  ]);
  return { l, jumps: [a.matrix] };
}

/** Driven Kerr oscillator (every shift, imaginary off-diagonal H) with two monitored channels a, a². */
function kerr(N: number): { l: Lindbladian; jumps: CsrMatrix[] } {
  const s = fockSpace(N);
  const a = destroy(s);
  const ad = create(s);
  const H = plus(plus(scaled(num(s), 0.1), scaled(times(power(ad, 2), power(a, 2)), 0.025)), scaled(plus(a, ad), 2));
  const l = lindbladian(H, [
    { rate: 0.2, jump: ad },
    { rate: 1.2, jump: a },
    { rate: 0.3, jump: power(a, 2) },
  ]);
  return { l, jumps: [scaled(a, Math.sqrt(1.2)).matrix, scaled(power(a, 2), Math.sqrt(0.3)).matrix] };
}

/**
 * Weights as the SME step sets them: real dt and identity weight; the jump pairs conjugate
 * (w, w̄) so that the sum preserves Hermiticity; real sandwiches J ρ J† for c = d; complex
 * (heterodyne) or real (homodyne) otherwise.
 */
function smeWeights(groups: number, channels: number, complex: boolean, seed: number): { w: Float64Array; kinds: ('real' | 'complex')[] } {
  const rand = lcg(seed);
  const w = new Float64Array(2 * groups);
  const kinds: ('real' | 'complex')[] = [];
  w[0] = 1e-3;
  w[2] = 1 + 0.1 * rand();
  kinds.push('real', 'real');
  for (let c = 0; c < channels; c++) {
    const re = rand();
    const im = complex ? rand() : 0;
    w.set([re, im, re, -im], 4 + 4 * c);
    kinds.push(complex ? 'complex' : 'real', complex ? 'complex' : 'real');
  }
  for (let pair = 0; pair < (groups - 2 - 2 * channels) / 3; pair++) {
    const c = Math.floor(pair / channels);
    const d = pair % channels;
    const at = 2 * (2 + 2 * channels + 3 * pair);
    const re = rand();
    const im = complex ? rand() : 0;
    w.set([re, im, re, -im], at);
    // J_c ρ J_d† + J_d ρ J_c† is Hermitian when their weights are conjugate (here equal and real)
    const sandwich = c === d ? [rand(), 0] : [0.2 * (c + d + 1), 0];
    w.set(sandwich, at + 4);
    kinds.push(complex ? 'complex' : 'real', complex ? 'complex' : 'real', 'real');
  }
  return { w, kinds };
}

describe('compileWeightedStencil, backend wasm', () => {
  it('EM, Milstein and Lindblad term sets equal the dense superoperator and the JavaScript kernel on random Hermitian ρ', () => {
    for (const [name, problem] of [
      ['vdp', vdp],
      ['kerr', kerr],
    ] as const) {
      for (const N of [2, 3, 7, 12]) {
        const { l, jumps } = problem(N);
        const sets: [string, OperatorSandwich[][]][] = [
          ['lindblad', [lindbladGroup(l)]],
          ['em', smeGroups(l, jumps, false)],
          ['milstein', smeGroups(l, jumps, true)],
        ];
        for (const [set, groups] of sets) {
          for (const complex of [false, true]) {
            const { w, kinds } = set === 'lindblad' ? { w: Float64Array.of(1, 0), kinds: ['real' as const] } : smeWeights(groups.length, jumps.length, complex, N);
            const rho = randomMatrix(N, 7 * N + groups.length, true);
            const expected = denseSum(groups, w, rho, N);
            const wasm = compileWeightedStencil(groups, { n: N, hermitian: true, weightKinds: kinds, backend: 'wasm' });
            const js = compileWeightedStencil(groups, { n: N, hermitian: true, weightKinds: kinds, backend: 'js' });
            expect(wasm.backend).toBe('wasm');
            expect(js.backend).toBe('js');
            const out = new Float64Array(rho.length);
            const ref = new Float64Array(rho.length);
            wasm.applyInto(out, rho, w);
            js.applyInto(ref, rho, w);
            const what = `${name} N=${N} ${set} ${complex ? 'complex' : 'real'}`;
            expect(relativeDeviation(out, expected), what).toBeLessThan(RTOL);
            expect(relativeDeviation(out, ref), what).toBeLessThan(RTOL);
          }
        }
      }
    }
  });

  it('the full layout (not Hermitian) and shifts N, N ± 1 on a two-mode space with complex weights', () => {
    const N = 3;
    const s = tensorSpace(fockSpace(N), fockSpace(N + 1));
    const a = embed(destroy(fockSpace(N)), s, 0).matrix;
    const b = embed(destroy(fockSpace(N + 1)), s, 1).matrix;
    const ab = csrMatmul(a, b);
    const n = N * (N + 1);
    const groups: OperatorSandwich[][] = [[{}], [{ left: a }, { left: ab, scale: 0.3 }], [{ right: csrAdjoint(b) }], [{ left: a, right: csrAdjoint(b) }], [{ left: csrAdjoint(ab), right: a, scale: -0.7 }]];
    const w = Float64Array.of(0.5, 0, 0.9, -0.2, 0.2, -0.7, -0.3, 0.45, 0.1, 0.6);
    const kinds = ['real', 'complex', 'complex', 'complex', 'complex'] as const;
    const rho = randomMatrix(n, 5, false);
    const out = new Float64Array(rho.length);
    const k = compileWeightedStencil(groups, { n, weightKinds: kinds, backend: 'wasm' });
    k.applyInto(out, rho, w);
    expect(relativeDeviation(out, denseSum(groups, w, rho, n))).toBeLessThan(RTOL);
    // a real group's imaginary weight is ignored, as by the JavaScript kernel
    const realKinds = ['real', 'real', 'complex', 'complex', 'complex'] as const;
    const kr = compileWeightedStencil(groups, { n, weightKinds: realKinds, backend: 'wasm' });
    kr.applyInto(out, rho, w);
    const wr = Float64Array.from(w);
    wr[3] = 0;
    expect(relativeDeviation(out, denseSum(groups, wr, rho, n))).toBeLessThan(RTOL);
  });

  it('applyUpperInto into its own output buffer skips the copy; a foreign out gets the mirrored matrix; ρ may be that buffer', () => {
    const { l, jumps } = kerr(9);
    const groups = smeGroups(l, jumps, true);
    const { w, kinds } = smeWeights(groups.length, jumps.length, true, 3);
    const rho = randomMatrix(9, 11, true);
    const expected = denseSum(groups, w, rho, 9);
    const k = compileWeightedStencil(groups, { n: 9, hermitian: true, weightKinds: kinds, backend: 'wasm' });
    const own = k.output as Float64Array;
    expect(own.length).toBe(2 * 81);
    k.applyUpperInto(own, rho, w);
    let d = 0;
    for (let i = 0; i < 9; i++) for (let q = 2 * (9 * i + i); q < 2 * (9 * i + 9); q++) d = Math.max(d, Math.abs(own[q] - expected[q]));
    expect(d).toBeLessThan(RTOL * 10);
    const foreign = new Float64Array(2 * 81).fill(NaN);
    k.applyUpperInto(foreign, rho, w);
    expect(relativeDeviation(foreign, expected)).toBeLessThan(RTOL);
    // ρ passed as the kernel's own output: read before it is overwritten
    own.set(rho);
    const again = new Float64Array(2 * 81);
    k.applyInto(again, own, w);
    expect(relativeDeviation(again, expected)).toBeLessThan(RTOL);
  });

  it('scaledMirrorInto writes scale × the upper result, conjugated below a real diagonal, bit for bit as one JavaScript multiplication per entry', () => {
    const { l, jumps } = vdp(6);
    const groups = smeGroups(l, jumps, false);
    const { w, kinds } = smeWeights(groups.length, jumps.length, true, 4);
    const k = compileWeightedStencil(groups, { n: 6, hermitian: true, weightKinds: kinds, backend: 'wasm' });
    const own = k.output as Float64Array;
    k.applyUpperInto(own, randomMatrix(6, 8, true), w);
    const expected = new Float64Array(72);
    const scale = 1 / 1.37;
    for (let i = 0; i < 6; i++) {
      expected[2 * (7 * i)] = own[2 * (7 * i)] * scale;
      for (let j = i + 1; j < 6; j++) {
        const re = own[2 * (6 * i + j)] * scale;
        const im = own[2 * (6 * i + j) + 1] * scale;
        expected.set([re, im], 2 * (6 * i + j));
        expected.set([re, -im], 2 * (6 * j + i));
      }
    }
    const target = new Float64Array(72).fill(NaN);
    (k.scaledMirrorInto as (t: Float64Array, s: number) => void)(target, scale);
    expect(Array.from(target)).toEqual(Array.from(expected));
    expect(compileWeightedStencil(groups, { n: 6, hermitian: true, weightKinds: kinds, backend: 'js' }).scaledMirrorInto).toBeNull();
  });

  it('scaledMirrorInto its own input writes the scaled mirror there (no copy), and the next step reads it as if passed in', () => {
    const { l, jumps } = kerr(7);
    const groups = smeGroups(l, jumps, true);
    const { w, kinds } = smeWeights(groups.length, jumps.length, true, 5);
    const k = compileWeightedStencil(groups, { n: 7, hermitian: true, weightKinds: kinds, backend: 'wasm' });
    const copy = compileWeightedStencil(groups, { n: 7, hermitian: true, weightKinds: kinds, backend: 'wasm' });
    const own = k.output as Float64Array;
    const input = k.input as Float64Array;
    expect(input.length).toBe(2 * 49);
    expect(compileWeightedStencil(groups, { n: 7, hermitian: true, weightKinds: kinds, backend: 'js' }).input).toBeNull();
    const rho = randomMatrix(7, 12, true);
    const scale = 1 / 1.29;
    // the copying path into a JavaScript array, twice
    const viaCopy = new Float64Array(98);
    copy.applyUpperInto(copy.output as Float64Array, rho, w);
    (copy.scaledMirrorInto as (t: Float64Array, s: number) => void)(viaCopy, scale);
    copy.applyUpperInto(copy.output as Float64Array, viaCopy, w);
    (copy.scaledMirrorInto as (t: Float64Array, s: number) => void)(viaCopy, scale);
    // the same two steps with the state kept in the module's input
    input.set(rho);
    for (let step = 0; step < 2; step++) {
      k.applyUpperInto(own, input, w);
      (k.scaledMirrorInto as (t: Float64Array, s: number) => void)(input, scale);
    }
    expect(Array.from(input)).toEqual(Array.from(viaCopy));
  });

  it('two kernels compiled from the same terms give the same bits (one code path in every worker)', () => {
    const { l, jumps } = vdp(10);
    const groups = smeGroups(l, jumps, true);
    const { w, kinds } = smeWeights(groups.length, jumps.length, true, 9);
    const rho = randomMatrix(10, 1, true);
    const o1 = new Float64Array(rho.length);
    const o2 = new Float64Array(rho.length);
    compileWeightedStencil(groups, { n: 10, hermitian: true, weightKinds: kinds, backend: 'wasm' }).applyInto(o1, rho, w);
    compileWeightedStencil(groups, { n: 10, hermitian: true, weightKinds: kinds, backend: 'wasm' }).applyInto(o2, rho, w);
    expect(Array.from(o1)).toEqual(Array.from(o2));
  });

  it("refuses an unknown backend by name; 'auto' runs the packed layout too", () => {
    const a = destroy(fockSpace(3)).matrix;
    expect(() => compileWeightedStencil([[{ left: a }]], { n: 3, backend: 'gpu' as never })).toThrow(/'backend' must be 'js', 'wasm' or 'auto'/);
    // 'auto' keeps a state whose two module copies (ρ, result) would pass 256 MiB in JavaScript
    expect(compileWeightedStencil([[{}]], { n: 3000, hermitian: true }).backend).toBe('js');
    expect(compileWeightedStencil([[{}]], { n: 100, hermitian: true }).backend).toBe('wasm');
    const { l } = vdp(4);
    const k = compileWeightedStencil([lindbladGroup(l)], { n: 4, hermitian: true, weightKinds: ['real'], backend: 'auto' });
    const rho = randomMatrix(4, 2, true);
    const packed = new Float64Array(20);
    for (let i = 0, q = 0; i < 4; i++) for (let j = i; j < 4; j++, q += 2) packed.set([rho[2 * (i * 4 + j)], rho[2 * (i * 4 + j) + 1]], q);
    const out = new Float64Array(20);
    k.applyPackedInto(out, packed, Float64Array.of(1, 0));
    const expected = denseSum([lindbladGroup(l)], Float64Array.of(1, 0), rho, 4);
    for (let i = 0, q = 0; i < 4; i++) for (let j = i; j < 4; j++, q += 2) expect(Math.abs(out[q] - expected[2 * (i * 4 + j)])).toBeLessThan(1e-13);
  });
});

describe('compileWeightedStencil: a WebAssembly extension function', () => {
  it('runs in the kernel’s module: reads its layout, calls the kernel in place, returns an i32 (two steps of ρ ← Lρ·dt + ρ, scaled mirror into ρ)', () => {
    const n = 5;
    const a = destroy(fockSpace(n)).matrix;
    const groups: OperatorSandwich[][] = [[{ left: a, right: csrAdjoint(a) }], [{ left: csrMatmul(csrAdjoint(a), a), scale: -0.5 }, { right: csrMatmul(csrAdjoint(a), a), scale: -0.5 }], [{}]];
    const w = Float64Array.of(0.3, 0, 0.3, 0, 1, 0);
    const steps = compileWeightedStencil(groups, {
      n,
      hermitian: true,
      extension: {
        name: 'twice',
        bytes: 16,
        emit(b, layout) {
          // param times: weights from the extension's memory, one kernel pass, ρ ← 2·result mirrored; returns param + 7
          const k = b.local('i32');
          b.i32Const(0).localSet(k);
          b.loop();
          for (let q = 0; q < 6; q++) b.i32Const(0).i32Const(0).f64Load(layout.extra).f64Const(w[q]).f64Mul().f64Store(8 * q);
          b.i32Const(0).call(0);
          b.i32Const(0).f64Const(2).f64Store(layout.scale);
          b.i32Const(3).call(0);
          b.localGet(k).i32Const(1).i32Add().localTee(k).localGet(b.param).i32LtS().brIf(0);
          b.end();
          b.localGet(b.param).i32Const(7).i32Add();
        },
        // a third function of the module: writes 2·(the extension's first f64) after it
        more: [{ name: 'twiceFirst', emit: (b, layout) => b.i32Const(0).i32Const(0).f64Load(layout.extra).f64Const(2).f64Mul().f64Store(layout.extra + 8).i32Const(0) }],
      },
    });
    const ext = steps.extension;
    expect(ext).not.toBeNull(); // Node has WebAssembly SIMD
    if (ext === null || steps.input === null) return;
    const rho = randomMatrix(n, 3, true);
    steps.input.set(rho);
    ext.f64[ext.layout.extra / 8] = 1.5; // the weights are 1.5·w
    expect(ext.call(2)).toBe(9);
    ext.functions.twiceFirst(0);
    expect(ext.f64[ext.layout.extra / 8 + 1]).toBe(3);
    // the reference: the JavaScript kernel twice, 2·(full result)
    const js = compileWeightedStencil(groups, { n, hermitian: true, backend: 'js' });
    const x = Float64Array.from(rho);
    const y = new Float64Array(x.length);
    const w15 = w.map((v) => 1.5 * v);
    for (let s = 0; s < 2; s++) {
      js.applyInto(y, x, w15);
      for (let k = 0; k < x.length; k++) x[k] = 2 * y[k];
    }
    expect(relativeDeviation(steps.input, x)).toBeLessThan(RTOL);
    expect(compileWeightedStencil(groups, { n, hermitian: true, backend: 'js', extension: { name: 'x', bytes: 0, emit: () => undefined } }).extension).toBeNull();
  });
});
