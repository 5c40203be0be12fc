/**
 * A JSON value as a sweep stores it: numbers are finite, objects are plain (no class
 * instances, typed arrays or undefined members).
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * The canonical JSON text of a value: object members sorted by key (code-unit order), no
 * whitespace, numbers as JSON.stringify writes them — the same value always gives the same
 * text, whatever the order its members were created in, so its hash can name it. Refuses what
 * JSON would change silently (NaN and ±∞ become null, undefined members vanish, a typed array
 * becomes an object of indices, a Date a string).
 *
 * @param value - a JSON value
 * @param what - how an error names the value (e.g. "job 3's result")
 * @returns the canonical text
 * @throws Error naming the path of the first member that is not JSON (non-finite number,
 *   undefined, function, bigint, symbol, non-plain object, cycle)
 * @example
 * canonicalJson({ b: [1, 2.5], a: 'x' }); // → '{"a":"x","b":[1,2.5]}'
 */
export function canonicalJson(value: unknown, what = 'value'): string {
  return write(value, what, new Set());
}

function write(value: unknown, path: string, open: Set<object>): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${path} is ${value}, not a finite number (JSON cannot hold it)`);
    return JSON.stringify(value);
  }
  if (typeof value !== 'object') throw new Error(`canonicalJson: ${path} is a ${typeof value}, not a JSON value`);
  if (open.has(value)) throw new Error(`canonicalJson: ${path} refers back to itself (a cycle)`);
  open.add(value);
  let text: string;
  if (Array.isArray(value)) {
    text = `[${value.map((v, i) => write(v, `${path}[${i}]`, open)).join(',')}]`;
  } else {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new Error(`canonicalJson: ${path} is a ${name}, not a plain object or array (convert typed arrays with Array.from)`);
    }
    const keys = Object.keys(value).sort();
    text = `{${keys.map((k) => `${JSON.stringify(k)}:${write((value as Record<string, unknown>)[k], `${path}.${k}`, open)}`).join(',')}}`;
  }
  open.delete(value);
  return text;
}
