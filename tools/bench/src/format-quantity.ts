/** Placeholder printed for a value that was not measured. */
export const MISSING = '—';

/**
 * A number to `digits` significant digits (integers with more digits are printed whole),
 * in exponent form below 1e-3 or at and above 1e6;
 * null, undefined and non-finite values print as {@link MISSING}.
 *
 * @param x - the value
 * @param digits - significant digits, 1…15 (default 3)
 * @example
 * formatSig(0.012345); // '0.0123'
 * formatSig(1.2e-9); // '1.20e-9'
 * formatSig(123456); // '123456'
 * formatSig(null); // '—'
 */
export function formatSig(x: number | null | undefined, digits = 3): string {
  if (!(Number.isInteger(digits) && digits >= 1 && digits <= 15)) {
    throw new Error(`formatSig: argument 'digits' must be an integer 1…15, got ${digits}`);
  }
  if (x == null || !Number.isFinite(x)) return MISSING;
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-3 || a >= 1e6) return x.toExponential(digits - 1).replace('e+', 'e');
  // toPrecision would switch to exponent form once the integer part has more digits than asked.
  if (Math.abs(Number(x.toPrecision(digits))) >= 10 ** digits) return Math.round(x).toString();
  return x.toPrecision(digits);
}

/**
 * A duration in seconds with a unit chosen so the number lies in [1, 1000): µs, ms or s.
 *
 * @param seconds - duration in s (≥ 0); null prints as {@link MISSING}
 * @example
 * formatDuration(0.0000123); // '12.3 µs'
 * formatDuration(1.5); // '1.50 s'
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return MISSING;
  if (seconds < 0) throw new Error(`formatDuration: argument 'seconds' must be ≥ 0, got ${seconds}`);
  if (seconds < 1e-3) return `${formatSig(seconds * 1e6)} µs`;
  if (seconds < 1) return `${formatSig(seconds * 1e3)} ms`;
  return `${formatSig(seconds)} s`;
}

/**
 * A byte count in kB / MB / GB (powers of 1000, like the GB/s of bandwidths).
 *
 * @param bytes - count ≥ 0
 * @example
 * formatBytes(1_500_000); // '1.50 MB'
 */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes)) return MISSING;
  if (bytes < 0) throw new Error(`formatBytes: argument 'bytes' must be ≥ 0, got ${bytes}`);
  if (bytes < 1e3) return `${bytes} B`;
  if (bytes < 1e6) return `${formatSig(bytes / 1e3)} kB`;
  if (bytes < 1e9) return `${formatSig(bytes / 1e6)} MB`;
  return `${formatSig(bytes / 1e9)} GB`;
}

/**
 * A ratio qsync/QuTiP as '0.42×', with a check mark when it meets the ≤ ½ target.
 *
 * @param ratio - from `timeRatio`; null prints as {@link MISSING}
 * @param target - the ratio to meet (default 0.5)
 * @example
 * formatRatio(0.42); // '0.42× ✓'
 * formatRatio(1.3); // '1.30×'
 */
export function formatRatio(ratio: number | null, target = 0.5): string {
  if (ratio === null || !Number.isFinite(ratio)) return MISSING;
  return `${ratio < 10 ? ratio.toFixed(2) : formatSig(ratio)}×${ratio <= target ? ' ✓' : ''}`;
}
