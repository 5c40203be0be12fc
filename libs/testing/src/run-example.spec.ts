import { describe, expect, it } from 'vitest';
import { runExample } from './run-example';

const run = (code: string, scope: Record<string, unknown> = {}) => runExample(code, { scope, origin: { file: 'x.ts', line: 10 } });
const holds = async (code: string, scope?: Record<string, unknown>) => expect((await run(code, scope)).claims).toBeGreaterThan(0);
const fails = (code: string, message: RegExp, scope?: Record<string, unknown>) => expect(run(code, scope)).rejects.toThrow(message);

describe('runExample: value claims', () => {
  it('a plain number is the value up to rounding (1e-12 relative + 1e-15)', async () => {
    await holds('0.1 + 0.2; // 0.3');
    await holds('Math.cos(Math.PI / 2); // 0'); // 6.1e-17
    await fails('0.3 + 1e-11; // 0.3', /x\.ts:10: \/\/ 0\.3: does not hold: value: got 0\.30000000001, claimed 0\.3 up to rounding/);
    await fails('1.2; // 1.1', /does not hold/);
  });

  it('≈ means rounded to the printed digits: within half a unit of the last digit', async () => {
    await holds('2 * Math.PI; // ≈ 6.283');
    await holds('2 * Math.PI; // ≈ 6.28');
    await fails('2 * Math.PI; // ≈ 6.284', /rounded to its printed digits \(\|diff\| = 0\.000\d+ > 0\.0005/);
    await holds('0.00506; // ≈ 5.06e-3');
    await fails('0.00507; // ≈ 5.05e-3', /does not hold/);
    await holds('[1.00004, -2.71828]; // ≈ [1.0000, -2.7183]');
    await fails('[1.00006, -2.71828]; // ≈ [1.0000, -2.7183]', /value\[0\]: got 1\.00006/);
    await fails('2 * Math.PI; // ≈ 2 * Math.PI', /≈ compares printed digits and needs number literals/);
  });

  it('digits followed by … are leading digits: within one unit of the last one', async () => {
    await holds('Math.exp(-1); // 0.3678…');
    await holds('-Math.exp(-1); // -0.3678…');
    await holds('[1, Math.exp(-1)]; // [1, 0.36787944…]');
    await fails('Math.exp(-1); // 0.3676…', /in its leading digits/);
  });

  it('arrays, typed arrays as Node prints them, objects by the keys they list', async () => {
    await holds('Float64Array.of(1, 2); // Float64Array [1, 2]');
    await holds('Float64Array.of(1, 2); // Float64Array(2) [ 1, 2 ]');
    await holds('Float64Array.of(1, 2); // [1, 2]'); // a plain array accepts any array-like
    await fails('[1, 2]; // Float64Array [1, 2]', /expected a Float64Array, got a Array/);
    await fails('Int32Array.of(1, 2); // Float64Array [1, 2]', /expected a Float64Array, got a Int32Array/);
    await fails('[1, 2, 3]; // [1, 2]', /expected length 2, got 3/);
    await holds('[1, 2, 3]; // [1, 2, …]');
    await holds("({ re: 1, im: 0, abs: 1 }); // { re: 1, im: 0 }");
    await holds("({ mean: 0.8212, n: 3 }); // ≈ { mean: 0.82, … }");
    await fails("({ re: 1, im: 0.5 }); // { re: 1, im: 0 }", /value\.im: got 0\.5/);
    await holds("'a' + 'b'; // 'ab'");
    await fails("'a'; // 'b'", /expected 'b', got 'a'/);
    await holds('1 < 2; // true');
  });

  it('a value is any expression in the example scope, evaluated at the claim', async () => {
    await holds('const x = 2;\nx * x; // sq(x)', { sq: (v: number) => v * v });
    await holds('Math.exp(-0.5); // Math.exp(-1 / 2) — e^{−1/2}');
    await fails('Math.exp(-0.5); // Math.exp(-0.6)', /does not hold/);
    await holds('({ data: Float64Array.of(1) }); // { data: Float64Array.of(1) }');
  });

  it('commentary follows the value after — , = , : , ", ", ; or a space and (', async () => {
    await holds('2; // 2 — two');
    await holds('2; // → 2 = 1 + 1');
    await holds('2; // ≈ 2.0: two');
    await holds('2; // 2, two');
    await holds('2; // 2 (two)');
    await holds('Math.exp(0); // Math.exp(0) (one)');
    await holds('1 / (2 * Math.PI); // 1 / (2 * Math.PI) — a space before ( that the value needs');
    await holds('[1, 2]; // [1, 2] (two (nested) words)');
    await holds('2; // → 2  (two spaces before)');
  });

  it('comparisons', async () => {
    await holds('1e-14; // < 1e-13');
    await holds('1e-13; // ≤ 1e-13');
    await fails('1e-12; // < 1e-13', /claimed < 1e-13/);
    await holds('3; // > 2');
  });

  it('throws "text": the expression throws an error whose message contains text', async () => {
    await holds('JSON.parse("{"); // throws "JSON"');
    await fails('JSON.parse("{}"); // throws "JSON"', /it did not throw/);
    await fails('JSON.parse("{"); // throws "banana"', /the error says/);
  });

  it('a declaration claims with → (or ≈, <, …); other comments on declarations are commentary', async () => {
    await holds('const x = 6; // → 6\nconst y = 1; // one, in words');
    await fails('const x = 6; // → 7', /does not hold/);
    await holds('const r = Math.SQRT2; // ≈ 1.414 — √2');
  });

  it('a claim on the next line starts with →', async () => {
    await holds('[1, 2].map((v) => 2 * v);\n// → [2, 4]');
    await fails('[1, 2].map((v) => 2 * v);\n// → [2, 5]', /x\.ts:11: \/\/ → \[2, 5\]/);
  });

  it('console.log claims the printed line, verbatim', async () => {
    await holds("console.log((0.5).toFixed(2), 'x'); // 0.50 x");
    await fails("console.log((0.5).toFixed(3)); // 0.50", /it printed "0\.500"/);
  });
});

describe('runExample: running', () => {
  it('strips TypeScript, awaits at top level, takes imports from modules', async () => {
    const code = [
      "import { double } from 'm';",
      "import type { Thing } from 'm';",
      'const xs: number[] = [1, 2];',
      'const t = { n: 1 } as Thing;',
      'await Promise.resolve(double(t.n)); // 2',
      'xs as readonly number[]; // [1, 2]',
    ].join('\n');
    const report = await runExample(code, { modules: { m: { double: (v: number) => 2 * v } } });
    expect(report.claims).toBe(2);
  });

  it('loads other modules with import()', async () => {
    await expect(runExample("import { format } from 'node:util';\nformat('%d', 3); // '3'")).resolves.toMatchObject({ claims: 1 });
  });

  it('checks claims inside blocks and loops, and refuses one the run never reaches', async () => {
    await holds('for (const v of [1, 2]) {\n  v > 0; // true\n}');
    await fails('if (Math.random() > 2) {\n  1; // 1\n}', /x\.ts:11: \/\/ 1: the run never reached this claim/);
  });

  it('leaves comments inside functions and on assignments alone', async () => {
    await holds('let s = 0;\ns += 2; // two more\nconst f = () => {\n  s; // not a claim here\n};\nf();\ns; // 2');
  });

  it('refuses an example without a claim, and a claim it cannot read', async () => {
    await fails('const x = 1;', /x\.ts:10: the example makes no claim/);
    await fails('1;\nfoo(); // dW ~ N(0, 1)', /x\.ts:11: cannot read the claim "dW ~ N\(0, 1\)"/, { foo: () => 0 });
  });

  it('reports a claimed value that does not evaluate', async () => {
    await fails('1; // s_0', /x\.ts:10: \/\/ s_0: the claimed value does not evaluate: s_0 is not defined/);
  });

  it('reports an example that throws, and where', async () => {
    await fails('1; // 1\nnotDefined(); // 1', /x\.ts:11: \/\/ 1: the claimed expression threw: notDefined is not defined/);
    await fails('1; // 1\nthrow new Error("boom");', /x\.ts:10: the example threw: boom/);
  });

  it('names of the scope are shadowed by the example’s own declarations', async () => {
    await holds('const last = 3;\nlast; // 3', { last: () => 0 });
  });
});
