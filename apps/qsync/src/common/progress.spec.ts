import { describe, expect, it } from 'vitest';
import { silentProgress, terminalProgress } from './progress';
import { fakeTty } from '../test-support/fake-tty';

describe('terminalProgress', () => {
  it('shows a status line with a spinner frame and clears it on stop', () => {
    const { stream, text } = fakeTty();
    const p = terminalProgress(stream);
    p.status('solving for the steady state');
    expect(text()).toContain('⠋ solving for the steady state');
    p.stop();
    expect(text().endsWith('\r\x1b[2K')).toBe(true);
  });

  it('draws a bar for counted work with the label and done/total', () => {
    const { stream, text } = fakeTty();
    const p = terminalProgress(stream);
    p.status('building');
    p.count('time evolution', 3, 10);
    p.count('time evolution', 10, 10);
    p.stop();
    expect(text()).toContain('time evolution [');
    expect(text()).toMatch(/\d+\/10/);
  });
});

describe('silentProgress', () => {
  it('accepts every call and shows nothing', () => {
    expect(() => {
      silentProgress.status('x');
      silentProgress.count('y', 1, 2);
      silentProgress.stop();
    }).not.toThrow();
  });
});
