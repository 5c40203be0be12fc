import { format } from 'node:util';
import { compileExample } from './compile-example';
import { expectationBuilders, matchExpectation } from './expectation';
import type { Expectation } from './expectation';

/** Options of {@link runExample}. */
export interface RunExampleConfig {
  /** names visible to the example besides what it imports (e.g. a library's exports) */
  scope?: Record<string, unknown>;
  /** modules the example may import, by specifier; any other is loaded with import() */
  modules?: Record<string, Record<string, unknown>>;
  /** where the example is, for messages: a file and the line of the example's first line */
  origin?: { file: string; line: number };
  /** refuse an example without any claim (default true) */
  requireClaim?: boolean;
}

/** What {@link runExample} checked. */
export interface ExampleReport {
  /** number of claims, each of them checked at least once */
  claims: number;
  /** the lines the example printed through console.log */
  printed: string[];
}

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<unknown>;

/** A failed claim or a broken example, already located; passed through unchanged. */
class ExampleError extends Error {}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval').split(' '),
);

/**
 * Runs one example (TypeScript with optional imports and top-level await) and checks each of its
 * claims: `expr; // value` and `const x = …; // → value` (value claims), `expr; // throws "text"`,
 * `console.log(…); // printed line`. The claim syntax and its tolerances are those of parseClaim
 * and matchExpectation; the README of @qsync/testing states them. Throws at the first claim that
 * does not hold, at a claim the run never reached, or when the example itself throws, naming
 * the file and line.
 *
 * @param code - the example's source
 * @param config - `{ scope, modules, origin, requireClaim = true }`
 * @returns `{ claims, printed }`
 * @example
 * const report = await runExample('Math.sqrt(2) ** 2; // ≈ 2.000000', {});
 * report.claims; // 1
 */
export async function runExample(code: string, config: RunExampleConfig = {}): Promise<ExampleReport> {
  const origin = config.origin ?? { file: 'example', line: 1 };
  const at = (line: number): string => `${origin.file}:${origin.line + line - 1}`;
  let compiled;
  try {
    compiled = compileExample(code);
  } catch (e) {
    const m = /^line (\d+): ([\s\S]*)$/.exec((e as Error).message);
    throw new ExampleError(m === null ? `${at(1)}: ${(e as Error).message}` : `${at(Number(m[1]))}: ${m[2]}`);
  }
  const { claims } = compiled;
  if (claims.length === 0 && (config.requireClaim ?? true)) {
    throw new ExampleError(`${at(1)}: the example makes no claim (end an expression with // value, see @qsync/testing)`);
  }

  const scope: Record<string, unknown> = { ...config.scope };
  for (const module of compiled.modules) {
    const exports = config.modules?.[module] ?? ((await import(/* @vite-ignore */ module)) as Record<string, unknown>);
    for (const name of compiled.imports.filter((i) => i.module === module)) {
      if (name.imported !== '*' && !(name.imported in exports)) {
        throw new ExampleError(`${at(1)}: ${module} has no export ${name.imported}`);
      }
      scope[name.local] = name.imported === '*' ? exports : exports[name.imported];
    }
  }

  const reached = new Array<number>(claims.length).fill(0);
  const printed: string[] = [];
  const where = (id: number): string => `${at(claims[id].line)}: // ${claims[id].text}`;
  const claim = async (id: number, actual: () => Promise<unknown>, expected: (() => Expectation) | string) => {
    reached[id]++;
    if (typeof expected === 'string') {
      try {
        await actual();
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (message.includes(expected)) return;
        throw new ExampleError(`${where(id)}: the error says "${message}"`);
      }
      throw new ExampleError(`${where(id)}: it did not throw`);
    }
    let value: unknown;
    try {
      value = await actual();
    } catch (e) {
      throw new ExampleError(`${where(id)}: the claimed expression threw: ${(e as Error).message}`, { cause: e });
    }
    let expectation: Expectation;
    try {
      expectation = expected();
    } catch (e) {
      throw new ExampleError(`${where(id)}: the claimed value does not evaluate: ${(e as Error).message}`, { cause: e });
    }
    const mismatch = matchExpectation(value, expectation);
    if (mismatch !== null) throw new ExampleError(`${where(id)}: does not hold: ${mismatch}`);
  };
  const print = async (id: number, args: () => Promise<unknown[]>) => {
    reached[id]++;
    const line = format(...(await args()));
    printed.push(line);
    if (line !== claims[id].text) throw new ExampleError(`${where(id)}: it printed "${line}"`);
  };
  const quiet = { log: (...args: unknown[]) => printed.push(format(...args)) };

  const names = Object.keys(scope).filter((n) => IDENTIFIER.test(n) && !RESERVED.has(n) && !n.startsWith('__'));
  const run = new AsyncFunction(
    '__claim',
    '__print',
    '__E',
    'console',
    ...names,
    `'use strict';\n${compiled.js}\nreturn await __example__();`,
  );
  try {
    await run(claim, print, expectationBuilders, quiet, ...names.map((n) => scope[n]));
  } catch (e) {
    if (e instanceof ExampleError) throw e;
    throw new Error(`${at(1)}: the example threw: ${(e as Error).message}`, { cause: e });
  }
  const missed = reached.findIndex((n) => n === 0);
  if (missed >= 0) throw new ExampleError(`${where(missed)}: the run never reached this claim`);
  return { claims: claims.length, printed };
}
