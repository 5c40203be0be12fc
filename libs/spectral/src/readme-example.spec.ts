import { readFileSync } from 'node:fs';
import * as frames from '@qsync/frames';
import * as rxjs from 'rxjs';
import { describe, expect, it } from 'vitest';
import * as spectral from './index';

/** The modules the README may import from, and what stands in for them. */
const MODULES: Record<string, Record<string, unknown>> = {
  '@qsync/spectral': spectral as unknown as Record<string, unknown>,
  '@qsync/frames': frames as unknown as Record<string, unknown>,
  rxjs: rxjs as unknown as Record<string, unknown>,
};

/**
 * Runs the ```ts block of README.md against the real exports: each import line is replaced by
 * the named exports of its module (this library's ./index, @qsync/frames or rxjs), and every
 * printed line must equal the comment after its console.log.
 */
describe('README example', () => {
  it('prints what its comments say', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const match = /```ts\n([\s\S]*?)```/.exec(readme);
    expect(match).not.toBeNull();
    let body = (match as RegExpExecArray)[1];
    const names: string[] = [];
    const values: unknown[] = [];
    const imports = [...body.matchAll(/^import \{([^}]*)\} from '([^']+)';$/gm)];
    expect(imports.map((m) => m[2])).toContain('@qsync/spectral');
    for (const [line, list, module] of imports) {
      expect(Object.keys(MODULES), `README imports from ${module}`).toContain(module);
      for (const name of list.split(',').map((s) => s.trim())) {
        expect(typeof MODULES[module][name], `README imports ${name} from ${module}`).toBe(
          'function',
        );
        names.push(name);
        values.push(MODULES[module][name]);
      }
      body = body.replace(line, '');
    }
    // every export of this library that the README imports must exist; the example must print
    const expected = [...body.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1]);
    expect(expected.length).toBeGreaterThan(0);
    const printed: string[] = [];
    const fakeConsole = { log: (...args: unknown[]) => printed.push(args.map(String).join(' ')) };
    const run = new Function('console', ...names, body) as (...args: unknown[]) => void;
    run(fakeConsole, ...values);
    expect(printed).toEqual(expected);
  });
});
