import { describe, expect, it } from 'vitest';
import { formatRunLine } from './format-run-line';

const head = { date: '2026-12-06T12:00:00.000Z', mode: 'quick', machine: { node: 'v20', cpu: 'cpu', cores: 2, loadBefore: [0.123, 1, 2], loadAfter: [3, 4, 5.555] } } as const;

describe('formatRunLine', () => {
  it('names the run, the machine and the tools, with the load to two decimals', () => {
    expect(formatRunLine(head, 'NumPy 1.24 (Python 3.11)')).toBe(
      'Run 2026-12-06T12:00:00.000Z (quick). Node v20, cpu (2 cores), NumPy 1.24 (Python 3.11). ' +
        'Load average (1 / 5 / 15 min) before 0.12 / 1.00 / 2.00, after 3.00 / 4.00 / 5.55.',
    );
  });

  it('appends the mode note inside the parentheses', () => {
    expect(formatRunLine(head, 'QuTiP 4.7.1', ': fewer repetitions')).toMatch(/^Run \S+ \(quick: fewer repetitions\)\. Node/);
  });
});
