import { channelValue, tapProgress, type Frame } from '@qsync/frames';
import { coherentKet, create, destroy, fockSpace, pureState, times } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { lastValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { meanFieldMesolve } from './mean-field-mesolve';
import { vdpMeanField } from './test-support/vdp-mean-field';

describe('meanFieldMesolve', () => {
  it('obeys the Heisenberg equation of the network (4.18) for ⟨a⟩ along the solution', async () => {
    // From (4.18), d⟨a_i⟩/dt = (κ1/2)⟨a_i⟩ − κ2⟨a_i†a_i²⟩ + (V/2N)Σ_j (⟨a_j⟩ − ⟨a_i⟩) (Eq. 4.2 plus the
    // linear coupling: D†[a_i − a_j] a_i = −(a_i − a_j)/2); with identical oscillators ⟨a_j⟩ = ⟨a_i⟩ = A the
    // coupling drops out. The derivative is read off the trajectory by a 5-point central difference
    // (error h⁴ a⁽⁵⁾/30 ~ 1e-9 at h = 0.01), independent of the right-hand side.
    const n = 20;
    const kappa1 = 1;
    const kappa2 = 0.7;
    const { equation, space, a } = vdpMeanField(n, { kappa1, kappa2, V: 4 });
    const h = 0.01;
    const centres = [0.2, 1, 3];
    const grid = [0, ...centres.flatMap((t) => [-2, -1, 0, 1, 2].map((k) => t + k * h))];
    const adaga2 = times(create(space), times(a, a));
    const frames = await lastValueFrom(
      meanFieldMesolve(equation, pureState(coherentKet(space, { re: 1.2, im: 0.5 })), grid, { expect: { a, adaga2 }, rtol: 1e-11, atol: 1e-13 }).pipe(toArray()),
    );
    const value = (f: Frame, name: string) => channelValue(f, name, 'complex');
    let largest = 0;
    centres.forEach((_, c) => {
      const at = (k: number) => value(frames[1 + 5 * c + k + 2], 'a');
      const mid = frames[1 + 5 * c + 2];
      const deriv = (part: 're' | 'im') => (at(-2)[part] - 8 * at(-1)[part] + 8 * at(1)[part] - at(2)[part]) / (12 * h);
      const rhs = (part: 're' | 'im') => (kappa1 / 2) * value(mid, 'a')[part] - kappa2 * value(mid, 'adaga2')[part];
      for (const part of ['re', 'im'] as const) {
        expectClose(deriv(part), rhs(part), { atol: 1e-7 });
        largest = Math.max(largest, Math.abs(rhs(part)));
      }
    });
    // the check has something to see: ⟨a⟩ moves at O(0.1) per unit time at these points
    expect(largest).toBeGreaterThan(0.1);
    // trace kept
    for (const f of frames) expectClose(channelValue(f, 'trace', 'real').value, 1, { atol: 1e-10 });
  });

  it('is cold, emits one frame per time with the state on request, reports progress and stops when unsubscribed', async () => {
    const { equation, space, a } = vdpMeanField(6, { V: 2 });
    const rho0 = pureState(coherentKet(space, { re: 0.5, im: 0 }));
    const run = meanFieldMesolve(equation, rho0, [0, 1, 2, 3], { expect: { a }, includeState: true, yieldEvery: 0 });
    const progress: number[] = [];
    const frames = await lastValueFrom(run.withProgress().pipe(tapProgress((p) => progress.push(p.done)), toArray()));
    expect(frames.length).toBe(4);
    expect(progress.at(-1)).toBe(4);
    const first = await lastValueFrom(run.pipe(take(1)));
    expect(channelValue(first, 'rho', 'array').data).toEqual(rho0.matrix.data);
    expect(first.t).toBe(0);
  });

  it('refuses bad input, naming it', () => {
    const { equation, space } = vdpMeanField(4);
    const rho0 = pureState(coherentKet(space, { re: 0.5, im: 0 }));
    expect(() => meanFieldMesolve(equation, pureState(coherentKet(fockSpace(5), { re: 0, im: 0 })), [0, 1])).toThrow(/'rho0' must be a density matrix on dims \[4\]/);
    expect(() => meanFieldMesolve(equation, rho0, [1, 0])).toThrow(/'times' must be non-decreasing/);
    expect(() => meanFieldMesolve(equation, rho0, [])).toThrow(/'times' must hold at least one time/);
    expect(() => meanFieldMesolve(equation, rho0, [0, 1], { expect: { trace: destroy(space) } })).toThrow(/'trace' is reserved/);
    expect(() => meanFieldMesolve(equation, rho0, [0, 1], { expect: { b: destroy(fockSpace(3)) } })).toThrow(/'b' has dims \[3\], expected \[4\]/);
    expect(() => meanFieldMesolve(equation, rho0, [0, 1], { rtol: -1 })).toThrow(/rtol/);
  });
});
