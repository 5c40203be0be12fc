import { readFileSync } from 'node:fs';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { channelValue, chunkedObservable, realChannel } from '@qsync/frames';
import type { Frame } from '@qsync/frames';
import { expectClose } from '@qsync/testing';
import { createDormandPrince, dormandPrince } from './index';
import type { OdeRhs } from './index';

/** Code lines of a snippet without imports, blank lines and indentation, for comparison. */
const codeLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('import '));

describe('README, section ODE', () => {
  it('shows the code run below, verbatim (apart from imports and indentation)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('## ODE');
    const end = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, end < 0 ? undefined : end);
    const snippet = /```ts\n([\s\S]*?)```/.exec(section);
    expect(snippet).not.toBeNull();
    const spec = readFileSync(new URL('./readme-example.spec.ts', import.meta.url), 'utf8');
    // markers spelled in two pieces so that these lines do not match themselves
    const from = spec.indexOf('// README-' + 'START');
    const to = spec.indexOf('// README-' + 'END');
    const body = spec.slice(spec.indexOf('\n', from) + 1, to);
    expect(codeLines(body)).toEqual(codeLines(snippet?.[1] ?? ''));
  });

  it('runs: cos 4 by the one-shot solve, Van der Pol limit cycle by the stream', async () => {
    // README-START
    // x″ = −x as y = (x, v): y(t) = (cos t, −sin t)
    const oscillator: OdeRhs = (out, y) => {
      out[0] = y[1];
      out[1] = -y[0];
    };
    const sol = dormandPrince(oscillator, new Float64Array([1, 0]), [0, 1, 2, 3, 4], { rtol: 1e-8 });
    // sol.y[4][0] ≈ cos 4 = −0.6536…

    /** Van der Pol x″ = μ(1 − x²)x′ − x from (2, 0), one frame per output time, t in 1/ω₀. */
    function vanDerPol(mu: number, tEnd: number, outputs: number) {
      const rhs: OdeRhs = (out, y) => {
        out[0] = y[1];
        out[1] = mu * (1 - y[0] * y[0]) * y[1] - y[0];
      };
      return chunkedObservable<Frame>(function* (ctx) {
        const stepper = createDormandPrince(rhs, new Float64Array([2, 0]), 0, { rtol: 1e-8, tStop: tEnd });
        const y = new Float64Array(2);
        for (let k = 0; k <= outputs; k++) {
          const t = (k * tEnd) / outputs;
          stepper.advanceTo(t, y);
          ctx.emit({ t, channels: { x: realChannel(y[0]), v: realChannel(y[1]) } });
          if (k % 100 === 0) yield { done: k, total: outputs }; // a chunk: 100 outputs
        }
      });
    }

    const frames = await lastValueFrom(vanDerPol(1, 40, 4000).pipe(toArray()));
    const late = frames.filter((f) => f.t >= 20).map((f) => channelValue(f, 'x', 'real').value);
    const amplitude = Math.max(...late); // ≈ 2.0086, the limit-cycle amplitude for μ = 1
    // README-END

    // rtol 1e-8 over 4 time units, default atol 1e-8
    expectClose(sol.y[4], [Math.cos(4), -Math.sin(4)], { atol: 1e-7 });
    expect(frames).toHaveLength(4001);
    expect(frames[4000].t).toBe(40);
    // limit-cycle amplitude of Van der Pol at μ = 1 is 2.00862 (literature value, 5 digits);
    // the maximum over a grid of spacing 0.01 misses the peak by ~x″·δt²/8 ≈ 1e-5
    expectClose(amplitude, 2.00862, { atol: 2e-4 });
  });
});
