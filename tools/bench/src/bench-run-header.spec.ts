import { describe, expect, it } from 'vitest';
import { benchRunHeader } from './bench-run-header';

describe('benchRunHeader', () => {
  it('takes the date and the load now, the mode from quick, and appends the tools after the common fields', () => {
    const before = Date.now();
    const h = benchRunHeader(false, [9, 8, 7], { numpy: '1.24', python: '3.11' });
    expect(Date.parse(h.date)).toBeGreaterThanOrEqual(before - 1);
    expect(h.mode).toBe('full');
    expect(benchRunHeader(true, [], {}).mode).toBe('quick');
    expect(Object.keys(h.machine)).toEqual(['node', 'cpu', 'cores', 'loadBefore', 'loadAfter', 'numpy', 'python']);
    expect(h.machine.node).toBe(process.version);
    expect(h.machine.loadBefore).toEqual([9, 8, 7]);
    expect(h.machine.loadAfter).toHaveLength(3);
  });
});
