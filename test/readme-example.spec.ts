/**
 * Runs the composition example of the top-level README.md, so that the README cannot drift
 * from the code: the block between the composition-example markers is extracted, written next
 * to this file and imported; what it prints is checked against a direct computation.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastValueFrom, toArray } from 'rxjs';
import { coupledVanDerPol, kuramoto } from '@qsync/models';
import { mesolve } from '@qsync/integrators';
import { coherentKet, pureState, tensorKet } from '@qsync/operators';
import type { ComplexChannel, RealChannel } from '@qsync/frames';

const here = dirname(fileURLToPath(import.meta.url));
const generated = join(here, '.readme-example.generated.ts');
const generatedKuramoto = join(here, '.readme-kuramoto.generated.ts');

describe('README composition example', () => {
  afterAll(() => rmSync(generated, { force: true }));

  it('runs and prints the locked phase arg <a†b> at t = 10', async () => {
    const readme = readFileSync(join(here, '..', 'README.md'), 'utf8');
    const block = /<!-- composition-example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- composition-example:end -->/.exec(readme);
    expect(block).not.toBeNull();
    writeFileSync(generated, block?.[1] ?? '');
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.join(' '));
    });
    await import(/* @vite-ignore */ generated);
    await vi.waitFor(() => expect(lines).toHaveLength(1), { timeout: 30_000 });
    spy.mockRestore();

    // The same computation, done directly.
    const model = coupledVanDerPol({ cutoff: 8, kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, V: 1 });
    const start = pureState(tensorKet(coherentKet(model.modeA, { re: 1, im: 0 }), coherentKet(model.modeB, { re: 0, im: 1 })));
    const frames = await lastValueFrom(mesolve(model.lindbladian, start, [0, 5, 10], { expect: { adagb: model.operators.adagb } }).pipe(toArray()));
    const c = frames[2].channels.adagb as ComplexChannel;
    expect(lines[0]).toBe(`arg <a†b> at t = 10: ${Math.atan2(c.im, c.re).toFixed(3)} rad`);
    // Locked near zero phase difference with a small detuning-induced offset (δ = 0.5 < V).
    expect(Math.abs(Math.atan2(c.im, c.re))).toBeLessThan(0.5);
  });
});

describe('README Kuramoto example', () => {
  afterAll(() => rmSync(generatedKuramoto, { force: true }));

  it('prints the first time |z| reaches 0.5, as the whole run shows it', async () => {
    const readme = readFileSync(join(here, '..', 'README.md'), 'utf8');
    const block = /<!-- kuramoto-example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- kuramoto-example:end -->/.exec(readme);
    expect(block).not.toBeNull();
    writeFileSync(generatedKuramoto, block?.[1] ?? '');
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.join(' '));
    });
    await import(/* @vite-ignore */ generatedKuramoto);
    await vi.waitFor(() => expect(lines).toHaveLength(1), { timeout: 30_000 });
    spy.mockRestore();

    // the whole run to t = 20, same seed: the first frame with |z| ≥ 0.5
    const times = Array.from({ length: 81 }, (_, k) => 0.25 * k);
    const frames = await lastValueFrom(kuramoto({ N: 2 ** 14, V: 3, G: 1 }).simulate(times, { noiseSeed: 1 }).pipe(toArray()));
    const first = frames.find((f) => (f.channels.r as RealChannel).value >= 0.5);
    expect(first).toBeDefined();
    expect(lines[0]).toBe(`|z| passed 0.5 at t = ${first?.t} (steady state √(1 − 2G/V) = 0.577)`);
  });
});
