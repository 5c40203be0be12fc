import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { pngSize } from './test-support/png-size';
import { svgElements } from './test-support/svg-elements';

const generated = fileURLToPath(new URL('./.readme-example.generated.ts', import.meta.url));

describe('README example', () => {
  afterAll(() => rmSync(generated, { force: true }));

  it('runs as printed and writes the SVG and the PNG it says', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    writeFileSync(generated, `${block?.[1] ?? ''}\nexport { dir, svg };\n`);
    const { dir, svg } = (await import(/* @vite-ignore */ generated)) as { dir: string; svg: string };
    try {
      expect(readFileSync(`${dir}/slip.svg`, 'utf8')).toBe(svg);
      expect(svgElements(svg).filter((e) => e.name === 'tspan')).toHaveLength(2); // the long title wraps
      expect(pngSize(readFileSync(`${dir}/slip.png`))).toEqual({ width: 1440, height: 880 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
