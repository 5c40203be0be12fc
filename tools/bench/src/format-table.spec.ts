import { describe, expect, it } from 'vitest';
import { formatTable } from './format-table';

describe('formatTable', () => {
  it('pads columns to the widest cell, first column left, others right (the doc example)', () => {
    expect(formatTable(['N', 'ms'], [['8', '1.5']])).toBe('| N   |  ms |\n| :-- | --: |\n| 8   | 1.5 |');
  });

  it('aligns wide cells and honours explicit alignment', () => {
    const t = formatTable(['task', 'time'], [['rhs', '12.3 µs'], ['mesolve', '1.20 s']], ['left', 'left']);
    expect(t.split('\n')).toEqual([
      '| task    | time    |',
      '| :------ | :------ |',
      '| rhs     | 12.3 µs |',
      '| mesolve | 1.20 s  |',
    ]);
  });

  it('escapes pipes inside cells so the Markdown row keeps its columns', () => {
    const t = formatTable(['x'], [['max|L_kk|']]);
    expect(t.split('\n')[2]).toBe('| max\\|L_kk\\| |');
  });

  it('renders a header-only table when there are no rows', () => {
    expect(formatTable(['a', 'b'], [])).toBe('| a   |   b |\n| :-- | --: |');
  });

  it('rejects no headers, ragged rows and a wrong alignment count', () => {
    expect(() => formatTable([], [])).toThrow(/'headers' must hold at least one/);
    expect(() => formatTable(['a', 'b'], [['1']])).toThrow(/'rows\[0\]' must have 2 cells .* got 1/);
    expect(() => formatTable(['a', 'b'], [['1', '2']], ['left'])).toThrow(/'align' must have 2 entries .* got 1/);
  });
});
