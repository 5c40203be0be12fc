// The detector's estimates against numbers computed here by hand: the phase-difference
// histogram by binning arg(I_B I_A*) on (−π, π] (Eq. 4.15), the current spectrum by the direct
// DFT of each Hann-tapered segment of I* (Welch, non-overlapping; the normalisation of Eq. 4.16
// that gives the white detector noise 1); and the session rules (resume by seq, gaps, new
// sessions, a session sent again after its end).
import { type SampleRecord, sampleBlock, streamSchema } from '@qsync/frames';
import { toWire, wireHeader } from '@qsync/wire';
import type { WireRecord } from '@qsync/wire';
import { readFileSync } from 'node:fs';
import { from, lastValueFrom, tap, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type DetectorLine, detectorEstimates } from './detector-estimates';

const N = 96;
const DT = 0.05;
/** Deterministic currents with every phase difference: I_A = e^{i·0.7n}·(1 + 0.3 sin n), I_B = e^{i(1.9n + 0.4)}. */
const A = new Float64Array(2 * N);
const B = new Float64Array(2 * N);
for (let n = 0; n < N; n++) {
  const r = 1 + 0.3 * Math.sin(n);
  A[2 * n] = r * Math.cos(0.7 * n);
  A[2 * n + 1] = r * Math.sin(0.7 * n);
  B[2 * n] = Math.cos(1.9 * n + 0.4);
  B[2 * n + 1] = Math.sin(1.9 * n + 0.4);
}
const schema = streamSchema({ channels: { A: { kind: 'complex' }, B: { kind: 'complex' } }, rate: 1 / DT });
/** The record cut into blocks of `length` samples. */
function records(length: number, sessionId = 's1'): WireRecord[] {
  const out: SampleRecord[] = [schema];
  for (let at = 0; at < N; at += length) {
    const m = Math.min(length, N - at);
    out.push(sampleBlock({ t0: at * DT, dt: DT, columns: { A: { kind: 'complex', data: A.slice(2 * at, 2 * (at + m)) }, B: { kind: 'complex', data: B.slice(2 * at, 2 * (at + m)) } } }));
  }
  const wire: WireRecord[] = [];
  from(out).pipe(toWire(wireHeader({ name: 'AB', sourceId: 'spec', sessionId }))).subscribe((r) => wire.push(r));
  return wire;
}
/** The mean of Δt|Σ w_n I*_n e^{−iω n Δt}|²/Σw² of I_A over the segments of L samples starting at `starts`, periodic Hann taper. */
function handDensity(starts: readonly number[], L: number, omega: readonly number[]): number[] {
  const w = Array.from({ length: L }, (_, n) => Math.sin((Math.PI * n) / L) ** 2);
  const sumW2 = w.reduce((s, x) => s + x * x, 0);
  return omega.map((om) => {
    let total = 0;
    for (const start of starts) {
      let re = 0;
      let im = 0;
      for (let n = 0; n < L; n++) {
        const i = start + n;
        // w_n I*_n e^{−iωnΔt}
        const c = Math.cos(om * n * DT);
        const sn = Math.sin(om * n * DT);
        const xr = w[n] * A[2 * i];
        const xi = -w[n] * A[2 * i + 1];
        re += xr * c + xi * sn;
        im += xi * c - xr * sn;
      }
      total += (DT * (re * re + im * im)) / sumW2;
    }
    return total / starts.length;
  });
}
const run = (input: readonly WireRecord[], bins = 12, segmentLength = 16) => lastValueFrom(from(input).pipe(detectorEstimates({ bins, segmentLength }), toArray()));
const last = <K extends DetectorLine['kind']>(lines: readonly DetectorLine[], kind: K) => lines.filter((l): l is Extract<DetectorLine, { kind: K }> => l.kind === kind).at(-1);

