/**
 * A short description of a value for messages: `null`, `an array`, `an object`, `the string "…"`
 * (cut at 40 characters), `number NaN`, `boolean true`.
 *
 * @example
 * describeValue('0.5'); // → 'the string "0.5"'
 */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}
