import type { FigureConfig } from './figure-types';

/** A figure's options with defaults filled in and checked. */
export interface ResolvedFigureConfig {
  readonly scale: number;
  readonly seed: number;
  /** a thesis size scaled by `scale`, rounded, at least `min` */
  size(full: number, min: number): number;
  /** a power of two 2^k scaled by `scale` (in the exponent's sense: 2^round(k + log2 scale)), at least 2^minExp */
  powerOfTwo(fullExp: number, minExp: number): number;
}

/**
 * Checks a figure's options: `scale` in (0, 1], `seed` an integer.
 *
 * @example
 * resolveFigureConfig('2.8', { scale: 0.25 }).size(16000, 100); // 4000
 */
export function resolveFigureConfig(id: string, config: FigureConfig = {}): ResolvedFigureConfig {
  const scale = config.scale ?? 1;
  if (typeof scale !== 'number' || !(scale > 0 && scale <= 1)) {
    throw new Error(`figure ${id}: option 'scale' must be a number in (0, 1], got ${String(scale)}`);
  }
  const seed = config.seed ?? 1;
  if (!Number.isSafeInteger(seed)) {
    throw new Error(`figure ${id}: option 'seed' must be an integer, got ${String(seed)}`);
  }
  return {
    scale,
    seed,
    size: (full, min) => Math.max(min, Math.round(full * scale)),
    powerOfTwo: (fullExp, minExp) => 2 ** Math.max(minExp, Math.round(fullExp + Math.log2(scale))),
  };
}
