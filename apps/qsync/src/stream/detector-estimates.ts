import { type BlockColumnInit, type Frame, type SampleBlock, type SampleRecord, type StreamSchema, sampleBlock } from '@qsync/frames';
import { currentPhaseHistogramOf } from '@qsync/probes';
import { currentSpectrumOf } from '@qsync/spectral';
import { quantumFilterOf } from '@qsync/unravelers';
import { fromWire } from '@qsync/wire';
import type { WireHeader, WireRecord, WireSubscribe } from '@qsync/wire';
import { filterSetup } from './filter-setup';
import { type Observable, type OperatorFunction, Observable as Rx, Subject, type Subscription, catchError, filter, map, merge, mergeMap, of, share, tap } from 'rxjs';

/** Options of {@link detectorEstimates}. */
export interface DetectorConfig {
  /** bins of the phase-difference histogram on (−π, π] (default 32) */
  readonly bins?: number;
  /** samples per segment of the current spectrum, a power of two (default 64) */
  readonly segmentLength?: number;
}

/** How many ended sessions the detector remembers (a producer of one of them adds nothing). */
const ENDED_SESSIONS_KEPT = 1024;

/** One line of the detector's output (JSON). */
export type DetectorLine =
  | { kind: 'session'; sessionId: string; name: string; sourceId: string; model?: string; parameters?: Record<string, unknown>; seed?: number; qsyncVersion: string; channels: string[]; estimates: string[]; noFilter?: string; replaces?: string }
  | { kind: 'phase-histogram'; sessionId: string; t: number; channels: [string, string]; samples: number; phase: number[]; counts: number[]; density: number[]; densityError: number[] }
  | { kind: 'spectrum'; sessionId: string; t: number; channel: string; segments: number; floor: number; floorError: number; omega: number[]; density: number[]; densityError: number[] }
  | { kind: 'filtered'; sessionId: string; t: number; expect: Record<string, [number, number]> }
  | { kind: 'filter-failed'; sessionId: string; reason: string }
  /** `estimated`: `samples` is an estimate (the notice said so; the records are exact) */
  | { kind: 'gap' | 'dropped'; sessionId: string; firstSeq: number; lastSeq: number; samples: number; estimated?: true }
  | { kind: 'end'; sessionId: string; records: number }
  | { kind: 'already-ended'; sessionId: string }
  /** the input stopped without the session's `end` (`lastSeq`: its last data seq, null before any) or, without `sessionId`, before any header */
  | { kind: 'cut-off'; sessionId?: string; lastSeq: number | null };

const numbers = (frame: Frame, name: string): number[] => {
  const c = frame.channels[name];
  return c.kind === 'array' ? Array.from(c.data) : [];
};
const value = (frame: Frame, name: string): number => {
  const c = frame.channels[name];
  return c.kind === 'real' ? c.value : NaN;
};

/** The records lost before the first block of a session arrived. */
interface HeadLoss { firstSeq: number; lastSeq: number }

/** What the estimators of a session read. */
interface EstimatorInputs {
  /** the records as they came (the filter) */
  readonly records: Observable<SampleRecord>;
  /** the same with blocks after a loss moved back to follow the last received, `shift()` later than their own time (the histogram) */
  readonly spliced: Observable<SampleRecord>;
  readonly shift: () => number;
  /** whole segments of contiguous samples, moved back likewise by `segmentShift()` (the spectra) */
  readonly segments: Observable<SampleRecord>;
  readonly segmentShift: () => number;
  readonly headLoss: () => HeadLoss | null;
}

/**
 * The first `n` samples of contiguous blocks as one block starting `shift` earlier, and the rest
 * (null when none) at its own time.
 */
