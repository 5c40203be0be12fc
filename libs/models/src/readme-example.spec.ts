import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Complex } from '@qsync/linalg';

const generated = fileURLToPath(new URL('./.readme-example.generated.ts', import.meta.url));

describe('README example', () => {
  afterAll(() => rmSync(generated, { force: true }));

  it('runs as printed', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = /<!-- example:start -->\s*```ts\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    writeFileSync(generated, `${block?.[1] ?? ''}\nexport { coherence, p0, refused };\n`);
    const { coherence, p0, refused } = (await import(/* @vite-ignore */ generated)) as {
      coherence: Complex;
      p0: number;
      refused: string;
    };
    // Phase locking: <a†b> has a sizeable modulus and an argument within (−π/2, π/2) for V > |δ|.
    expect(Math.hypot(coherence.re, coherence.im)).toBeGreaterThan(0.3);
    expect(coherence.re).toBeGreaterThan(0);
    expect(Math.abs(p0 - 2 / 3)).toBeLessThan(1e-3);
    expect(refused).toMatch(/^coupledVanDerPol: unknown parameter 'detuning' \(known: cutoff, kappa1, /);
  });
});
