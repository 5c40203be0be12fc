import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ComplexChannel } from '@qsync/frames';

const generated = fileURLToPath(new URL('./.readme-classical-example.generated.ts', import.meta.url));

describe('README classical-models example', () => {
  afterAll(() => rmSync(generated, { force: true }));

  it('runs as printed', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = /<!-- classical-example:start -->\s*```ts\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    writeFileSync(generated, `${block?.[1] ?? ''}\nexport { advance, mean };\n`);
    const { advance, mean } = (await import(/* @vite-ignore */ generated)) as { advance: number; mean: ComplexChannel };
    // one slip per period, up to the RK2 step error at the default step 0.05/√2: ∝ dt², 1.2e-4
    // relative (7.6e-4 absolute; 25 times the 5e-6 at a fifth of the step). Wrong couplings miss
    // by O(1): V/2 on the difference would slip at √(2 − 1/4), advancing 8.3 instead of 2π.
    expect(Math.abs(advance - 2 * Math.PI)).toBeLessThan(2e-3);
    // |E[α](10)| = e^{−0.45} = 0.64; 1000 realizations: standard error 0.022, plus the 2% excess of D
    expect(Math.abs(Math.hypot(mean.re, mean.im) - Math.exp(-0.45))).toBeLessThan(0.1);
  });
});
