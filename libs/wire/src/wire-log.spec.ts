import { describe, expect, it } from 'vitest';
import { channelBlock } from './test-support/channel-stream';
import { WireLog, wireDataBytes } from './wire-log';

describe('WireLog: the sample counts of trimmed records', () => {
  /** a log of `n` blocks of lengths `length(seq)`, trimmed to its last `keep`; also the true running sums */
  function trimmedLog(n: number, keep: number, length: (seq: number) => number) {
    const log = new WireLog();
    const before = [0];
    for (let seq = 0; seq < n; seq++) {
      const record = channelBlock(seq, before[seq], length(seq), 1);
      log.append(record, wireDataBytes(record));
      before.push(before[seq] + length(seq));
      if (log.length > keep) log.shift();
    }
    return { log, before };
  }

  it('equal blocks cost one run; counts are exact at every trimmed seq', () => {
    const { log, before } = trimmedLog(5000, 10, () => 7);
    expect(log.runCount).toBe(1);
    for (const seq of [0, 1, 2500, 4989, 4990, 5000]) expect(log.samplesBeforeSeq(seq)).toBe(before[seq]);
  });

  it('a block length that changes with every block keeps the run list bounded (2·maxRuns − 1), and exact over the newest maxRuns − 1 runs', () => {
    const n = 5 * WireLog.maxRuns;
    const length = (seq: number): number => 1 + (seq % 3); // 1, 2, 3, 1, …: every record starts a run
    const { log, before } = trimmedLog(n, 4, length);
    // without the bound the list holds one run per trimmed record (n − 4)
    expect(log.runCount).toBeLessThan(2 * WireLog.maxRuns);
    expect(log.runCount).toBeGreaterThanOrEqual(WireLog.maxRuns);
    // every seq of the newest maxRuns − 1 trimmed records, and the held ones: exact
    for (let seq = n - 4 - (WireLog.maxRuns - 1); seq <= n; seq++) expect(log.samplesBeforeSeq(seq)).toBe(before[seq]);
    expect(log.samplesBetween(n - 3000, n - 1)).toBe(before[n] - before[n - 3000]);
    // seq 0 (the merged run's start) is exact too; inside the merged run the mean-length estimate
    // (2 samples a record here) is within 1 sample of the truth for this periodic stream
    expect(log.samplesBeforeSeq(0)).toBe(0);
    for (const seq of [1, 2, 100, 101, 102]) expect(Math.abs(log.samplesBeforeSeq(seq) - before[seq])).toBeLessThanOrEqual(1);
  });
});