describe('detectorEstimates: the numbers', () => {
  it('phase-difference histogram: the counts of arg(I_B I_A*) in 12 bins on (−π, π], binned by hand', async () => {
    const bins = 12;
    const counts = new Array<number>(bins).fill(0);
    for (let n = 0; n < N; n++) {
      const phi = Math.atan2(B[2 * n + 1] * A[2 * n] - B[2 * n] * A[2 * n + 1], B[2 * n] * A[2 * n] + B[2 * n + 1] * A[2 * n + 1]);
      // bin k holds (−π + kw, −π + (k+1)w]
      counts[Math.min(bins - 1, Math.max(0, Math.ceil((phi + Math.PI) / ((2 * Math.PI) / bins)) - 1))]++;
    }
    const lines = await run(records(10), bins);
    const h = last(lines, 'phase-histogram');
    expect(h?.samples).toBe(N);
    expect(h?.counts).toEqual(counts);
    expect(h?.phase.map((p, k) => Math.abs(p - (-Math.PI + (k + 0.5) * (2 * Math.PI) / bins))).every((d) => d < 1e-12)).toBe(true);
    // the density integrates to 1 over the circle
    expect(Math.abs((h?.density ?? []).reduce((s, d) => s + d, 0) * ((2 * Math.PI) / bins) - 1)).toBeLessThan(1e-12);
  });

  it('spectrum of I_A: the mean over its 6 segments of Δt|Σ w_n I*_n e^{−iω n Δt}|²/Σw² with the periodic Hann taper, on ω = 2π(k − L/2)/(LΔt)', async () => {
    const L = 16;
    const segments = Math.floor(N / L);
    const omega = Array.from({ length: L }, (_, k) => (2 * Math.PI * (k - L / 2)) / (L * DT));
    const density = handDensity(Array.from({ length: segments }, (_, s) => s * L), L, omega);
    const lines = await run(records(7), 12, L);
    const s = lines.filter((l): l is Extract<DetectorLine, { kind: 'spectrum' }> => l.kind === 'spectrum' && l.channel === 'A').at(-1);
    expect(s?.segments).toBe(segments);
    omega.forEach((om, k) => expect(Math.abs((s?.omega[k] ?? NaN) - om)).toBeLessThan(1e-9));
    const peak = Math.max(...density);
    density.forEach((d, k) => expect(Math.abs((s?.density[k] ?? NaN) - d)).toBeLessThan(1e-12 * peak));
    // the line of I_A = e^{+0.7 i n}: I* rotates as e^{−0.7 i n}, so the peak is in the bin nearest ω = −0.7/Δt = −14 (−2 bins of 2π/(LΔt))
    expect(s?.density.indexOf(Math.max(...(s?.density ?? [])))).toBe(L / 2 - 2);
  });
});

