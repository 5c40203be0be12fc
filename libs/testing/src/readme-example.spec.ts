import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { expectClose } from './expect-close';

describe('README example', () => {
  it('behaves as its comments say', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const lines = (/```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '').split('\n').filter((l) => l.startsWith('expectClose('));
    expect(lines).toHaveLength(2);
    // The README's two calls, run as written.
    expect(() => expectClose(Math.sqrt(2) ** 2, 2, { rtol: 4 * Number.EPSILON })).not.toThrow();
    expect(() => expectClose([1, 2.1], [1, 2], { rtol: 1e-3 })).toThrow(/at index 1: got 2.1, expected 2/);
    expect(lines[0]).toContain('expectClose(Math.sqrt(2) ** 2, 2, { rtol: 4 * Number.EPSILON })');
    expect(lines[1]).toContain('expectClose([1, 2.1], [1, 2], { rtol: 1e-3 })');
  });
});
