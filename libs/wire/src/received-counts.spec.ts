import { describe, expect, it } from 'vitest';
import { ReceivedCounts } from './received-counts';

describe('ReceivedCounts: the samples of seqs a consumer passed on', () => {
  it('sums any range of received seqs, inside runs of equal blocks too; a seq never received makes it unknown', () => {
    const counts = new ReceivedCounts();
    for (let seq = 0; seq < 10; seq++) counts.record(seq, 4); // one run of 4-sample blocks
    counts.record(10, 7);
    counts.record(12, 1); // 11 never received
    expect(counts.samplesBetween(3, 5)).toBe(12);
    expect(counts.samplesBetween(8, 10)).toBe(15);
    expect(counts.samplesBetween(0, 10)).toBe(47);
    expect(counts.samplesBetween(10, 12)).toBeNull();
    expect(counts.samplesBetween(12, 12)).toBe(1);
    expect(counts.samplesBetween(13, 13)).toBeNull();
  });

  it("a loss notice's total counts only for ranges covering all of it; clear() forgets everything", () => {
    const counts = new ReceivedCounts();
    counts.record(0, 2);
    counts.recordLoss(1, 4, 30);
    counts.record(5, 3);
    expect(counts.samplesBetween(0, 5)).toBe(35);
    expect(counts.samplesBetween(1, 4)).toBe(30);
    expect(counts.samplesBetween(0, 3)).toBeNull();
    expect(counts.samplesBetween(2, 5)).toBeNull();
    counts.clear();
    expect(counts.samplesBetween(0, 0)).toBeNull();
  });

  it(`is bounded: at 2·${ReceivedCounts.maxRuns} runs it forgets all but the newest ${ReceivedCounts.maxRuns}`, () => {
    const counts = new ReceivedCounts();
    const n = 2 * ReceivedCounts.maxRuns; // every seq a run: seqs 0 … n − 1
    for (let seq = 0; seq < n - 1; seq++) counts.record(seq, 1 + (seq % 2));
    expect(counts.samplesBetween(0, n - 2)).toBe(((n - 2) / 2) * 3 + 1); // all held until the 2·maxRuns-th
    counts.record(n - 1, 2);
    expect(counts.samplesBetween(n - ReceivedCounts.maxRuns - 1, n - ReceivedCounts.maxRuns - 1)).toBeNull();
    expect(counts.samplesBetween(n - ReceivedCounts.maxRuns, n - 1)).toBe(ReceivedCounts.maxRuns * 1.5);
  });
});
