/** Segment hop of Welch's method. Internal to the library (not in index.ts). */

/**
 * The hop between segment starts, max(1, round(L(1 − overlap))), for `overlap` in [0, 1)
 * (default 0.5); throws naming `overlap` otherwise.
 */
export function welchHop(fn: string, segmentLength: number, overlap: number | undefined): number {
  const o = overlap ?? 0.5;
  if (typeof o !== 'number' || !(o >= 0 && o < 1)) {
    throw new Error(`${fn}: option 'overlap' must be a number in [0, 1), got ${String(o)}`);
  }
  return Math.max(1, Math.round(segmentLength * (1 - o)));
}
