import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectation } from './readme-example';

const here = (name: string): string => new URL(name, import.meta.url).pathname;

describe('README example', () => {
  it('is the code of readme-example.ts, importing from the package name', () => {
    const readme = readFileSync(here('../README.md'), 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    const source = readFileSync(here('./readme-example.ts'), 'utf8').replace("from './index'", "from '@qsync/linalg'");
    expect(block?.[1]).toBe(source);
  });
  it('returns the value its last comment states', () => {
    // 2·0.6·0.8 = 0.96; the two products 0.6·0.8 round identically and their sum rounds to 0.96
    expect(expectation).toEqual({ re: 0.96, im: 0 });
  });
});