function splitBlocks(blocks: readonly SampleBlock[], n: number, shift: number): { head: SampleBlock; rest: SampleBlock | null } {
  const first = blocks[0];
  if (blocks.length === 1 && first.length === n) return { head: shift === 0 ? first : sampleBlock({ t0: first.t0 - shift, dt: first.dt, length: n, columns: first.columns }), rest: null };
  const total = blocks.reduce((sum, b) => sum + b.length, 0);
  const head: Record<string, BlockColumnInit> = {};
  const rest: Record<string, BlockColumnInit> = {};
  for (const [name, c] of Object.entries(first.columns)) {
    const width = c.data.length / first.length;
    const all = new Float64Array(total * width);
    let at = 0;
    for (const b of blocks) {
      all.set(b.columns[name].data, at);
      at += b.columns[name].data.length;
    }
    const meta = { kind: c.kind, shape: c.shape, ...(c.unit !== undefined ? { unit: c.unit } : {}) };
    head[name] = { ...meta, data: all.subarray(0, n * width) };
    rest[name] = { ...meta, data: all.slice(n * width) };
  }
  return {
    head: sampleBlock({ t0: first.t0 - shift, dt: first.dt, length: n, columns: head }),
    rest: total > n ? sampleBlock({ t0: first.t0 + n * first.dt, dt: first.dt, length: total - n, columns: rest }) : null,
  };
}

/** The estimates a schema allows: the phase difference of the first two complex currents, the spectrum of each complex current. */
function estimatorsFor(schema: StreamSchema, config: Required<DetectorConfig>, sessionId: string, scenario: unknown): {
  names: string[];
  noFilter?: string;
  /** `records` as they came; `spliced`, the same with blocks after a loss moved back to follow the last received, `shift()` later than their own time */
  run: (inputs: EstimatorInputs) => Observable<DetectorLine>;
} {
  const complex = Object.entries(schema.channels)
    .filter(([, c]) => c.kind === 'complex' && c.shape.length === 0)
    .map(([name]) => name);
  const names: string[] = [];
  const parts: ((inputs: EstimatorInputs) => Observable<DetectorLine>)[] = [];
  if (complex.length >= 2) {
    const [a, b] = complex;
    names.push(`phase-histogram ${a} ${b}`);
    parts.push(({ spliced, shift }) =>
      spliced.pipe(
        currentPhaseHistogramOf({ channelA: a, channelB: b, bins: config.bins }),
        map((f): DetectorLine => ({
          kind: 'phase-histogram', sessionId, t: f.t + shift(), channels: [a, b], samples: value(f, 'samples'),
          phase: numbers(f, 'phase'), counts: numbers(f, 'counts'), density: numbers(f, 'density'), densityError: numbers(f, 'densityError'),
        })),
      ),
    );
  }
  for (const channel of complex) {
    names.push(`spectrum ${channel}`);
    parts.push(({ segments, segmentShift }) =>
      segments.pipe(
        currentSpectrumOf({ channel, segmentLength: config.segmentLength }),
        map((f): DetectorLine => ({
          kind: 'spectrum', sessionId, t: f.t + segmentShift(), channel, segments: value(f, 'segments'), floor: value(f, 'floor'), floorError: value(f, 'floorError'),
          omega: numbers(f, 'omega'), density: numbers(f, 'density'), densityError: numbers(f, 'densityError'),
        })),
      ),
    );
  }
  const setup = filterSetup(scenario);
  const missing = typeof setup === 'string' ? undefined : setup.model.monitored.find((c) => schema.channels[c.name ?? ''] === undefined);
  let noFilter: string | undefined;
  if (typeof setup === 'string') noFilter = setup;
  else if (missing !== undefined) noFilter = `the stream has no current '${missing.name}' of its scenario's monitored channels`;
  else if (schema.rate === undefined || Math.abs(1 / schema.rate - setup.step) > 1e-9 * setup.step) {
    // one filter step per sample: a record coarser than the integration's step is not the record the SME integrated
    noFilter = `the stream's sample spacing (${schema.rate === undefined ? 'not fixed' : 1 / schema.rate}) is not its scenario's step ${setup.step}: the filter needs the record as fine as the integration`;
  }
  else {
    const observables = Object.keys(setup.expect);
    let firstChecked = false;
    names.push(`filtered ${observables.join(' ')}`);
    parts.push(({ records, headLoss }) =>
      records.pipe(
        // ρ0 is the scenario's initial state: a record that does not begin at its start (records
        // lost before the first block received) would be filtered from the wrong state
        tap((r) => {
          if (r.kind !== 'block' || firstChecked) return;
          firstChecked = true;
          const loss = headLoss();
          if (loss !== null) throw new Error(`records ${loss.firstSeq}…${loss.lastSeq} lost before the first block received: the filter needs the record from the scenario's start (t = ${setup.start})`);
          if (Math.abs(r.t0 - setup.start) > 1e-6 * r.dt) throw new Error(`the first block starts at t = ${r.t0}, not at the scenario's start t = ${setup.start}: the filter needs the record from there`);
        }),
        quantumFilterOf(setup.model, { rho0: setup.rho0, expect: setup.expect, method: setup.method }),
        filter((r): r is SampleBlock => r.kind === 'block'),
        map((b): DetectorLine => {
          const k = b.length - 1;
          const expect: Record<string, [number, number]> = {};
          for (const name of observables) expect[name] = [b.columns[name].data[2 * k], b.columns[name].data[2 * k + 1]];
          return { kind: 'filtered', sessionId, t: b.t0 + k * b.dt, expect };
        }),
        // a filter that fails (e.g. a record that breaks positivity) ends only itself, not the detector
        catchError((e: unknown) => of<DetectorLine>({ kind: 'filter-failed', sessionId, reason: e instanceof Error ? e.message : String(e) })),
      ),
    );
  }
  return { names, ...(noFilter !== undefined ? { noFilter } : {}), run: (inputs) => merge(...parts.map((p) => p(inputs))) };
}

