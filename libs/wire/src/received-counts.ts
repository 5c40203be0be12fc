/**
 * A consumer's memory of how many samples each seq it passed on held, so that a loss notice
 * straddling the seq it resumed after can be cut to the part after it exactly: the part before
 * is samples it knows. Run-length encoded (a stream of equal blocks costs one run) and bounded:
 * at 2·{@link ReceivedCounts.maxRuns} runs the oldest are forgotten, down to the newest maxRuns
 * (amortized O(1) a record), and a range reaching into forgotten or never-received seqs has no
 * exact count. Internal to the transports' sources.
 */
export class ReceivedCounts {
  /** runs always kept, the newest (a run is a change of block length, or one notice); at most twice as many are held */
  static readonly maxRuns = 1024;

  /**
   * seqs from … from + count − 1 and their samples in all; `uniform`: each holds samples / count
   * (received records of equal length), else only the whole run's total is known (a notice's)
   */
  private readonly runs: { from: number; count: number; samples: number; uniform: boolean }[] = [];

  /** forgets everything (a new session of the producer: its seqs start afresh) */
  clear(): void {
    this.runs.length = 0;
  }

  /** a data record passed on: seq `seq`, `samples` samples */
  record(seq: number, samples: number): void {
    const last = this.runs[this.runs.length - 1];
    if (last !== undefined && last.uniform && last.from + last.count === seq && last.samples === last.count * samples) {
      last.count++;
      last.samples += samples;
    } else this.push({ from: seq, count: 1, samples, uniform: true });
  }

  /** seqs first … last reported lost with exactly `samples` samples (a notice passed on) */
  recordLoss(first: number, last: number, samples: number): void {
    this.push({ from: first, count: last - first + 1, samples, uniform: false });
  }

  /** the samples of seqs a … b when every one of them is known, else null */
  samplesBetween(a: number, b: number): number | null {
    let total = 0;
    let next = a; // the first seq not yet counted
    for (const run of this.runs) {
      const end = run.from + run.count - 1;
      if (end < next) continue;
      if (run.from > next) return null; // a seq not known
      const upTo = Math.min(end, b);
      if (run.from === next && upTo === end) total += run.samples;
      else if (run.uniform) total += (upTo - next + 1) * (run.samples / run.count);
      else return null; // part of a notice's total
      next = upTo + 1;
      if (next > b) return total;
    }
    return null;
  }

  private push(run: { from: number; count: number; samples: number; uniform: boolean }): void {
    this.runs.push(run);
    if (this.runs.length >= 2 * ReceivedCounts.maxRuns) this.runs.splice(0, this.runs.length - ReceivedCounts.maxRuns);
  }
}
