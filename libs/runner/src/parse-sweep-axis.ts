import type { ParameterValue, SweepAxis } from './parameter-grid';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads one `--over` argument of `qsync sweep`: `name=from:to:count` (a range of `count` evenly
 * spaced numbers, both ends included) or `name=v1,v2,…` (a list; numbers, `true`/`false`,
 * anything else a string).
 *
 * @param text - e.g. `'detuning=-2:2:5'` or `'method=direct,iterative'`
 * @returns the parameter's name and its axis, for `parameterGrid` / `sweep`'s `over`
 * @throws Error quoting the argument when it has no `name=`, a range with a part that is not a
 *   number or a count that is not an integer ≥ 1, or an empty value
 * @example
 * parseSweepAxis('detuning=-2:2:5'); // → { name: 'detuning', axis: { from: -2, to: 2, count: 5 } }
 */
export function parseSweepAxis(text: string): { name: string; axis: SweepAxis } {
  const bad = (why: string): Error =>
    new Error(`parseSweepAxis: '${String(text)}' ${why}; expected name=from:to:count (e.g. g=0:1:11) or name=v1,v2,… (e.g. g=0.1,0.5)`);
  if (typeof text !== 'string') throw bad('is not a string');
  const eq = text.indexOf('=');
  const name = eq < 0 ? '' : text.slice(0, eq).trim();
  if (!/^[A-Za-z_][\w.-]*$/.test(name)) throw bad('does not start with a parameter name and =');
  const body = text.slice(eq + 1).trim();
  if (body.includes(':')) {
    const parts = body.split(':').map((s) => s.trim());
    if (parts.length !== 3 || !parts.every((s) => NUMBER.test(s))) throw bad('is not a range of three numbers');
    const [from, to, count] = parts.map(Number);
    if (!Number.isSafeInteger(count) || count < 1) throw bad(`has count ${parts[2]}, not an integer ≥ 1`);
    return { name, axis: { from, to, count } };
  }
  const values = body.split(',').map((s) => s.trim());
  if (values.some((s) => s === '')) throw bad('has an empty value');
  return { name, axis: values.map(scalar) };
}

function scalar(s: string): ParameterValue {
  if (NUMBER.test(s)) return Number(s);
  if (s === 'true' || s === 'false') return s === 'true';
  return s;
}
