/**
 * The course of the accumulating stream operators of this library (phaseHistogramOf,
 * longTimeAverageOf): read frames or a sample stream, keep the samples at t ≥ tStart, and emit
 * one output frame per frame or block that brought kept samples. Not part of the public entry.
 */
import { filter, map } from 'rxjs';
import type { Observable } from 'rxjs';
import type { Frame, SampleBlock, SampleStreamReader, StreamRecord } from '@qsync/frames';
import { checkFrameTime } from './series-support';

/** What an accumulating operator does with what {@link keptSamplesOf} reads. */
export interface KeptSamples {
  /** the schema has been read (`reader.channel` describes the channel) */
  schema?(): void;
  /** a frame at t ≥ tStart: read its sample and add it */
  frame(frame: Frame): void;
  /** add samples first … block.length − 1 of the latest block, `reader.data` [sample][entry] */
  block(block: SampleBlock, first: number): void;
  /** the output after a frame or a block that added samples, at the time t of its last sample */
  output(t: number): Frame;
}

/**
 * One subscription of an accumulating operator over `source` (call it inside the operator's
 * `defer`, with the reader and state of this subscription): `reader` checks the records; frame times must be finite and must not decrease, and
 * frames before `tStart` are skipped; in a block the transient may end at any sample (or after
 * it). After each frame or block that brought at least one kept sample, emits `output`.
 */
export function keptSamplesOf(
  source: Observable<StreamRecord>,
  fn: string,
  reader: SampleStreamReader,
  tStart: number,
  kept: KeptSamples,
): Observable<Frame> {
  let tPrev = -Infinity;
  return source.pipe(
    map((record): Frame | null => {
      switch (reader.read(record)) {
        case 'frame': {
          const frame = record as Frame;
          checkFrameTime(fn, frame.t, tPrev);
          tPrev = frame.t;
          if (frame.t < tStart) return null;
          kept.frame(frame);
          return kept.output(frame.t);
        }
        case 'schema':
          kept.schema?.();
          return null;
        default: {
          const block = record as SampleBlock;
          const first = firstSampleFrom(block, tStart);
          const n = block.length;
          if (first === n) return null;
          kept.block(block, first);
          return kept.output(block.t0 + (n - 1) * block.dt);
        }
      }
    }),
    filter((f): f is Frame => f !== null),
  );
}

/**
 * Index of the first sample of a block at or after tStart: the least k with t0 + k·dt ≥ tStart
 * (the times `toFrames` gives the samples), `length` when there is none.
 */
export function firstSampleFrom(block: SampleBlock, tStart: number): number {
  const { t0, dt, length } = block;
  if (t0 >= tStart) return 0;
  if (t0 + (length - 1) * dt < tStart) return length;
  // an estimate from the division, then the comparison itself decides (rounding of t0 + k·dt)
  let k = Math.min(length - 1, Math.max(0, Math.ceil((tStart - t0) / dt)));
  while (k > 0 && t0 + (k - 1) * dt >= tStart) k--;
  while (k < length && t0 + k * dt < tStart) k++;
  return k;
}
