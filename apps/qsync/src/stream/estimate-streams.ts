import { createHash } from 'node:crypto';
import { arrayChannel, complexChannel, realChannel, streamSchema } from '@qsync/frames';
import type { Channel, Frame, StreamSchemaInit } from '@qsync/frames';
import { toWire, wireHeader } from '@qsync/wire';
import type { WireRecord } from '@qsync/wire';
import { type Observable, type OperatorFunction, Observable as Rx, ReplaySubject } from 'rxjs';
import type { DetectorLine } from './detector-estimates';

type Session = Extract<DetectorLine, { kind: 'session' }>;

/** The channels of a session's estimate frames, from the estimates its `session` line names. */
function estimateSchema(session: Session, bins: number, segmentLength: number): StreamSchemaInit['channels'] {
  const channels: Record<string, StreamSchemaInit['channels'][string]> = {};
  const array = (length: number, description: string) => ({ kind: 'real' as const, shape: [length], description });
  const scalar = (description: string) => ({ kind: 'real' as const, description });
  for (const estimate of session.estimates) {
    const [what, ...names] = estimate.split(' ');
    if (what === 'phase-histogram') {
      const of = `φ^m = arg(${names[1]}/${names[0]}) (Eq. 4.15)`;
      channels.phase = array(bins, `bin centres of ${of} on (−π, π]`);
      channels.phaseCounts = array(bins, `samples of ${of} in each bin`);
      channels.phaseDensity = array(bins, `density of ${of}`);
      channels.phaseDensityError = array(bins, 'standard error of the density');
      channels.phaseSamples = scalar('samples in the histogram');
    } else if (what === 'spectrum') {
      const c = names[0];
      channels[`${c}:omega`] = array(segmentLength, `frequencies of the spectrum of ${c}`);
      channels[`${c}:density`] = array(segmentLength, `spectrum of ${c}`);
      channels[`${c}:densityError`] = array(segmentLength, `standard error of the spectrum of ${c}`);
      channels[`${c}:floor`] = scalar(`white detector-noise floor of ${c}`);
      channels[`${c}:floorError`] = scalar(`standard error of the floor of ${c}`);
      channels[`${c}:segments`] = scalar(`segments averaged in the spectrum of ${c}`);
    } else if (what === 'filtered') {
      for (const name of names) channels[`filtered:${name}`] = { kind: 'complex', description: `conditional ⟨${name}⟩ of the quantum filter` };
    }
  }
  return channels;
}

/**
 * The detector's estimates as wire streams, one per producer session: an operator from
 * {@link DetectorLine}s to a stream of streams, each the wire records (header, frames, end) of
 * one session's estimates. Every frame carries all of the session's estimates as they stand
 * (phase-difference histogram `phase`, `phaseCounts`, `phaseDensity`, `phaseDensityError`,
 * `phaseSamples`; per current c `c:omega`, `c:density`, `c:densityError`, `c:floor`,
 * `c:floorError`, `c:segments`; the filtered `filtered:<name>` as complex values); one not yet
 * computed is NaN, with its count (`phaseSamples`, `c:segments`) 0. The estimates are cumulative,
 * so the latest frame holds everything: a consumer that connects late starts from the latest
 * frame (each stream keeps only that one for it). A stream ends after its session's `end`, or
 * when a new session replaces it. Its header: source `qsync detect`, a session id derived from
 * the producer's session and the detector's settings, the producer's model, parameters and seed,
 * metadata `{ estimatesOf, bins, segmentLength }`.
 *
 * @param config - the detector's `bins` and `segmentLength`
 * @example
 * import { from, lastValueFrom, mergeMap, toArray } from 'rxjs';
 * import { sampleBlock, streamSchema } from '@qsync/frames';
 * import { toWire, wireHeader } from '@qsync/wire';
 * const schema = streamSchema({ channels: { A: { kind: 'complex' }, B: { kind: 'complex' } }, rate: 10 });
 * const block = sampleBlock({ t0: 0, dt: 0.1, columns: { A: { kind: 'complex', data: Float64Array.of(1, 0, 0, 1) }, B: { kind: 'complex', data: Float64Array.of(0, 1, 0, 1) } } });
 * const wire = from([schema, block]).pipe(toWire(wireHeader({ name: 'AB', sourceId: 'doc', sessionId: 's1' })));
 * const out = await lastValueFrom(wire.pipe(detectorEstimates({ bins: 4, segmentLength: 2 }), estimateStreams({ bins: 4, segmentLength: 2 }), mergeMap((s) => s), toArray()));
 * out.map((r) => r.kind); // → ['header', 'frame', 'frame', 'frame', 'end']
 * out[3].kind === 'frame' && out[3].frame.channels.phaseCounts.data; // → Float64Array [0, 1, 1, 0]
 */
