import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as linalg from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import * as operators from './index';

/**
 * Runs every @example of the library's source files, with all exports of @qsync/linalg and
 * @qsync/operators in scope. A line `expr; // value — commentary` asserts that expr equals
 * value, itself a JavaScript expression (a number, boolean, array, `{ re, im }`, or a
 * matrix such as `denseFromArrays([[0, 1], [1, 0]])`); the text after ` — ` is commentary.
 * Other lines run as written, so the examples cannot drift from the code.
 *
 * Numbers agree within rtol 1e-12, atol 1e-15: the examples state values such as √2 or
 * e^{−1/2} as closed forms that the code reaches by a different sequence of roundings.
 */
const TOL = { rtol: 1e-12, atol: 1e-15 };

function examples(source: string): string[] {
  const found: string[] = [];
  const re = /@example\n([\s\S]*?)(?=\n\s*\*\/|\n\s*\* @)/g;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    found.push(m[1].split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n'));
  }
  return found;
}

function same(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expectClose(actual as number, expected, TOL);
  } else if (Array.isArray(expected) || ArrayBuffer.isView(expected)) {
    const e = expected as ArrayLike<unknown>;
    const a = actual as ArrayLike<unknown>;
    expect(a?.length, `${path}.length`).toBe(e.length);
    for (let k = 0; k < e.length; k++) same(a[k], e[k], `${path}[${k}]`);
  } else if (typeof expected === 'object' && expected !== null) {
    for (const [key, value] of Object.entries(expected)) same((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
  } else {
    expect(actual, path).toBe(expected);
  }
}

describe('doc-comment @examples', () => {
  const scope = { ...linalg, ...operators };
  const names = Object.keys(scope);
  const values = Object.values(scope);
  const files = readdirSync(new URL('.', import.meta.url)).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && f !== 'spec-helpers.ts',
  );
  const withExamples = files.filter((f) => examples(readFileSync(new URL(`./${f}`, import.meta.url), 'utf8')).length > 0);

  it('covers every exported function', () => {
    const documented = withExamples.flatMap((f) => {
      const source = readFileSync(new URL(`./${f}`, import.meta.url), 'utf8');
      return [...source.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
    });
    const exported = Object.entries(operators).filter(([, v]) => typeof v === 'function').map(([k]) => k);
    expect(documented.sort()).toEqual(expect.arrayContaining(exported.sort()));
  });

  for (const file of withExamples) {
    it(`${file}: every example runs and returns what it says`, () => {
      const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
      for (const ex of examples(source)) {
        let asserted = 0;
        const body = ex
          .split('\n')
          .map((line) => {
            const m = /^(?!const |let |\/\/)(.*?);\s*\/\/ (.*)$/.exec(line);
            if (!m) return line;
            asserted++;
            const value = m[2].split(' — ')[0];
            return `__check(${m[1]}, (${value}), ${JSON.stringify(line)});`;
          })
          .join('\n');
        expect(asserted, ex).toBeGreaterThan(0);
        new Function('__check', ...names, body)(same, ...values);
      }
    });
  }
});
