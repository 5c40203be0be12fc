// `npm run bench:wire` (tools/bench/src/wire-main.ts): the wire transports of @qsync/wire on
// loopback, producer and consumer in one process (LSL's "one machine" figure): added latency
// p50/p99 of single-sample records sent 1 ms apart (publish into the hub → decoded record in the
// consumer's hands) and throughput in complex samples per second for blocks of 1, 64 and 4096
// samples (one complex channel, a pausing producer, as fast as the consumer takes them). Prints
// the table, writes tools/bench/out/wire-<timestamp>.json and (full runs) the benchmark section
// of libs/wire/README.md.
import { Subject } from 'rxjs';
import type { Observable, OperatorFunction } from 'rxjs';
import { sampleBlock, streamSchema } from '@qsync/frames';
import { createWireHub, fromTcp, fromWebSocket, toTcp, toWebSocket, WIRE_VERSION } from '@qsync/wire';
import type { WireHeader, WireRecord, WireSinkConfig, WireSinkEvent, WireSourceConfig } from '@qsync/wire';
import { integerArgument } from './integer-argument';
import { parseBenchCommandLine } from './parse-bench-command-line';
import { runBenchProgram } from './run-bench-program';

const START = '<!-- wire-bench:start -->';
const END = '<!-- wire-bench:end -->';

interface Transport {
  readonly name: string;
  readonly to: (config: WireSinkConfig) => OperatorFunction<WireRecord, WireSinkEvent>;
  readonly from: (config: WireSourceConfig) => Observable<WireRecord>;
}
const TRANSPORTS: readonly Transport[] = [
  { name: 'TCP', to: toTcp, from: fromTcp },
  { name: 'WebSocket', to: toWebSocket, from: fromWebSocket },
];

const header = (): WireHeader => ({
  kind: 'header',
  version: WIRE_VERSION,
  name: 'bench',
  schema: streamSchema({ channels: { J: { kind: 'complex' } }, rate: 1000 }),
  provenance: { sourceId: 'bench', sessionId: `bench-${Date.now()}`, createdAt: new Date().toISOString(), qsyncVersion: '0.1.0' },
});

const block = (seq: number, length: number, stamp: number): WireRecord => {
  const data = new Float64Array(2 * length);
  data[0] = stamp;
  for (let k = 1; k < data.length; k++) data[k] = k;
  return { kind: 'block', seq, block: sampleBlock({ t0: seq * length * 1e-3, dt: 1e-3, columns: { J: { kind: 'complex', data } } }) };
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** serves a hub over the transport and connects one consumer; resolves when the consumer is attached */
async function connectPair(transport: Transport, onRecord: (r: WireRecord) => void, buffer: WireSinkConfig['buffer']) {
  const hub = createWireHub({ buffer, history: { records: 64 } });
  const source = new Subject<WireRecord>();
  let url = '';
  const listening = new Promise<void>((resolve) =>
    source.pipe(transport.to({ listen: { port: 0 }, hub })).subscribe((e) => {
      if (e.kind === 'listening') {
        url = e.url;
        resolve();
      }
    }),
  );
  await listening;
  let completed!: () => void;
  const done = new Promise<void>((resolve) => (completed = resolve));
  const consumer = transport.from({ connect: url }).subscribe({ next: onRecord, complete: () => completed() });
  await hub.ready();
  await sleep(0);
  return { hub, source, done, consumer };
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** added latency of `count` one-sample records sent `gapMs` apart: publish → decoded in the consumer, in ms */
async function latency(transport: Transport, count: number, gapMs: number): Promise<{ p50: number; p99: number; max: number; count: number }> {
  const delays: number[] = [];
  const pair = await connectPair(
    transport,
    (r) => {
      if (r.kind === 'block') delays.push(performance.now() - r.block.columns.J.data[0]);
    },
    { records: 1024 },
  );
  pair.source.next(header());
  for (let seq = 0; seq < count; seq++) {
    pair.source.next(block(seq, 1, performance.now()));
    await sleep(gapMs);
  }
  pair.source.complete();
  await pair.done;
  const sorted = delays.slice(100).sort((a, b) => a - b); // the first 100 warm the JIT
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1], count: sorted.length };
}

