import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as probes from './index';

/**
 * Runs the ```ts block of README.md against the real exports: the import line is replaced by
 * the functions of ./index, and every printed line must equal the comment after its console.log.
 */
describe('README example', () => {
  it('prints what its comments say', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const match = /```ts\n([\s\S]*?)```/.exec(readme);
    expect(match).not.toBeNull();
    const code = (match as RegExpExecArray)[1];
    const importLine = /^import \{([^}]*)\} from '@qsync\/probes';$/m.exec(code);
    expect(importLine).not.toBeNull();
    const names = (importLine as RegExpExecArray)[1].split(',').map((s) => s.trim());
    const api = probes as unknown as Record<string, unknown>;
    for (const n of names) expect(typeof api[n], `README imports ${n}`).toBe('function');
    const body = code.replace((importLine as RegExpExecArray)[0], '');
    const expected = [...body.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1]);
    expect(expected.length).toBeGreaterThan(0);
    const printed: string[] = [];
    const fakeConsole = { log: (...args: unknown[]) => printed.push(args.map(String).join(' ')) };
    const run = new Function('console', ...names, body) as (...args: unknown[]) => void;
    run(fakeConsole, ...names.map((n) => api[n]));
    expect(printed).toEqual(expected);
  });
});
