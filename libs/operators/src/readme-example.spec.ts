import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { coherentKet } from './coherent-ket';
import { embed } from './embed';
import { expect as expectValue } from './expect';
import { create, destroy } from './fock-operators';
import { heisenberg } from './heisenberg';
import { pureState } from './pure-state';
import { l, superRows } from './readme-example';
import { fockSpace, tensorSpace } from './space';
import { tensorKet } from './tensor-ket';
import { power, times } from './algebra';

const here = (name: string): string => new URL(name, import.meta.url).pathname;

describe('README example (two vdP oscillators, thesis Eq. 4.8)', () => {
  it('is the code of readme-example.ts, importing from the package name', () => {
    const readme = readFileSync(here('../README.md'), 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    const source = readFileSync(here('./readme-example.ts'), 'utf8').replace("from './index'", "from '@qsync/operators'");
    expect(block?.[1]).toBe(source);
  });

  it('returns the values its comments state', () => {
    expect(l.dims).toEqual([8, 8]);
    expect(superRows).toBe(4096);
    expect(l.sandwiches).toHaveLength(7);
  });

  it('gives d⟨a⟩/dt = −i(δ/2)⟨a⟩ + (κ1 − κ)/2⟨a⟩ − κ2⟨a†a²⟩ + (V/2)(⟨b⟩ − ⟨a⟩), cf. Eqs. (4.2), (2.17)', () => {
    // d⟨a⟩/dt = −i(δ/2)⟨a⟩ + (κ1 − κ)/2⟨a⟩ − κ2⟨a†a²⟩ + (V/2)(⟨b⟩ − ⟨a⟩), since D̃[a − b]a = −(a − b)/2
    const f = fockSpace(8);
    const s = tensorSpace(f, f);
    const a = embed(destroy(f), s, 0);
    const b = embed(destroy(f), s, 1);
    const ad = embed(create(f), s, 0);
    // Truncation at N = 8: the truncated [a, a†] = 1 − 8|7⟩⟨7| makes κ1·D̃[a†]a wrong by
    // −4κ1·a|7⟩⟨7|, whose expectation is ≈ 4κ1·√7·|c_6 c_7| ≈ 32·|α|^13/√(6!7!). For |α| = 0.15
    // that is ≈ 3e-13, so atol 1e-12 (rounding is ~1e-16).
    const rho = pureState(tensorKet(coherentKet(f, { re: 0.15, im: 0 }), coherentKet(f, { re: 0, im: 0.1 })));
    const got = expectValue(heisenberg(l, a), rho);
    const ea = expectValue(a, rho);
    const eb = expectValue(b, rho);
    const e3 = expectValue(times(ad, power(a, 2)), rho);
    const [kappa1, kappa, kappa2, delta, V] = [3, 1, 1, 0.5, 2];
    const c = (kappa1 - kappa) / 2 - V / 2;
    const re = (delta / 2) * ea.im + c * ea.re - kappa2 * e3.re + (V / 2) * eb.re;
    const im = -(delta / 2) * ea.re + c * ea.im - kappa2 * e3.im + (V / 2) * eb.im;
    expectClose([got.re, got.im], [re, im], { atol: 1e-12 });
  });
});
