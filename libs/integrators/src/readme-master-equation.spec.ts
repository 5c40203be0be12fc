import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ComplexChannel, Frame } from '@qsync/frames';

const generated = fileURLToPath(new URL('./.readme-master-equation.generated.ts', import.meta.url));

describe('README, master-equation example', () => {
  afterAll(() => rmSync(generated, { force: true }));

  it('runs as printed and gives what its comment says', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Master equation'));
    const block = /```ts\n([\s\S]*?)```/.exec(section);
    expect(block).not.toBeNull();
    writeFileSync(generated, `${block?.[1] ?? ''}\nexport { frames, ss };\n`);
    const { frames, ss } = (await import(/* @vite-ignore */ generated)) as {
      frames: Frame[];
      ss: { residual: number };
    };
    expect(frames.map((f) => f.t)).toEqual([0, 0.5, 1]);
    const a1 = frames[2].channels.a as ComplexChannel;
    const a0 = frames[0].channels.a as ComplexChannel;
    expect(Math.hypot(a1.re, a1.im)).toBeLessThan(Math.hypot(a0.re, a0.im)); // decays (phase diffusion)
    expect(Math.abs(Math.atan2(a1.im, a1.re) - Math.atan2(Math.sin(-4), Math.cos(-4)))).toBeLessThan(0.3); // rotates at ω = 4
    expect(ss.residual).toBeLessThan(1e-13);
  });
});
