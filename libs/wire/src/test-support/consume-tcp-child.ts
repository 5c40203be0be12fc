/**
 * A consumer process for the kill-and-restart spec: `fromTcp({ connect: argv[2], lastSeq: argv[3] })`,
 * one JSON line per record on stdout (kind, seq, and a notice's firstSeq, lastSeq, samples).
 */
import { fromTcp } from '../from-tcp';

const lastSeq = process.argv[3] === 'null' ? null : Number(process.argv[3]);
fromTcp({ connect: process.argv[2], lastSeq, consumer: 'child' }).subscribe({
  next: (r) => {
    const line =
      r.kind === 'gap' || r.kind === 'dropped'
        ? { kind: r.kind, seq: r.seq, firstSeq: r.firstSeq, lastSeq: r.lastSeq, samples: r.samples }
        : { kind: r.kind, seq: r.kind === 'header' ? null : r.seq };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  },
  error: (e: Error) => {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 1;
  },
});
