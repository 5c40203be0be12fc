import { inspect } from 'node:util';

/**
 * What a claim comment expects, built at the claim (so that the values it names are those of the
 * example's scope at that point) and matched against the claimed expression's value.
 */
export type Expectation =
  | { readonly kind: 'number'; readonly value: number; readonly text: string; readonly rule: NumberRule }
  | { readonly kind: 'array'; readonly items: readonly Expectation[]; readonly prefix: boolean; readonly typed: string | null }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, Expectation])[] }
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'compare'; readonly op: CompareOp; readonly value: unknown };

/**
 * How a printed number is compared: `exact` (a plain literal: equal up to rounding, 1e-12 relative
 * plus 1e-15 absolute), `round` (under ≈: the value rounded to the printed digits, so within half
 * a unit of the last printed digit), `lead` (digits followed by …: the leading digits of the value,
 * within one unit of the last printed digit).
 */
export type NumberRule = 'exact' | 'round' | 'lead';

/** The comparisons a claim may state instead of a value. */
export type CompareOp = '<' | '≤' | '>' | '≥';

/** Relative and absolute slack of the `exact` rule: examples are O(1) and print closed forms. */
export const EXACT_RTOL = 1e-12;
export const EXACT_ATOL = 1e-15;

/** The constructors the compiled claims call (passed to the example as `__E`). */
export const expectationBuilders = {
  num: (value: number, text: string, rule: NumberRule): Expectation => ({ kind: 'number', value, text, rule }),
  arr: (items: Expectation[], prefix: boolean, typed: string | null): Expectation => ({ kind: 'array', items, prefix, typed }),
  obj: (entries: [string, Expectation][]): Expectation => ({ kind: 'object', entries }),
  val: (value: unknown): Expectation => ({ kind: 'value', value }),
  cmp: (op: CompareOp, value: unknown): Expectation => ({ kind: 'compare', op, value }),
};

/** One unit in the last printed digit of a decimal literal such as `0.58`, `1.20e-9` or `1300`. */
export function lastDigitUnit(text: string): number {
  const m = /^-?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.replace(/_/g, ''));
  if (m === null) throw new Error(`not a decimal literal: ${text}`);
  const decimals = m[2]?.length ?? 0;
  const exponent = m[3] === undefined ? 0 : Number(m[3]);
  return 10 ** (exponent - decimals);
}

/** The bound |actual − value| must respect under a number rule. */
export function numberBound(value: number, text: string, rule: NumberRule): number {
  if (rule === 'exact') return EXACT_RTOL * Math.abs(value) + EXACT_ATOL;
  // the slack covers the binary representation of both the literal and the value
  const slack = 1e-12 * Math.abs(value);
  return (rule === 'round' ? 0.5 : 1) * lastDigitUnit(text) + slack;
}

const show = (v: unknown): string => inspect(v, { depth: 2, maxArrayLength: 12, breakLength: Infinity });

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

function matchNumber(actual: unknown, value: number, text: string, rule: NumberRule, path: string): string | null {
  if (typeof actual !== 'number') return `${path}: expected a number ${text}, got ${show(actual)}`;
  if (Number.isNaN(value)) return Number.isNaN(actual) ? null : `${path}: expected NaN, got ${actual}`;
  if (!Number.isFinite(value)) return actual === value ? null : `${path}: expected ${value}, got ${actual}`;
  const bound = numberBound(value, text, rule);
  const diff = Math.abs(actual - value);
  if (diff <= bound) return null;
  const how = rule === 'exact' ? 'up to rounding' : rule === 'round' ? 'rounded to its printed digits' : 'in its leading digits';
  return `${path}: got ${actual}, claimed ${text} ${how} (|diff| = ${diff} > ${bound})`;
}

function matchArray(
  actual: unknown,
  items: readonly unknown[],
  prefix: boolean,
  typed: string | null,
  path: string,
  each: (a: unknown, e: unknown, p: string) => string | null,
): string | null {
  if (!isArrayLike(actual)) return `${path}: expected an array, got ${show(actual)}`;
  if (typed !== null && actual.constructor.name !== typed) {
    return `${path}: expected a ${typed}, got a ${actual.constructor.name}`;
  }
  if (prefix ? actual.length < items.length : actual.length !== items.length) {
    return `${path}: expected length ${prefix ? '≥ ' : ''}${items.length}, got ${actual.length} (${show(actual)})`;
  }
  for (let k = 0; k < items.length; k++) {
    const m = each(actual[k], items[k], `${path}[${k}]`);
    if (m !== null) return m;
  }
  return null;
}

/** A value computed by the example: numbers up to rounding, arrays element-wise, objects by the keys it has. */
function matchValue(actual: unknown, expected: unknown, path: string): string | null {
  if (typeof expected === 'number') return matchNumber(actual, expected, String(expected), 'exact', path);
  if (isArrayLike(expected)) {
    const typed = ArrayBuffer.isView(expected) ? expected.constructor.name : null;
    return matchArray(actual, Array.from(expected), false, typed, path, matchValue);
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return `${path}: expected an object, got ${show(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      const m = matchValue((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
      if (m !== null) return m;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${path}: expected ${show(expected)}, got ${show(actual)}`;
}

/**
 * Matches a value against an expectation; returns null when it holds, else what differs (naming
 * the path inside the value, both values and the bound).
 */
export function matchExpectation(actual: unknown, e: Expectation, path = 'value'): string | null {
  switch (e.kind) {
    case 'number':
      return matchNumber(actual, e.value, e.text, e.rule, path);
    case 'array':
      return matchArray(actual, e.items, e.prefix, e.typed, path, (a, x, p) => matchExpectation(a, x as Expectation, p));
    case 'object': {
      if (typeof actual !== 'object' || actual === null) return `${path}: expected an object, got ${show(actual)}`;
      for (const [key, x] of e.entries) {
        const m = matchExpectation((actual as Record<string, unknown>)[key], x, `${path}.${key}`);
        if (m !== null) return m;
      }
      return null;
    }
    case 'value':
      return matchValue(actual, e.value, path);
    case 'compare': {
      if (typeof actual !== 'number' || typeof e.value !== 'number') {
        return `${path}: ${e.op} compares numbers, got ${show(actual)} ${e.op} ${show(e.value)}`;
      }
      const ok =
        e.op === '<' ? actual < e.value : e.op === '≤' ? actual <= e.value : e.op === '>' ? actual > e.value : actual >= e.value;
      return ok ? null : `${path}: got ${actual}, claimed ${e.op} ${e.value}`;
    }
  }
}
