import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findDocExamples, findReadmeExamples } from './find-examples';
import { runExample } from './run-example';

/** Options of {@link docExamples}. */
export interface DocExamplesConfig {
  /**
   * The project's source directory, or any file in it (a spec's `import.meta.url`). Every `.ts`
   * file below it is read, except specs, `*.d.ts` and `test-support/`.
   */
  src: string | URL;
  /**
   * The project's public entry (`import * as lib from './index'`): its exports are in scope for
   * every `@example`, and each exported function or class must have one.
   */
  library?: Record<string, unknown>;
  /** More modules whose exports are in scope for every `@example` (rxjs, a lower library, …); the library's and the file's own exports win. */
  scope?: Record<string, unknown>[];
  /** The README whose ```ts runnable blocks run; default `../README.md` from `src`; false: none. */
  readme?: string | URL | false;
  /** Modules a README block may import, by specifier, when `import()` from here does not reach them. */
  modules?: Record<string, Record<string, unknown>>;
  /**
   * Exports of `library` that have no `@example` yet, listed here so that the gap stays visible;
   * the check fails when one of them gets an example (remove it from the list then).
   */
  undocumented?: string[];
  /** Per-example timeout in ms; default 60 000. */
  timeout?: number;
}

const toPath = (p: string | URL): string => (p instanceof URL || p.startsWith('file:') ? fileURLToPath(p) : p);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'test-support' && name !== 'node_modules') out.push(...sourceFiles(path));
    } else if (name.endsWith('.ts') && !/\.(spec|d)\.ts$/.test(name)) {
      out.push(path);
    }
  }
  return out;
}

/**
 * Registers the doc-example tests of one project (call it at the top level of a spec):
 * every `@example` of the doc comments in its source files runs with the project's exports,
 * `scope`'s exports and its own file's exports in scope; every ```ts block of the README
 * marked `runnable` runs with what it imports; each claim in them is checked (see runExample
 * and the README of @qsync/testing for the claim syntax and its tolerances). It also checks that
 * each exported function or class of `library` has an `@example`, that the README has a
 * runnable block, and that every ```ts block of it is marked `runnable` or `fragment`.
 *
 * @param config - `{ src, library, scope = [], readme = '../README.md', modules, undocumented = [], timeout = 60 000 }`
 * @example
 * ```ts fragment
 * // libs/operators/src/doc-examples.spec.ts: it registers tests, so it cannot run inside one
 * import * as linalg from '@qsync/linalg';
 * import { docExamples } from '@qsync/testing';
 * import * as operators from './index';
 *
 * docExamples({ src: import.meta.url, library: operators, scope: [linalg] });
 * ```
 */
export function docExamples(config: DocExamplesConfig): void {
  const src = toPath(config.src);
  const dir = existsSync(src) && statSync(src).isDirectory() ? src : dirname(src);
  const timeout = config.timeout ?? 60_000;
  const files = sourceFiles(dir).map((path) => ({ path, examples: findDocExamples(readFileSync(path, 'utf8')) }));
  const base = dirname(dir);
  const scope: Record<string, unknown> = Object.assign({}, ...(config.scope ?? []), config.library ?? {});

  // a project without doc examples and without a library (test/) has only its README to run
  const anyExample = files.some((f) => f.examples.length > 0);
  const registerExamples = () => describe('@example of every doc comment', () => {
    for (const { path, examples } of files) {
      const rel = relative(base, path);
      for (const ex of examples) {
        const title = `${rel}:${ex.line}${ex.documents === null ? '' : ` (${ex.documents})`}`;
        if (ex.marker === 'fragment') {
          it.skip(`${title}: a fragment, shown but not run`, () => undefined);
          continue;
        }
        it(title, async () => {
          const own = (await import(/* @vite-ignore */ pathToFileURL(path).href)) as Record<string, unknown>;
          await runExample(ex.code, {
            scope: { ...scope, ...own },
            modules: config.modules,
            origin: { file: rel, line: ex.line },
          });
        }, timeout);
      }
    }

    if (config.library !== undefined) {
      const library = config.library;
      it('every exported function and class has an @example', async () => {
        const documented = new Set<unknown>();
        for (const { path, examples } of files) {
          const names = examples.map((e) => e.documents).filter((n): n is string => n !== null);
          if (names.length === 0) continue;
          const own = (await import(/* @vite-ignore */ pathToFileURL(path).href)) as Record<string, unknown>;
          for (const n of names) documented.add(own[n]);
        }
        const exported = Object.entries(library).filter(([, v]) => typeof v === 'function');
        const missing = exported.filter(([, v]) => !documented.has(v)).map(([k]) => k).sort();
        expect(missing, 'exports without an @example (not in `undocumented`)').toEqual(
          [...(config.undocumented ?? [])].sort(),
        );
      });
    }
  });
  if (anyExample || config.library !== undefined) registerExamples();

  if (config.readme === false) return;
  const readme = toPath(config.readme ?? join(base, 'README.md'));
  const name = relative(base, readme);
  describe(`${name}`, () => {
    const text = existsSync(readme) ? readFileSync(readme, 'utf8') : '';
    const blocks = findReadmeExamples(text);
    it('has a runnable ```ts example, and marks every ```ts block `runnable` or `fragment`', () => {
      expect(existsSync(readme), `${readme} exists`).toBe(true);
      const unmarked = blocks.filter((b) => b.marker !== 'runnable' && b.marker !== 'fragment').map((b) => `line ${b.line - 1}`);
      expect(unmarked, '```ts blocks that are neither `runnable` nor `fragment`').toEqual([]);
      expect(blocks.some((b) => b.marker === 'runnable'), 'the README has a ```ts runnable block').toBe(true);
    });
    for (const block of blocks.filter((b) => b.marker === 'runnable')) {
      it(`runs the block at line ${block.line - 1}`, async () => {
        await runExample(block.code, { modules: config.modules, origin: { file: name, line: block.line } });
      }, timeout);
    }
  });
}
