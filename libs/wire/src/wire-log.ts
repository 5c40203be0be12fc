import type { WireData } from './wire-record';

/**
 * The sender's log of data records, indexed by seq, with running totals of bytes and samples so
 * that any range's size is two subtractions. Internal to the hub: it holds each record once,
 * whatever the number of consumers, and trims its front when asked.
 *
 * Records trimmed off the front leave only their sample counts behind, run-length encoded
 * (equal blocks cost one run), so that a gap notice can still say exactly how many samples
 * are gone. The run list is bounded: when it reaches 2·{@link WireLog.maxRuns} runs (a stream whose
 * block length keeps changing), its oldest WireLog.maxRuns + 1 runs are merged into one that keeps
 * only their record and sample totals. Sample counts stay exact at every seq of the newest
 * WireLog.maxRuns − 1 runs and at the bounds of the merged run. Inside the merged run (only a
 * consumer resuming from more than WireLog.maxRuns changes of block length before the history's
 * start lands there) the count is estimated from the run's mean block length: the records gone
 * are still exact, their samples are not.
 */
export class WireLog {
  /** runs of sample counts kept exact: 4096 changes of block length (the list holds at most 2·4096 − 1, about 400 kB) */
  static readonly maxRuns = 4096;

  /** seq of records[head] */
  private first = 0;
  private head = 0;
  /** slots before `head` are emptied (undefined) at once so that their records can be collected */
  private readonly records: (WireData | undefined)[] = [];
  /** bytes / samples of all records before records[i] (since seq 0), per entry */
  private readonly bytesBefore: number[] = [];
  private readonly samplesBefore: number[] = [];
  private totalBytes = 0;
  private totalSamples = 0;
  /**
   * trimmed records' samples: runs of `count` records with `each` samples, from seq `from`
   * (`each` is the mean of a merged run, which is never extended)
   */
  private runs: { from: number; count: number; each: number; before: number; merged: boolean }[] = [];

  /** runs of trimmed records' sample counts held now (at most 2·WireLog.maxRuns − 1) */
  get runCount(): number {
    return this.runs.length;
  }

  /** seq the next appended record gets */
  get nextSeq(): number {
    return this.first + this.records.length - this.head;
  }

  /** seq of the oldest record still held */
  get firstSeq(): number {
    return this.first;
  }

  /** records held */
  get length(): number {
    return this.records.length - this.head;
  }

  /** bytes held (payload estimate, see {@link wireDataBytes}) */
  get bytes(): number {
    return this.length === 0 ? 0 : this.totalBytes - this.bytesBefore[this.head];
  }

  append(record: WireData, bytes: number): void {
    this.records.push(record);
    this.bytesBefore.push(this.totalBytes);
    this.samplesBefore.push(this.totalSamples);
    this.totalBytes += bytes;
    this.totalSamples += wireDataSamples(record);
  }

  /** the record with this seq (it must be held) */
  at(seq: number): WireData {
    return this.records[this.head + seq - this.first] as WireData;
  }

  /** bytes of records seq … nextSeq − 1 (seq ≥ firstSeq) */
  bytesFrom(seq: number): number {
    return seq >= this.nextSeq ? 0 : this.totalBytes - this.bytesBefore[this.head + seq - this.first];
  }

  /** samples of all records before `seq` (any seq ≤ nextSeq, held or trimmed) */
  samplesBeforeSeq(seq: number): number {
    if (seq >= this.nextSeq) return this.totalSamples;
    if (seq >= this.first) return this.samplesBefore[this.head + seq - this.first];
    // trimmed: find its run (binary search on `from`)
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.runs[mid].from <= seq) lo = mid;
      else hi = mid - 1;
    }
    const run = this.runs[lo];
    if (run === undefined) return 0;
    return run.merged ? run.before + Math.round((seq - run.from) * run.each) : run.before + (seq - run.from) * run.each;
  }

  /** false when samplesBeforeSeq(seq) is an estimate: seq lies strictly inside the merged run */
  samplesExactAt(seq: number): boolean {
    const run = this.runs[0];
    return !(run !== undefined && run.merged && seq > run.from && seq < run.from + run.count);
  }

  /** samples of records a … b (inclusive) */
  samplesBetween(a: number, b: number): number {
    return this.samplesBeforeSeq(b + 1) - this.samplesBeforeSeq(a);
  }

  /** drops the oldest record */
  shift(): void {
    const record = this.records[this.head] as WireData;
    this.records[this.head] = undefined;
    const each = wireDataSamples(record);
    const last = this.runs[this.runs.length - 1];
    if (last !== undefined && last.each === each && !last.merged) last.count++;
    else {
      this.runs.push({ from: this.first, count: 1, each, before: this.samplesBefore[this.head], merged: false });
      if (this.runs.length >= 2 * WireLog.maxRuns) this.mergeOldestRuns();
    }
    this.head++;
    this.first++;
    // compact now and then: amortized O(1), and the arrays never hold more than 2× what is kept
    if (this.head >= 1024 && this.head * 2 >= this.records.length) {
      this.records.splice(0, this.head);
      this.bytesBefore.splice(0, this.head);
      this.samplesBefore.splice(0, this.head);
      this.head = 0;
    }
  }

  /** merges the oldest WireLog.maxRuns + 1 runs into one that keeps their totals (amortized O(1) a run) */
  private mergeOldestRuns(): void {
    const end = this.runs[WireLog.maxRuns + 1]; // the first run kept as it is
    const first = this.runs[0];
    const count = end.from - first.from;
    const merged = { from: first.from, count, each: (end.before - first.before) / count, before: first.before, merged: true };
    this.runs = [merged, ...this.runs.slice(WireLog.maxRuns + 1)];
  }
}

/** Samples a data record carries: a block's length, 1 for a frame. */
export function wireDataSamples(record: WireData): number {
  return record.kind === 'block' ? record.block.length : 1;
}

/**
 * Payload bytes of a data record as the buffers account them: its Float64 data (8 bytes a
 * number) plus 64 bytes per column or channel for names and framing. An estimate of the
 * encoded size, close for blocks of more than a few samples.
 */
export function wireDataBytes(record: WireData): number {
  let bytes = 64;
  if (record.kind === 'block') {
    for (const name in record.block.columns) bytes += 64 + record.block.columns[name].data.byteLength;
  } else {
    for (const name in record.frame.channels) {
      const channel = record.frame.channels[name];
      bytes += 64 + (channel.kind === 'array' ? channel.data.byteLength : 16);
    }
  }
  return bytes;
}