export function estimateStreams(config: { readonly bins: number; readonly segmentLength: number }): OperatorFunction<DetectorLine, Observable<WireRecord>> {
  const { bins, segmentLength } = config;
  return (lines) =>
    new Rx<Observable<WireRecord>>((out) => {
      let current: { id: string; frames: ReplaySubject<Frame>; values: Record<string, Channel>; t: number } | null = null;
      const close = (): void => {
        current?.frames.complete();
        current = null;
      };
      const emit = (t: number, update: Record<string, Channel>): void => {
        if (current === null) return;
        Object.assign(current.values, update);
        current.t = Math.max(current.t, t);
        current.frames.next({ t: current.t, channels: { ...current.values } });
      };
      const nans = (n: number) => new Float64Array(n).fill(NaN);
      const sub = lines.subscribe({
        next: (line) => {
          if (line.kind === 'session') {
            close();
            const channels = estimateSchema(line, bins, segmentLength);
            const schema = streamSchema({ channels });
            const values: Record<string, Channel> = {};
            for (const [name, c] of Object.entries(schema.channels)) {
              values[name] = c.kind === 'complex' ? complexChannel(NaN, NaN) : c.shape.length > 0 ? arrayChannel(nans(c.shape[0]), c.shape) : realChannel(name === 'phaseSamples' || name.endsWith(':segments') ? 0 : NaN);
            }
            const header = wireHeader({
              name: `${line.name} estimates`,
              sourceId: 'qsync detect',
              schema,
              sessionId: createHash('sha256').update(JSON.stringify([line.sessionId, bins, segmentLength])).digest('hex').slice(0, 32),
              ...(line.model !== undefined ? { model: line.model } : {}),
              ...(line.parameters !== undefined ? { parameters: line.parameters } : {}),
              ...(line.seed !== undefined ? { seed: line.seed } : {}),
              metadata: { estimatesOf: line.sessionId, bins, segmentLength },
            });
            const frames = new ReplaySubject<Frame>(1);
            current = { id: line.sessionId, frames, values, t: 0 };
            out.next(frames.pipe(toWire(header)));
          } else if (current === null || line.sessionId !== current.id) {
            return;
          } else if (line.kind === 'phase-histogram') {
            const a = (v: number[]) => arrayChannel(Float64Array.from(v), [bins]);
            emit(line.t, { phase: a(line.phase), phaseCounts: a(line.counts), phaseDensity: a(line.density), phaseDensityError: a(line.densityError), phaseSamples: realChannel(line.samples) });
          } else if (line.kind === 'spectrum') {
            const a = (v: number[]) => arrayChannel(Float64Array.from(v), [segmentLength]);
            const c = line.channel;
            emit(line.t, {
              [`${c}:omega`]: a(line.omega), [`${c}:density`]: a(line.density), [`${c}:densityError`]: a(line.densityError),
              [`${c}:floor`]: realChannel(line.floor), [`${c}:floorError`]: realChannel(line.floorError), [`${c}:segments`]: realChannel(line.segments),
            });
          } else if (line.kind === 'filtered') {
            emit(line.t, Object.fromEntries(Object.entries(line.expect).map(([name, [re, im]]) => [`filtered:${name}`, complexChannel(re, im)])));
          } else if (line.kind === 'end') {
            close();
          }
        },
        error: (e: unknown) => {
          close();
          out.error(e);
        },
        complete: () => {
          close();
          out.complete();
        },
      });
      return () => {
        sub.unsubscribe();
        close();
      };
    });
}
