import { describe, expect, it } from 'vitest';
import { lastValueFrom, toArray } from 'rxjs';
import type { Frame } from '@qsync/frames';
import { expectClose } from '@qsync/testing';
import { channelValue, realChannel } from '@qsync/frames';
import { createOdeModel } from './create-ode-model';

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

// ẏ0 = y1, ẏ1 = −y0: y(t) = (sin t, cos t) from (0, 1); counts its right-hand-side calls
let rhsCalls = 0;
const rotation = createOdeModel({
  fn: 'rotation',
  equation: '—',
  parameters: {},
  rhs: (out, y) => {
    rhsCalls++;
    out[0] = y[1];
    out[1] = -y[0];
  },
  y0: Float64Array.of(0, 1),
  observe: (_t, y) => ({ s: realChannel(y[0]) }),
});
const LONG = 500; // one output interval of ≈ 10^4 Dormand–Prince steps at rtol 1e-10

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

  it('yields inside one long output interval: 0-ms timers tick during it, and unsubscribing there stops the steps', async () => {
    rhsCalls = 0;
    const full = await lastValueFrom(rotation.simulate([0, LONG], { yieldEvery: 0 }));
    const fullCalls = rhsCalls;
    expectClose(channelValue(full, 's', 'real').value, Math.sin(LONG), { atol: 1e-6 });
    expect(fullCalls).toBeGreaterThan(30_000); // the interval is long: many pieces of 64 steps

    // a chain of 0-ms timers started at the first frame ticks many times before the frame at t = LONG
    // (one chunk for the whole interval would let through at most the tick queued before it)
    let ticks = 0;
    let ticking = true;
    const tick = () => {
      if (!ticking) return;
      ticks++;
      setTimeout(tick, 0);
    };
    await new Promise<void>((resolve, reject) => {
      rotation.simulate([0, LONG], { yieldEvery: 0 }).subscribe({
        next: (f: Frame) => {
          if (f.t === 0) setTimeout(tick, 0);
          else ticking = false;
        },
        error: reject,
        complete: resolve,
      });
    });
    expect(ticks).toBeGreaterThanOrEqual(10);

    // unsubscribing on the third tick after the first frame stops the integration within a piece
    rhsCalls = 0;
    const frames: number[] = [];
    await new Promise<void>((resolve) => {
      let n = 0;
      const sub = rotation.simulate([0, LONG], { yieldEvery: 0 }).subscribe((f: Frame) => {
        frames.push(f.t);
        const stopLater = () => {
          if (++n < 3) return void setTimeout(stopLater, 0);
          sub.unsubscribe();
          resolve();
        };
        setTimeout(stopLater, 0);
      });
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(frames).toEqual([0]);
    expect(rhsCalls).toBeLessThan(fullCalls / 10);
  });

  it('stays on the closed form y0 = sin t across pieces and at repeated short intervals', async () => {
    const frames = await lastValueFrom(rotation.simulate([0, 1, 50, 50.5], { yieldEvery: 0 }).pipe(toArray()));
    expectClose(
      frames.map((f) => channelValue(f, 's', 'real').value),
      [0, Math.sin(1), Math.sin(50), Math.sin(50.5)],
      { atol: 1e-8 },
    );
  });
});
