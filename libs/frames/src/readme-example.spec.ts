import { readFileSync } from 'node:fs';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { channelValue, chunkedObservable, decimate, realChannel, tapProgress, timeAverage } from './index';
import type { Frame, Progress } from './index';

/** Code lines of a snippet without imports, blank lines and indentation, for comparison. */
const codeLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('import '));

describe('README example', () => {
  it('is the code run below, verbatim (apart from imports and indentation)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const snippet = /```ts\n([\s\S]*?)```/.exec(readme);
    expect(snippet).not.toBeNull();
    const spec = readFileSync(new URL('./readme-example.spec.ts', import.meta.url), 'utf8');
    // markers spelled in two pieces so that these lines do not match themselves
    const start = spec.indexOf('// README-' + 'START');
    const end = spec.indexOf('// README-' + 'END');
    const body = spec.slice(spec.indexOf('\n', start) + 1, end);
    expect(codeLines(body)).toEqual(codeLines(snippet?.[1] ?? ''));
  });

  it('runs and gives the time average of cos t over [0, 100]', async () => {
    // README-START
    /** x(t) = e^{−γt} cos(ωt) at t = k·dt, k = 0 … steps; t in units of 1/ω. */
    function oscillator(gamma: number, dt: number, steps: number) {
      return function* (ctx: { emit(frame: Frame): void }) {
        for (let k = 0; k <= steps; k++) {
          const t = k * dt;
          ctx.emit({ t, channels: { x: realChannel(Math.exp(-gamma * t) * Math.cos(t)) } });
          if (k % 100 === 99) yield { done: k + 1, total: steps + 1 }; // end of a chunk
        }
      };
    }

    const seen: Progress[] = [];
    const averages = await lastValueFrom(
      chunkedObservable(oscillator(0, 0.01, 10_000)).withProgress().pipe(
        tapProgress((p) => seen.push(p)), // this subscription's progress; values pass on
        timeAverage(), // x̄(t) = (1/t) ∫₀ᵗ x
        decimate(1000), // keep t = 0, 10, 20, …, 100
        toArray(),
      ),
    );
    const last = averages[averages.length - 1];
    // last.t → 100; channelValue(last, 'x', 'real').value ≈ sin(100)/100 ≈ −0.00506
    // seen[seen.length - 1] → { done: 10000, total: 10001 } (the last sample is in the final chunk)
    const xBar = channelValue(last, 'x', 'real').value;
    // README-END

    expect(averages.map((f) => f.t)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    // trapezoid error on ∫cos with h = 0.01 is ≤ h²/12·|sin 100 − sin 0| ≈ 4e-6, divided by t = 100
    expectClose(xBar, Math.sin(100) / 100, { atol: 1e-7 });
    expect(seen[seen.length - 1]).toEqual({ done: 10000, total: 10001 });
  });
});