/**
 * The detector: wire records of current streams in, live estimates out — for each producer
 * session, the measured phase-difference histogram of its first two heterodyne currents (Eq.
 * 4.15, `currentPhaseHistogramOf`) and the spectrum of each current with its noise floor
 * (`currentSpectrumOf`), and — when the header's provenance carries a `trajectories` scenario
 * (the model, its monitored channels, initial state and observables) — the conditional ⟨O⟩ of
 * the quantum filter (`quantumFilterOf`, Eqs. 3.11–3.15, 6.24; one filter step per sample), one
 * line after every block that changes them (the session line says why there is no filter when
 * there is none: `noFilter`). A producer that
 * reconnects in the same session (same `sessionId`) is resumed: records it sends again (a
 * restarted deterministic producer recomputes its stream from seq 0) are skipped by seq, so every
 * sample is counted once. A header with a new session ends the old estimates and starts new ones,
 * said by a `session` line with `replaces`. A producer of a session that has already ended —
 * one of the last 1024 to end, also when others came in between — adds nothing (all of its
 * records are counted): an `already-ended` line says so and its records are skipped. Losses announced in-band (`gap`, `dropped`) become
 * lines (with `estimated: true` when the notice's sample count is an estimate); the estimates go
 * on with what arrived: the histogram over exactly the samples received, the spectrum over the
 * whole segments of contiguous samples received (the segment being filled at a loss is dropped,
 * segmentation restarts after it), their lines at the stream's own t;
 * the filter, which needs every sample, ends with a `filter-failed` line; it does not start at
 * all (a `filter-failed` line) when records were lost before the first block or that block does
 * not begin at the scenario's start: ρ0 is the state there. Losses no notice announces become `gap` lines too: a session whose first
 * data record is not seq 0 (a recording missing its head, a stream joined late), a jump in seq,
 * an `end` whose seq counts more records than arrived or were announced lost — their records
 * exact, their samples estimated from a neighbouring block's length (`estimated: true`; exact
 * for frames, one sample each). Input that stops while a session is open (no `end`), or holds no
 * header at all, gives a `cut-off` line and then an error: the producer was cut off.
 *
 * @param config - `{ bins = 32, segmentLength = 64 }`
 * @returns an operator from wire records to {@link DetectorLine}s; it errors when a stream breaks the wire rules (fromWire) or stops without its `end`
 * @example
 * // the wire records would come from fromTcp({ listen: { port: 7000 } }) or replayFile('currents.qsw', { pace: 'fast' })
 * import { filter, from, lastValueFrom, toArray } from 'rxjs';
 * import { sampleBlock, streamSchema } from '@qsync/frames';
 * import { toWire, wireHeader } from '@qsync/wire';
 * const schema = streamSchema({ channels: { A: { kind: 'complex' }, B: { kind: 'complex' } }, rate: 10 });
 * const block = sampleBlock({ t0: 0, dt: 0.1, columns: { A: { kind: 'complex', data: Float64Array.of(1, 0, 0, 1) }, B: { kind: 'complex', data: Float64Array.of(0, 1, 0, 1) } } });
 * const wire = from([schema, block]).pipe(toWire(wireHeader({ name: 'AB', sourceId: 'doc', sessionId: 's1' })));
 * const lines = await lastValueFrom(wire.pipe(detectorEstimates({ bins: 4, segmentLength: 2 }), toArray()));
 * lines.map((l) => l.kind); // → ['session', 'phase-histogram', 'spectrum', 'spectrum', 'end']
 * lines[0].noFilter; // → 'the stream carries no scenario'
 * lines[1].counts; // → [0, 1, 1, 0] — φ^m = π/2 and 0 (Eq. 4.15)
 * await lastValueFrom(wire.pipe(filter((r) => r.kind !== 'end'), detectorEstimates({ bins: 4, segmentLength: 2 }))); // throws "stopped without an end record after seq 0"
 */
