/**
 * JSON with two-space indent and every array of plain numbers on one line, so that result files
 * stay readable; typed arrays are written as arrays.
 *
 * @example
 * toJson({ t: [0, 0.5], name: 'x' }); // → '{\n  "t": [0, 0.5],\n  "name": "x"\n}\n'
 */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as Float64Array) : v), 2);
  return text.replace(/\[\s*(-?[\d.eE+-]+(?:,\s*-?[\d.eE+-]+)*)\s*\]/g, (_, body: string) => `[${body.replace(/,\s+/g, ', ')}]`) + '\n';
}
