// qsync emit / detect / record / replay in one process, over real loopback sockets and files:
// the detector's numbers against the same trajectory computed in-process by another path
// (`unravelingTrajectory`: the whole trajectory at once, no blocks, no wire).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { currentPhaseHistogram } from '@qsync/probes';
import { createWireDecoder } from '@qsync/wire';
import { afterAll, describe, expect, it } from 'vitest';
import { unravelingTrajectory } from '../run/unraveling-trajectory';
import { detectCommand } from './detect-command';
import type { DetectorLine } from './detector-estimates';
import { emitCommand, replayCommand } from './emit-command';
import { scenarioCurrents } from './scenario-currents';

const scenario = new URL('../../scenarios/vdp-pair-heterodyne-stream.json', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'qsync-stream-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const quiet = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;

/** The trajectory's currents computed in-process in one piece: I0, I1 interleaved (re, im). */
async function inProcessCurrents(): Promise<{ I0: Float64Array; I1: Float64Array; nA: Float64Array }> {
  const c = scenarioCurrents(scenario);
  const columns = await unravelingTrajectory({ ...c.config, observables: { nA: 'na' } }, 0, c.scenario.noiseSeed);
  return { I0: columns.I0.data, I1: columns.I1.data, nA: columns['obs:nA'].data };
}

/** A detector listening on an ephemeral port, its JSON lines collected. */
function startDetector(listen = 'tcp://127.0.0.1:0') {
  const lines: (DetectorLine | { kind: 'listening'; url: string })[] = [];
  let onUrl: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => (onUrl = resolve));
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  const stdout = {
    write(text: string) {
      for (const line of text.split('\n').filter((l) => l !== '')) {
        const parsed = JSON.parse(line) as (typeof lines)[number];
        lines.push(parsed);
        if (parsed.kind === 'listening') onUrl(parsed.url);
      }
      for (const w of waiters.splice(0)) if (w.test()) w.resolve(); else waiters.push(w);
      return true;
    },
  };
  const done = detectCommand({ listen, bins: '32' }, { stdout, stderr: quiet });
  const until = (test: () => boolean): Promise<void> => (test() ? Promise.resolve() : new Promise((resolve) => waiters.push({ test, resolve })));
  return { lines, url, done, until };
}

const histograms = (lines: readonly { kind: string }[]) => lines.filter((l): l is Extract<DetectorLine, { kind: 'phase-histogram' }> => l.kind === 'phase-histogram');