export function detectorEstimates(config: DetectorConfig = {}): OperatorFunction<WireRecord | WireSubscribe, DetectorLine> {
  const bins = config.bins ?? 32;
  const segmentLength = config.segmentLength ?? 64;
  // check the options now, not at the first block
  currentPhaseHistogramOf({ channelA: 'a', channelB: 'b', bins });
  currentSpectrumOf({ channel: 'a', segmentLength });
  return (source) =>
    new Rx<DetectorLine>((out) => {
      // lastSeq: the last data seq received or announced lost; samplesEach: the last block's length (frames: 1)
      // the ids of the last ENDED_SESSIONS_KEPT sessions that ended (oldest first), and whether the
      // producer connected now sends one of them
      const ended = new Set<string>();
      let ignoring = false;
      let session: { id: string; input: Subject<WireRecord>; run: Subscription; lastSeq: number; ended: boolean; samplesEach: number | null; frames: boolean } | null = null;
      const startSession = (header: WireHeader): void => {
        const replaces = session?.id;
        session?.run.unsubscribe();
        const id = header.provenance.sessionId;
        const input = new Subject<WireRecord>();
        const { names, noFilter, run } = estimatorsFor(header.schema, { bins, segmentLength }, id, header.provenance.scenario);
        const p = header.provenance;
        out.next({
          kind: 'session', sessionId: id, name: header.name, sourceId: p.sourceId,
          ...(p.model !== undefined ? { model: p.model } : {}), ...(p.parameters !== undefined ? { parameters: p.parameters } : {}),
          ...(p.seed !== undefined ? { seed: p.seed } : {}), qsyncVersion: p.qsyncVersion,
          channels: Object.keys(header.schema.channels), estimates: names, ...(noFilter !== undefined ? { noFilter } : {}), ...(replaces !== undefined ? { replaces } : {}),
        });
        // after a loss the histogram and the spectrum go on with what arrives, spliced to what
        // came before (the next block moved back in time to follow the last received; their
        // lines keep the stream's own t); the filter cannot skip samples and fails alone
        let lost = false;
        let segmentLost = false;
        let shift = 0;
        let nextT: number | null = null;
        let headLoss: HeadLoss | null = null;
        let blockSeen = false;
        const decoded = input.pipe(
          // every seq is accounted for from 0 (losses no notice announced are turned into gap notices below)
          fromWire({
            firstSeq: 0,
            onNotice: (n) => {
              lost = true;
              segmentLost = true;
              if (!blockSeen) headLoss = { firstSeq: headLoss?.firstSeq ?? n.firstSeq, lastSeq: n.lastSeq };
              out.next({ kind: n.kind, sessionId: id, firstSeq: n.firstSeq, lastSeq: n.lastSeq, samples: n.samples, ...(n.estimated === true ? { estimated: true as const } : {}) });
            },
          }),
          filter((r): r is SampleRecord => !('channels' in r && 't' in r)),
          tap((r) => {
            if (r.kind === 'block') blockSeen = true;
          }),
          share(),
        );
        const spliced = decoded.pipe(
          map((r): SampleRecord => {
            if (r.kind !== 'block') return r;
            if (lost && nextT !== null) shift = r.t0 - nextT;
            lost = false;
            nextT = r.t0 - shift + r.length * r.dt;
            return shift === 0 ? r : sampleBlock({ t0: r.t0 - shift, dt: r.dt, length: r.length, columns: r.columns });
          }),
          share(),
        );
        // the spectra get whole segments only: at a loss the segment being filled is dropped (its
        // periodogram would mix samples from both sides of the loss, with a jump between) and
        // segmentation restarts at the first sample received after it
        let segmentShift = 0;
        let segmentEnd: number | null = null; // after the last sample passed on, in the spectra's time
        let pending: SampleBlock[] = [];
        let pendingLength = 0;
        const segments = decoded.pipe(
          mergeMap((r): SampleRecord[] => {
            if (r.kind !== 'block') return [r];
            if (segmentLost) {
              pending = [];
              pendingLength = 0;
              if (segmentEnd !== null) segmentShift = r.t0 - segmentEnd;
              segmentLost = false;
            }
            pending.push(r);
            pendingLength += r.length;
            const whole = pendingLength - (pendingLength % segmentLength);
            if (whole === 0) return [];
            const { head, rest } = splitBlocks(pending, whole, segmentShift);
            pending = rest === null ? [] : [rest];
            pendingLength -= whole;
            segmentEnd = head.t0 + whole * head.dt;
            return [head];
          }),
          share(),
        );
        const s = { id, input, lastSeq: -1, ended: false, samplesEach: null, frames: false, run: null as unknown as Subscription };
        session = s;
        s.run = run({ records: decoded, spliced, shift: () => shift, segments, segmentShift: () => segmentShift, headLoss: () => headLoss }).subscribe({ next: (line) => out.next(line), error: (e) => out.error(e) });
      };
      const sub = source.subscribe({
        next: (record) => {
          if (record.kind === 'subscribe') return;
          if (record.kind === 'header') {
            const id = record.provenance.sessionId;
            // an ended session, also one that ended before the current one began: its records are counted
            ignoring = session?.id !== id && ended.has(id);
            if (ignoring) return out.next({ kind: 'already-ended', sessionId: id });
            if (session?.id !== id) startSession(record);
            else if (session.ended) return out.next({ kind: 'already-ended', sessionId: session.id });
            session?.input.next(record);
            return;
          }
          if (session === null) return out.error(new Error(`detector: '${record.kind}' before any header`));
          if (ignoring || session.ended) return; // a producer of a session that has ended sends it again: every record is counted
          // seqs that no notice accounts for (before the first record, a jump, before the end) are lost all the same: say so
          const unannounced = (next: number, samplesEach: number | null): void => {
            const s = session as NonNullable<typeof session>;
            if (next <= s.lastSeq + 1) return;
            const firstSeq = s.lastSeq + 1;
            const lastSeq = next - 1;
            const records = lastSeq - firstSeq + 1;
            const each = samplesEach ?? s.samplesEach;
            s.input.next({ kind: 'gap', seq: next, firstSeq, lastSeq, samples: records * (each ?? 1), ...(s.frames ? {} : { estimated: true as const }) });
            s.lastSeq = lastSeq;
          };
          if (record.kind === 'block' || record.kind === 'frame') {
            if (record.seq <= session.lastSeq) return; // sent again after a reconnection: already counted
            if (record.kind === 'frame') session.frames = true;
            const each = record.kind === 'block' ? record.block.length : 1;
            unannounced(record.seq, each);
            session.samplesEach = each;
            session.lastSeq = record.seq;
          } else if (record.kind === 'gap' || record.kind === 'dropped') {
            if (record.lastSeq <= session.lastSeq) return;
            unannounced(record.firstSeq, null);
            session.lastSeq = record.lastSeq;
          } else if (record.kind === 'end') {
            unannounced(record.seq, null);
          }
          session.input.next(record);
          if (record.kind === 'end') {
            session.ended = true;
            ended.add(session.id);
            if (ended.size > ENDED_SESSIONS_KEPT) ended.delete(ended.values().next().value as string);
            session.input.complete();
            out.next({ kind: 'end', sessionId: session.id, records: record.seq });
          }
        },
        error: (e) => out.error(e),
        complete: () => {
          if (session !== null && session.ended) return out.complete();
          // the input stopped without the end of its stream: what was lost after it is unknown, so it is not a result
          const lastSeq = session === null || session.lastSeq < 0 ? null : session.lastSeq;
          out.next({ kind: 'cut-off', ...(session !== null ? { sessionId: session.id } : {}), lastSeq });
          out.error(new Error(
            session === null
              ? 'detector: the input ended before any header: it holds no stream'
              : `detector: the stream of session ${session.id} stopped without an end record ${lastSeq === null ? 'before any data record' : `after seq ${lastSeq}`}: the producer was cut off`,
          ));
        },
      });
      return () => {
        sub.unsubscribe();
        session?.run.unsubscribe();
      };
    });
}
