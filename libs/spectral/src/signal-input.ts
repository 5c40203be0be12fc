/**
 * Reading the signal argument of the array functions: a bare Float64Array (real unless the
 * option `complex` says otherwise) or a block column, whose kind says it. Internal (not in index.ts).
 */
import type { BlockColumn } from '@qsync/frames';
import { assertBoolean, assertSignal, opt } from './assert';

/** What the array functions take as a signal: samples in a Float64Array, or a scalar block column. */
export type SignalInput = Float64Array | BlockColumn;

/** The samples of a signal argument and whether they are complex (interleaved). */
export interface Signal {
  readonly data: Float64Array;
  readonly complex: boolean;
  /** number of samples (complex pairs or real numbers) */
  readonly samples: number;
}

/**
 * Reads `x`: a Float64Array is real unless `complex` is true; a block column is complex when its
 * kind is 'complex' (the option, if given, must agree) and must be a scalar column (shape []).
 */
export function readSignal(fn: string, name: string, x: unknown, complex: unknown): Signal {
  if (complex !== undefined) assertBoolean(fn, opt('complex'), complex);
  if (x instanceof Float64Array || x === null || typeof x !== 'object' || !('kind' in x)) {
    const isComplex = complex === true;
    return { data: x as Float64Array, complex: isComplex, samples: assertSignal(fn, name, x, isComplex) };
  }
  const column = x as BlockColumn;
  if (column.kind !== 'real' && column.kind !== 'complex') {
    throw new Error(`${fn}: ${name} is a column of unknown kind '${String(column.kind)}'; expected 'real' or 'complex'`);
  }
  const isComplex = column.kind === 'complex';
  if (complex !== undefined && complex !== isComplex) {
    throw new Error(`${fn}: option 'complex' (${String(complex)}) contradicts the kind of ${name}, a ${column.kind} column`);
  }
  if (Array.isArray(column.shape) && column.shape.length > 0) {
    throw new Error(
      `${fn}: ${name} is a column of shape [${column.shape.join(', ')}] per sample; pass a scalar column ` +
        `(shape []), or read several realizations with the streaming operator`,
    );
  }
  return { data: column.data, complex: isComplex, samples: assertSignal(fn, name, column.data, isComplex) };
}
