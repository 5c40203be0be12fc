import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jobId } from './job-id';

describe('jobId', () => {
  it('is the SHA-256 of the canonical JSON of { params, task }', () => {
    // the text written out by hand: members sorted, no whitespace
    const text = '{"params":{"gamma":1,"rabi":0.5},"task":"file:///t.ts#f"}';
    const expected = createHash('sha256').update(text).digest('hex');
    expect(jobId('file:///t.ts#f', { rabi: 0.5, gamma: 1 })).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order but on every value and on the task', () => {
    const id = jobId('t', { a: 1, b: 'x', c: true });
    expect(jobId('t', { c: true, b: 'x', a: 1 })).toBe(id);
    expect(jobId('t', { a: 1.0000000000000002, b: 'x', c: true })).not.toBe(id);
    expect(jobId('t', { a: 1, b: 'x', c: false })).not.toBe(id);
    expect(jobId('u', { a: 1, b: 'x', c: true })).not.toBe(id);
    expect(jobId('t', { a: 1, b: 'x' })).not.toBe(id);
  });

  it('refuses parameters that are not JSON, naming them', () => {
    expect(() => jobId('t', { rate: NaN })).toThrow(/params\.rate is NaN/);
    expect(() => jobId('', { a: 1 })).toThrow(/argument 'task' must be a non-empty string/);
    expect(() => jobId('t', [1] as unknown as Record<string, unknown>)).toThrow(/argument 'params' must be a plain object/);
  });
});
