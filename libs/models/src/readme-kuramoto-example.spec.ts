import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expectClose } from '@qsync/testing';

const generated = fileURLToPath(new URL('./.readme-kuramoto-example.generated.ts', import.meta.url));

describe('README Kuramoto example', () => {
  afterAll(() => rmSync(generated, { force: true }));

  it('runs as printed', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = /<!-- kuramoto-example:start -->\s*```ts\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    writeFileSync(generated, `${block?.[1] ?? ''}\nexport { r, oa, noisy };\n`);
    const { r, oa, noisy } = (await import(/* @vite-ignore */ generated)) as { r: number; oa: number; noisy: number };
    // N = 4096 × 2 realizations at one time: |z| fluctuates by ~1/√N = 0.016 per realization
    expectClose(r, Math.sqrt(1 / 3), { atol: 0.03 });
    expectClose(oa, Math.sqrt(1 / 3), { rtol: 1e-15 });
    expectClose(noisy, Math.sqrt(0.2 / 1.21), { rtol: 1e-15 });
  });
});