/** complex samples per second through the transport, blocks of `length`, `samples` in all, best of `reps` */
async function throughput(transport: Transport, length: number, samples: number, reps: number): Promise<{ samplesPerSecond: number; mbPerSecond: number }> {
  let best = Infinity;
  const records = Math.ceil(samples / length);
  for (let rep = 0; rep < reps; rep++) {
    let received = 0;
    const pair = await connectPair(
      transport,
      (r) => {
        if (r.kind === 'block') received += r.block.length;
      },
      { records: 256, policy: 'pause' },
    );
    const template = block(0, length, 0);
    const begin = performance.now();
    pair.source.next(header());
    for (let seq = 0; seq < records; seq++) {
      if (!pair.hub.open) await pair.hub.ready(); // the producer waits at the gate: nothing is dropped
      pair.source.next(template.kind === 'block' ? { kind: 'block', seq, block: template.block } : template);
    }
    pair.source.complete();
    await pair.done;
    const seconds = (performance.now() - begin) / 1e3;
    if (received !== records * length) throw new Error(`wire bench: ${transport.name} delivered ${received} of ${records * length} samples`);
    best = Math.min(best, seconds);
  }
  const total = records * length;
  return { samplesPerSecond: total / best, mbPerSecond: (total * 16) / best / 1e6 };
}

interface WireBenchOptions {
  readonly latencyCount: number;
  readonly samples: number;
  readonly reps: number;
  readonly quick: boolean;
  readonly writeReadme: boolean;
}

function parseArgs(argv: readonly string[]): WireBenchOptions {
  const o = parseBenchCommandLine<{ latency?: number; samples?: number; reps?: number }>(
    {
      name: 'wire bench',
      script: 'bench:wire',
      description: 'added latency and throughput of the @qsync/wire transports (TCP, WebSocket) on loopback',
      readmeSection: 'benchmark section of libs/wire/README.md (not tools/bench/README.md)',
      options: (c) =>
        c
          .option('--latency <n>', 'records timed per transport, 1 ms apart, an integer 200…100000 (default 3000; 400 with --quick)', integerArgument(200, 100_000))
          .option('--samples <n>', 'complex samples per throughput run, an integer 4096…1e8 (default 4194304; 262144 with --quick)', integerArgument(4096, 100_000_000))
          .option('--reps <n>', 'throughput runs per case, the fastest counts, an integer 1…100 (default 3; 1 with --quick)', integerArgument(1, 100))
          .option('--quick', 'fewer records and samples, one run per case; the README is left alone'),
    },
    argv,
  );
  return {
    latencyCount: o.latency ?? (o.quick ? 400 : 3000),
    samples: o.samples ?? (o.quick ? 262_144 : 4_194_304),
    reps: o.reps ?? (o.quick ? 1 : 3),
    quick: o.quick,
    writeReadme: o.writeReadme,
  };
}

const fmt = (x: number, digits = 3): string => x.toPrecision(digits);

void runBenchProgram(
  {
    name: 'wire bench',
    file: 'wire',
    parseArgs,
    readme: { start: START, end: END, section: 'benchmark section' },
    async measure(opts, { log, header: runHeader }) {
      const latencies = [];
      const rates = [];
      for (const transport of TRANSPORTS) {
        log(`${transport.name}: latency of ${opts.latencyCount} records`);
        latencies.push({ transport: transport.name, ...(await latency(transport, opts.latencyCount + 100, 1)) });
        for (const length of [1, 64, 4096]) {
          // blocks of one sample: fewer samples, the per-record cost dominates
          const samples = length === 1 ? Math.min(opts.samples, opts.quick ? 20_000 : 200_000) : opts.samples;
          log(`${transport.name}: throughput, blocks of ${length}, ${samples} samples`);
          rates.push({ transport: transport.name, length, samples, ...(await throughput(transport, length, samples, opts.reps)) });
        }
      }
      const report = { ...runHeader({}), latencies, rates };
      const load = report.machine.loadBefore.map((x) => x.toFixed(2)).join(', ');
      const loadAfter = report.machine.loadAfter.map((x) => x.toFixed(2)).join(', ');
      const text = [
        `Measured ${report.date.slice(0, 16).replace('T', ' ')} UTC (${opts.quick ? 'quick' : 'full'} run, \`npm run bench:wire\`), node ${process.version},`,
        `${report.machine.cores} × ${report.machine.cpu}; load average ${load} before, ${loadAfter} after (a shared 2-core machine: other jobs ran).`,
        'Producer and consumer in one process on loopback; one complex channel.',
        '',
        '| transport | added latency p50 | p99 | max | records timed |',
        '| --- | --- | --- | --- | --- |',
        ...latencies.map((l) => `| ${l.transport} | ${fmt(l.p50 * 1e3)} µs | ${fmt(l.p99 * 1e3)} µs | ${fmt(l.max * 1e3)} µs | ${l.count} |`),
        '',
        '| transport | block (samples) | complex samples/s | MB/s of samples |',
        '| --- | --- | --- | --- |',
        ...rates.map((r) => `| ${r.transport} | ${r.length} | ${fmt(r.samplesPerSecond)} | ${fmt(r.mbPerSecond)} |`),
      ].join('\n');
      return { report, raw: {}, text };
    },
  },
  process.argv.slice(2),
  { outDir: new URL('../out/', import.meta.url).pathname, readme: new URL('../../../libs/wire/README.md', import.meta.url).pathname },
);
