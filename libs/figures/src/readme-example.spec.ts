import { readFileSync } from 'node:fs';
import * as rxjs from 'rxjs';
import { describe, expect, it } from 'vitest';
import * as figures from './index';

/** The modules the README may import from. */
const MODULES: Record<string, Record<string, unknown>> = {
  '@qsync/figures': figures as unknown as Record<string, unknown>,
  rxjs: rxjs as unknown as Record<string, unknown>,
};

/** The constructor of async functions, to run the README's top-level awaits. */
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

/**
 * Runs the ```ts block of README.md against the real exports: each import line is replaced by
 * the named exports of its module, and every printed line must equal the comment after its
 * console.log.
 */
describe('README example', () => {
  it('prints what its comments say', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const match = /```ts\n([\s\S]*?)```/.exec(readme);
    expect(match).not.toBeNull();
    let body = (match as RegExpExecArray)[1];
    const names: string[] = [];
    const values: unknown[] = [];
    const imports = [...body.matchAll(/^import \{([^}]*)\} from '([^']+)';$/gm)];
    expect(imports.map((m) => m[2])).toContain('@qsync/figures');
    for (const [line, list, module] of imports) {
      expect(Object.keys(MODULES), `README imports from ${module}`).toContain(module);
      for (const name of list.split(',').map((s) => s.trim())) {
        expect(MODULES[module][name], `README imports ${name} from ${module}`).toBeDefined();
        names.push(name);
        values.push(MODULES[module][name]);
      }
      body = body.replace(line, '');
    }
    const expected = [...body.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1]);
    expect(expected.length).toBe(3);
    const printed: string[] = [];
    const fakeConsole = { log: (...args: unknown[]) => printed.push(args.map(String).join(' ')) };
    await new AsyncFunction('console', ...names, body)(fakeConsole, ...values);
    expect(printed).toEqual(expected);
  });
});
