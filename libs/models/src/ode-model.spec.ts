import { describe, expect, it } from 'vitest';
import { lastValueFrom, toArray } from 'rxjs';
import { expectClose } from '@qsync/testing';
import { channelValue, realChannel } from '@qsync/frames';
import { createOdeModel } from './ode-model';

// ẏ = −y (two components), y(t) = y0 e^{−t}
const decay = createOdeModel({
  fn: 'decay',
  equation: '—',
  parameters: {},
  rhs: (out, y) => {
    out[0] = -y[0];
    out[1] = -y[1];
  },
  y0: Float64Array.of(1, 2),
  observe: (_t, y) => ({ first: realChannel(y[0]), second: realChannel(y[1]) }),
});

describe('createOdeModel', () => {
  it('emits one frame per output time, integrated by Dormand–Prince to its tolerances', async () => {
    const frames = await lastValueFrom(decay.simulate([0, 1, 2, 2]).pipe(toArray()));
    expect(frames.map((f) => f.t)).toEqual([0, 1, 2, 2]);
    expectClose(
      frames.map((f) => channelValue(f, 'second', 'real').value),
      [2, 2 * Math.exp(-1), 2 * Math.exp(-2), 2 * Math.exp(-2)],
      { rtol: 1e-9 },
    );
  });

  it('starts from y0 when given, and initialState() is a fresh copy', async () => {
    const last = await lastValueFrom(decay.simulate([0, 1], { y0: [3, 0] }));
    expectClose(channelValue(last, 'first', 'real').value, 3 * Math.exp(-1), { rtol: 1e-9 });
    const a = decay.initialState();
    a[0] = 99;
    expect(Array.from(decay.initialState())).toEqual([1, 2]);
  });

  it('refuses bad times, initial states and tolerances at the call', () => {
    expect(() => decay.simulate([])).toThrow(/'times' must hold at least one time/);
    expect(() => decay.simulate([0, 2, 1])).toThrow(/'times' must be finite and non-decreasing, got times\[2\] = 1/);
    expect(() => decay.simulate([0, 1], { y0: [1] })).toThrow(/'y0' must hold 2 finite numbers/);
    expect(() => decay.simulate([0, 1], { y0: [1, Number.NaN] })).toThrow(/'y0' must hold 2 finite numbers/);
    expect(() => decay.simulate([0, 1], { rtol: -1 })).toThrow(/rtol/);
  });
});
