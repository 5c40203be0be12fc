import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import * as linalg from './index';

/**
 * Runs every @example of the kernel files. A line `expr; // value` asserts that expr
 * evaluates to value (a number, true/false, `{ re, im }`, or `Float64Array [...]` /
 * `Int32Array [...]`); a trailing parenthetical after the value is commentary. Other
 * lines run as written, so the examples cannot drift from the code.
 */
const FILES = [
  'dense-zeros', 'dense-identity', 'dense-from-arrays', 'dense-get', 'dense-set', 'dense-matmul',
  'dense-adjoint', 'dense-kron', 'dense-add', 'dense-scale', 'dense-trace', 'dense-norm',
  'dense-hermitian-defect', 'dense-view', 'complex-vector-view', 'zaxpy', 'zscal', 'zdotc', 'dznrm2',
  'csr-from-triplets', 'csr-identity', 'csr-zeros', 'csr-from-dense', 'csr-to-dense', 'csr-diagonal',
  'csr-kron', 'csr-adjoint', 'csr-transpose', 'csr-conjugate', 'csr-add', 'csr-scale', 'csr-matmul',
  'csr-matvec-into', 'csr-dense-matmul-into', 'dense-csr-matmul-into', 'csr-trace', 'csr-norm',
  'csr-hermitian-defect', 'csr-nnz', 'rng',
];

function examples(source: string): string[] {
  const found: string[] = [];
  const re = /@example\n([\s\S]*?)(?=\n\s*\*\/|\n\s*\* @)/g;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    found.push(m[1].split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n'));
  }
  return found;
}

function check(actual: unknown, expectedText: string, line: string): void {
  const typed = /^(Float64Array|Int32Array) (\[[^\]]*\])/.exec(expectedText);
  if (typed) {
    expect(actual, line).toBeInstanceOf(typed[1] === 'Float64Array' ? Float64Array : Int32Array);
    expectClose(actual as ArrayLike<number>, JSON.parse(typed[2]) as number[], { rtol: 0, atol: 0 });
    return;
  }
  const complex = /^\{[^}]*\}/.exec(expectedText);
  if (complex) {
    const z = JSON.parse(complex[0].replace(/(\w+):/g, '"$1":')) as { re: number; im: number };
    const a = actual as { re: number; im: number };
    expectClose([a.re, a.im], [z.re, z.im], { rtol: 0, atol: 0 });
    return;
  }
  const scalar = /^(true|false|-?[\d.]+(e[+-]?\d+)?)/.exec(expectedText);
  if (!scalar) throw new Error(`cannot parse the expected value in: ${line}`);
  expect(actual, line).toBe(JSON.parse(scalar[1]));
}

describe('doc-comment @examples', () => {
  const names = Object.keys(linalg);
  const values = Object.values(linalg);
  for (const file of FILES) {
    const source = readFileSync(new URL(`./${file}.ts`, import.meta.url), 'utf8');
    const list = examples(source);
    it(`${file}.ts: every example runs and returns what it says`, () => {
      expect(list.length).toBeGreaterThan(0);
      for (const ex of list) {
        let asserted = 0;
        const body = ex
          .split('\n')
          .map((line) => {
            const m = /^(?!const |let )(.*?);\s*\/\/ (.*)$/.exec(line);
            if (!m) return line;
            asserted++;
            return `__check(${m[1]}, ${JSON.stringify(m[2])}, ${JSON.stringify(line)});`;
          })
          .join('\n');
        expect(asserted, ex).toBeGreaterThan(0);
        new Function('__check', ...names, body)(check, ...values);
      }
    });
  }
});