describe('detectorEstimates: sessions', () => {
  it('a producer reconnecting in the same session sends records again: each sample is counted once', async () => {
    const wire = records(10);
    // the first 5 blocks, then a reconnection that sends the whole session again from seq 0
    const lines = await run([...wire.slice(0, 6), ...wire]);
    expect(lines.filter((l) => l.kind === 'session')).toHaveLength(1);
    expect(last(lines, 'phase-histogram')?.samples).toBe(N);
    expect(lines.filter((l) => l.kind === 'phase-histogram').map((l) => (l as { samples: number }).samples)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 96]);
  });

  it('a gap notice becomes a gap line and the estimates go on with what arrived', async () => {
    const wire = records(10);
    const gap: WireRecord = { kind: 'gap', seq: 3, samples: 30, firstSeq: 0, lastSeq: 2 };
    const lines = await run([wire[0], gap, ...wire.slice(4)]);
    expect(lines.find((l) => l.kind === 'gap')).toEqual({ kind: 'gap', sessionId: 's1', firstSeq: 0, lastSeq: 2, samples: 30 });
    expect(last(lines, 'phase-histogram')?.samples).toBe(N - 30);
    // a count the notice marks as an estimate stays marked
    const estimated = await run([wire[0], { ...gap, estimated: true }, ...wire.slice(4)]);
    expect(estimated.find((l) => l.kind === 'gap')).toEqual({ kind: 'gap', sessionId: 's1', firstSeq: 0, lastSeq: 2, samples: 30, estimated: true });
  });

  it('a new session restarts the estimates and names the one it replaces; a session sent again after its end adds nothing', async () => {
    const first = records(10, 's1');
    const second = records(32, 's2');
    const lines = await run([...first.slice(0, 4), ...second, ...second]);
    const sessions = lines.filter((l): l is Extract<DetectorLine, { kind: 'session' }> => l.kind === 'session');
    expect(sessions.map((l) => [l.sessionId, l.replaces])).toEqual([['s1', undefined], ['s2', 's1']]);
    expect(last(lines, 'phase-histogram')).toMatchObject({ sessionId: 's2', samples: N });
    expect(lines.filter((l) => l.kind === 'end')).toEqual([{ kind: 'end', sessionId: 's2', records: 3 }]);
    expect(lines.at(-1)).toEqual({ kind: 'already-ended', sessionId: 's2' });
    // s1 ended, s2 came in between, s1 again: it adds nothing, counted once
    const s1 = records(10, 's1');
    const again = await run([...s1, ...second, ...s1]);
    expect(again.filter((l) => l.kind === 'session').map((l) => l.sessionId)).toEqual(['s1', 's2']);
    expect(again.filter((l) => l.kind === 'end').map((l) => l.sessionId)).toEqual(['s1', 's2']);
    expect(again.at(-1)).toEqual({ kind: 'already-ended', sessionId: 's1' });
    expect(last(again, 'phase-histogram')).toMatchObject({ sessionId: 's2', samples: N });
  });

  it('a loss in mid-stream: the histogram goes on over exactly the samples that arrived, the spectrum too, lines keep the stream\'s own t', async () => {
    const wire = records(10); // header, blocks 0…9 (10 samples each, the last 6), end
    const dropped: WireRecord = { kind: 'dropped', seq: 4, records: 2, samples: 20, firstSeq: 2, lastSeq: 3 };
    const lines = await run([...wire.slice(0, 3), dropped, ...wire.slice(5)]);
    const bins = 12;
    const counts = new Array<number>(bins).fill(0);
    for (let n = 0; n < N; n++) {
      if (n >= 20 && n < 40) continue; // blocks 2 and 3
      const phi = Math.atan2(B[2 * n + 1] * A[2 * n] - B[2 * n] * A[2 * n + 1], B[2 * n] * A[2 * n] + B[2 * n + 1] * A[2 * n + 1]);
      counts[Math.min(bins - 1, Math.max(0, Math.ceil((phi + Math.PI) / ((2 * Math.PI) / bins)) - 1))]++;
    }
    expect(lines.find((l) => l.kind === 'dropped')).toEqual({ kind: 'dropped', sessionId: 's1', firstSeq: 2, lastSeq: 3, samples: 20 });
    const h = last(lines, 'phase-histogram');
    expect(h?.samples).toBe(N - 20);
    expect(h?.counts).toEqual(counts);
    // the histogram line after block 4 (samples 40…49) is at its last sample's time
    const histograms = lines.filter((l): l is Extract<DetectorLine, { kind: 'phase-histogram' }> => l.kind === 'phase-histogram');
    expect(histograms.map((l) => l.samples)).toEqual([10, 20, 30, 40, 50, 60, 70, 76]);
    expect(histograms[2].t).toBeCloseTo(49 * DT, 12);
    // the spectrum over whole segments of contiguous samples: 0…15, then (16…19 dropped with the
    // segment they began, which would span the loss) 40…55, 56…71, 72…87 (88…95 fill no segment)
    const spectra = lines.filter((l): l is Extract<DetectorLine, { kind: 'spectrum' }> => l.kind === 'spectrum' && l.channel === 'A');
    expect(spectra.map((l) => l.segments)).toEqual([1, 2, 3, 4]);
    expect(spectra.map((l) => l.t / DT)).toEqual([15, 55, 71, 87].map((n) => expect.closeTo(n, 9)));
    const density = handDensity([0, 40, 56, 72], 16, spectra[3].omega);
    const peak = Math.max(...density);
    density.forEach((d, k) => expect(Math.abs(spectra[3].density[k] - d)).toBeLessThan(1e-12 * peak));
    expect(lines.at(-1)).toEqual({ kind: 'end', sessionId: 's1', records: 10 });
  });

  it('losses no notice announces are gap lines: a session starting after seq 0 (a recording missing its head), an end counting records that never came', async () => {
    const wire = records(10); // header, blocks 0…9 (the last of 6 samples), end 10
    const lines = await run([wire[0], ...wire.slice(4, 10), wire[11]]);
    // records exact; samples from the next (before the end: the last) block's length, marked estimated
    expect(lines.filter((l) => l.kind === 'gap')).toEqual([
      { kind: 'gap', sessionId: 's1', firstSeq: 0, lastSeq: 2, samples: 30, estimated: true },
      { kind: 'gap', sessionId: 's1', firstSeq: 9, lastSeq: 9, samples: 10, estimated: true },
    ]);
    expect(last(lines, 'phase-histogram')?.samples).toBe(60);
    expect(lines.at(-1)).toEqual({ kind: 'end', sessionId: 's1', records: 10 });
  });

  it('input that stops without the end of its stream gives a cut-off line and an error; so does input with no header', async () => {
    const wire = records(10);
    const seen: DetectorLine[] = [];
    const cut = lastValueFrom(from(wire.slice(0, 6)).pipe(detectorEstimates({ bins: 12, segmentLength: 16 }), tap((l) => seen.push(l)), toArray()));
    await expect(cut).rejects.toThrow('detector: the stream of session s1 stopped without an end record after seq 4: the producer was cut off');
    expect(seen.at(-1)).toEqual({ kind: 'cut-off', sessionId: 's1', lastSeq: 4 });
    expect(last(seen, 'phase-histogram')?.samples).toBe(50);
    seen.length = 0;
    const headerOnly = lastValueFrom(from(wire.slice(0, 1)).pipe(detectorEstimates(), tap((l) => seen.push(l))));
    await expect(headerOnly).rejects.toThrow('stopped without an end record before any data record');
    expect(seen.at(-1)).toEqual({ kind: 'cut-off', sessionId: 's1', lastSeq: null });
    seen.length = 0;
    await expect(lastValueFrom(from([] as WireRecord[]).pipe(detectorEstimates(), tap((l) => seen.push(l))))).rejects.toThrow('detector: the input ended before any header: it holds no stream');
    expect(seen).toEqual([{ kind: 'cut-off', lastSeq: null }]);
  });

  it('the filter starts from the scenario\'s initial state only on a record from its start: a loss at the head (announced or not) or a late first block gives filter-failed and no filtered line', async () => {
    // a filterable scenario: the one `qsync emit` streams (step 0.02 = sample spacing, currents I0, I1)
    const scenario = JSON.parse(readFileSync(new URL('../../scenarios/vdp-pair-heterodyne-stream.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const step = 0.02;
    const wireOf = (start: number): WireRecord[] => {
      const out: SampleRecord[] = [streamSchema({ channels: { I0: { kind: 'complex' }, I1: { kind: 'complex' } }, rate: 1 / step })];
      for (let k = 0; k < 6; k++) out.push(sampleBlock({ t0: start + 5 * k * step, dt: step, columns: { I0: { kind: 'complex', data: new Float64Array(10) }, I1: { kind: 'complex', data: new Float64Array(10) } } }));
      const wire: WireRecord[] = [];
      from(out).pipe(toWire(wireHeader({ name: 'I', sourceId: 'spec', sessionId: 'f', scenario }))).subscribe((r) => wire.push(r));
      return wire; // header, blocks 0…5, end 6
    };
    const kinds = (lines: readonly DetectorLine[]) => lines.map((l) => l.kind);
    const wire = wireOf(0);
    // the whole record: a filtered line per block (the filter is set up)
    expect(kinds(await run(wire)).filter((k) => k === 'filtered')).toHaveLength(6);
    const headGap: WireRecord = { kind: 'gap', seq: 2, samples: 10, firstSeq: 0, lastSeq: 1 };
    for (const [input, reason] of [
      [[wire[0], headGap, ...wire.slice(3)], "records 0…1 lost before the first block received: the filter needs the record from the scenario's start (t = 0)"],
      [[wire[0], ...wire.slice(3)], "records 0…1 lost before the first block received: the filter needs the record from the scenario's start (t = 0)"],
      [wireOf(0.4), "the first block starts at t = 0.4, not at the scenario's start t = 0: the filter needs the record from there"],
    ] as const) {
      const lines = await run(input);
      expect(kinds(lines)).not.toContain('filtered');
      expect(lines.filter((l) => l.kind === 'filter-failed')).toEqual([{ kind: 'filter-failed', sessionId: 'f', reason }]);
      expect(lines.at(-1)).toEqual({ kind: 'end', sessionId: 'f', records: 6 });
    }
  });

  it('data before any header is an error', async () => {
    await expect(run(records(10).slice(1))).rejects.toThrow("detector: 'block' before any header");
  });
});
