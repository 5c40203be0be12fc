// How a refused value is shown in an error message (internal to the library).

/**
 * A value as an error message shows it: numbers as JavaScript prints them (NaN, Infinity, -1e-9:
 * JSON would print NaN and ±Infinity as "null"), strings quoted, everything else as JSON where
 * it has a JSON form.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value); // cyclic objects
  }
}