describe('qsync emit → qsync detect over loopback', () => {
  it("the detector's final phase-difference histogram equals, count for count, the in-process one of the same scenario and seed", async () => {
    const expected = await inProcessCurrents();
    const detector = startDetector();
    await emitCommand(scenario, { to: await detector.url, block: '25', buffer: '4' }, { stdout: quiet, stderr: quiet });
    await detector.done;
    const last = histograms(detector.lines).at(-1);
    const h = currentPhaseHistogram(expected.I0, expected.I1, { bins: 32 });
    expect(last?.samples).toBe(2001);
    expect(last?.counts).toEqual(Array.from(h.counts));
    // every sample in some bin, spread over the circle (the detector noise of Eq. 3.15 dominates a single sample)
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(2001);
    expect(h.counts.filter((c) => c > 0).length).toBeGreaterThan(24);
    const sessions = detector.lines.filter((l): l is Extract<DetectorLine, { kind: 'session' }> => l.kind === 'session');
    expect(sessions).toHaveLength(1);
    expect(sessions[0].estimates).toEqual(['phase-histogram I0 I1', 'spectrum I0', 'spectrum I1', 'filtered nA nB']);
    expect(detector.lines.at(-1)).toMatchObject({ kind: 'end', records: 81 });
    // the filter of the record (step = sample spacing here) is the trajectory's conditional state
    const filtered = detector.lines.filter((l): l is Extract<DetectorLine, { kind: 'filtered' }> => l.kind === 'filtered').at(-1);
    expect(filtered?.t).toBeCloseTo(40, 12);
    expect(Math.abs((filtered?.expect.nA[0] ?? NaN) - expected.nA[2 * 2000])).toBeLessThan(1e-9);
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine

  it('over WebSocket (ws://HOST:PORT/PATH) too: the same counts', async () => {
    const expected = await inProcessCurrents();
    const detector = startDetector('ws://127.0.0.1:0/currents');
    const url = await detector.url;
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/currents$/);
    await emitCommand(scenario, { to: url, block: '50', buffer: '2' }, { stdout: quiet, stderr: quiet });
    await detector.done;
    const h = currentPhaseHistogram(expected.I0, expected.I1, { bins: 32 });
    expect(histograms(detector.lines).at(-1)?.counts).toEqual(Array.from(h.counts));
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine

  it('a producer killed mid-stream and started again resumes the same session: the detector runs on and its final counts equal the in-process ones', async () => {
    const expected = await inProcessCurrents();
    const detector = startDetector();
    const url = await detector.url;
    const kill = new AbortController();
    const first = emitCommand(scenario, { to: url, block: '10', buffer: '2' }, { stdout: quiet, stderr: quiet }, 'emit', kill.signal);
    await detector.until(() => histograms(detector.lines).length >= 20);
    kill.abort();
    await first;
    const before = histograms(detector.lines).at(-1)?.samples ?? 0;
    expect(before).toBeGreaterThanOrEqual(200);
    expect(before).toBeLessThan(2001); // killed mid-stream
    await emitCommand(scenario, { to: url, block: '10', buffer: '2' }, { stdout: quiet, stderr: quiet });
    await detector.done;
    const all = histograms(detector.lines);
    const h = currentPhaseHistogram(expected.I0, expected.I1, { bins: 32 });
    expect(all.at(-1)?.counts).toEqual(Array.from(h.counts));
    // every sample counted once: the counts only grow, 10 at a time
    expect(all.map((l) => l.samples)).toEqual(Array.from({ length: 201 }, (_, k) => Math.min(10 * (k + 1), 2001)));
    expect(detector.lines.filter((l) => l.kind === 'session')).toHaveLength(1);
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine

  it('a producer of another session (another seed) starts new estimates, and the detector says which session it replaces', async () => {
    const other = join(tmp, 'other-seed.json');
    const raw = JSON.parse(readFileSync(scenario, 'utf8')) as Record<string, unknown>;
    writeFileSync(other, JSON.stringify({ ...raw, noiseSeed: 12, times: { start: 0, stop: 5, count: 251 }, step: 0.01 }));
    const detector = startDetector();
    const url = await detector.url;
    const kill = new AbortController();
    const first = emitCommand(scenario, { to: url, block: '10', buffer: '2' }, { stdout: quiet, stderr: quiet }, 'emit', kill.signal);
    await detector.until(() => histograms(detector.lines).length >= 3);
    kill.abort();
    await first;
    await emitCommand(other, { to: url, block: '10' }, { stdout: quiet, stderr: quiet });
    await detector.done;
    const sessions = detector.lines.filter((l): l is Extract<DetectorLine, { kind: 'session' }> => l.kind === 'session');
    expect(sessions).toHaveLength(2);
    expect(sessions[1].replaces).toBe(sessions[0].sessionId);
    expect(sessions[1].seed).toBe(12);
    // a record twice as coarse as its integration: no filter, and the session line says why
    expect(sessions[0].noFilter).toBeUndefined();
    expect(sessions[1].noFilter).toBe("the stream's sample spacing (0.02) is not its scenario's step 0.01: the filter needs the record as fine as the integration");
    const last = histograms(detector.lines).at(-1);
    expect(last?.sessionId).toBe(sessions[1].sessionId);
    expect(last?.samples).toBe(251); // counted afresh
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine
});

describe('qsync record → qsync replay', () => {
  it('the replayed recording carries the in-process currents bit for bit, in order, from seq 0 to the end', async () => {
    const expected = await inProcessCurrents();
    const recorded = join(tmp, 'currents.qsw');
    const replayed = join(tmp, 'replayed.qsw');
    await emitCommand(scenario, { to: recorded, block: '64' }, { stdout: quiet, stderr: quiet }, 'record');
    await replayCommand(recorded, { to: replayed, pace: 'fast' }, { stdout: quiet, stderr: quiet });
    const bytes = readFileSync(replayed);
    expect(bytes.equals(readFileSync(recorded))).toBe(true);
    const records = createWireDecoder().push(bytes);
    expect(records[0].kind).toBe('header');
    expect(records.at(-1)).toEqual({ kind: 'end', seq: 32 });
    const got = { I0: [] as Float64Array[], I1: [] as Float64Array[] };
    records.forEach((r, k) => {
      if (r.kind !== 'block') return;
      expect(r.seq).toBe(k - 1);
      got.I0.push(r.block.columns.I0.data);
      got.I1.push(r.block.columns.I1.data);
    });
    for (const name of ['I0', 'I1'] as const) {
      const joined = new Float64Array(expected[name].length);
      let at = 0;
      for (const d of got[name]) {
        joined.set(d, at);
        at += d.length;
      }
      expect(at).toBe(2 * 2001);
      // bit for bit: compare the bytes, so −0, NaN payloads and the last ulp all count
      expect(Buffer.from(joined.buffer).equals(Buffer.from(expected[name].buffer))).toBe(true);
    }
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine

  it('replay --pace recorded to a listening detector gives the same final histogram', async () => {
    const expected = await inProcessCurrents();
    const recorded = join(tmp, 'paced.qsw');
    await emitCommand(scenario, { to: recorded }, { stdout: quiet, stderr: quiet }, 'record');
    const detector = startDetector('ws://127.0.0.1:0/currents');
    const t0 = Date.now();
    await replayCommand(recorded, { to: (await detector.url).replace(/\/?$/, ''), pace: 'recorded', timeUnit: '25' }, { stdout: quiet, stderr: quiet });
    await detector.done;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(40 * 25 * 0.95); // 40 time units at 25 ms each
    const h = currentPhaseHistogram(expected.I0, expected.I1, { bins: 32 });
    expect(histograms(detector.lines).at(-1)?.counts).toEqual(Array.from(h.counts));
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine
});

describe('qsync emit --to - | qsync detect --from -', () => {
  it('through a pipe: the final histogram equals the in-process one', async () => {
    const expected = await inProcessCurrents();
    const pipe = new PassThrough();
    const printed: string[] = [];
    const detected = detectCommand({ from: '-' }, { stdout: { write: (t: string) => printed.push(t) }, stderr: quiet, stdin: pipe });
    await emitCommand(scenario, { to: '-' }, { stdout: pipe as unknown as NodeJS.WriteStream, stderr: quiet });
    pipe.end();
    await detected;
    const lines = printed.join('').trim().split('\n').map((l) => JSON.parse(l) as DetectorLine);
    const h = currentPhaseHistogram(expected.I0, expected.I1, { bins: 32 });
    expect(histograms(lines).at(-1)?.counts).toEqual(Array.from(h.counts));
    expect(lines.at(-1)).toMatchObject({ kind: 'end', records: 21 });
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine
});

describe('the detector\'s quantum filter', () => {
  it('with the record as fine as the integration (step = sample spacing), the filtered ⟨n_A⟩, ⟨n_B⟩ are the trajectory\'s conditional ones', async () => {
    const fine = join(tmp, 'fine-step.json');
    const raw = JSON.parse(readFileSync(scenario, 'utf8')) as Record<string, unknown>;
    writeFileSync(fine, JSON.stringify({ ...raw, times: { start: 0, stop: 10, count: 501 }, step: 0.02 }));
    const c = scenarioCurrents(fine);
    const truth = await unravelingTrajectory({ ...c.config, observables: { nA: 'na', nB: 'nb' } }, 0, c.scenario.noiseSeed);
    const recorded = join(tmp, 'fine.qsw');
    await emitCommand(fine, { to: recorded, block: '50' }, { stdout: quiet, stderr: quiet }, 'record');
    const printed: string[] = [];
    await detectCommand({ from: recorded }, { stdout: { write: (t: string) => printed.push(t) }, stderr: quiet });
    const lines = printed.join('').trim().split('\n').map((l) => JSON.parse(l) as DetectorLine);
    const filtered = lines.filter((l): l is Extract<DetectorLine, { kind: 'filtered' }> => l.kind === 'filtered');
    expect(filtered).toHaveLength(11);
    for (const line of filtered) {
      const k = Math.round(line.t / 0.02);
      for (const name of ['nA', 'nB'] as const) {
        const want = truth[`obs:${name}`].data[2 * k];
        expect(Math.abs(line.expect[name][0] - want)).toBeLessThan(1e-9 * Math.max(1, want));
      }
    }
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine
});

describe('bad input', () => {
  const io = { stdout: quiet, stderr: quiet };
  it('names the option and what it expected', async () => {
    await expect(emitCommand(scenario, { to: 'udp://127.0.0.1:7000' }, io)).rejects.toThrow(/^--to: unknown scheme 'udp:' in udp:\/\/127.0.0.1:7000; expected tcp:\/\/HOST:PORT/);
    await expect(emitCommand(scenario, { to: 'tcp://127.0.0.1' }, io)).rejects.toThrow('--to: tcp://127.0.0.1 has no port; expected tcp://HOST:PORT');
    await expect(emitCommand(scenario, { to: 'ws://127.0.0.1/x' }, io)).rejects.toThrow('--to: ws://127.0.0.1/x has no port');
    await expect(emitCommand(scenario, { to: 'tcp://127.0.0.1:70000' }, io)).rejects.toThrow('--to: port 70000 in tcp://127.0.0.1:70000 is not in 0…65535');
    await expect(emitCommand(scenario, { to: 'x.qsw', block: '0' }, io)).rejects.toThrow("--block: must be an integer ≥ 1, got 0");
    await expect(emitCommand(scenario, { to: 'tcp://127.0.0.1:7000' }, io, 'record')).rejects.toThrow("--to: takes a file, -; got tcp://127.0.0.1:7000");
    await expect(detectCommand({ listen: 'http://127.0.0.1:7000' }, io)).rejects.toThrow(/^--listen: unknown scheme 'http:'/);
    await expect(detectCommand({ listen: 'x.qsw' }, io)).rejects.toThrow('--listen: takes tcp://HOST:PORT, ws://HOST:PORT/PATH; got x.qsw');
    await expect(detectCommand({}, io)).rejects.toThrow('--listen: give exactly one of');
    await expect(detectCommand({ from: 'x.qsw', segment: '48' }, io)).rejects.toThrow('--segment: must be a power of two ≥ 2, got 48');
    await expect(replayCommand('x.qsw', { to: '-', pace: 'slow' }, io)).rejects.toThrow("--pace: must be 'recorded' or 'fast', got 'slow'");
  });

  it('refuses a scenario without currents, saying why', async () => {
    const io2 = { stdout: quiet, stderr: quiet };
    const steady = new URL('../../scenarios/default.json', import.meta.url).pathname;
    await expect(emitCommand(steady, { to: join(tmp, 'x.qsw') }, io2)).rejects.toThrow(/^scenario.method: 'steady-state' produces no detector currents/);
    const counting = join(tmp, 'counting.json');
    const raw = JSON.parse(readFileSync(scenario, 'utf8')) as Record<string, unknown>;
    writeFileSync(counting, JSON.stringify({ ...raw, unraveling: 'photon-counting', step: undefined }));
    await expect(emitCommand(counting, { to: join(tmp, 'x.qsw') }, io2)).rejects.toThrow(/^scenario.unraveling: 'photon-counting' produces clicks/);
  });
});
