import { readFileSync } from 'node:fs';
import { from, lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { channelValue, realChannel } from '@qsync/frames';
import type { Frame } from '@qsync/frames';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import {
  histogramMaximum,
  kuramotoOrder,
  longTimeAverage,
  observedFrequency,
  phaseHistogram,
  phaseHistogramOf,
  unwrapPhase,
  wrapPhase,
} from './index';

/** Code lines of a snippet without imports, blank lines and indentation, for comparison. */
const codeLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('import '));

/**
 * The README's second ```ts block (section "Classical synchronization probes") is the code between
 * the markers below, verbatim apart from imports and indentation; the first block is run by
 * readme-example.spec.ts.
 */
describe('README example of the classical probes', () => {
  it('is the code run below', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const at = readme.indexOf('## Classical synchronization probes');
    expect(at).toBeGreaterThan(0);
    const section = readme.slice(at);
    const snippet = /```ts\n([\s\S]*?)```/.exec(section);
    expect(snippet).not.toBeNull();
    const spec = readFileSync(new URL('./readme-classical-example.spec.ts', import.meta.url), 'utf8');
    // markers spelled in two pieces so that these lines do not match themselves
    const start = spec.indexOf('// README-' + 'START');
    const end = spec.indexOf('// README-' + 'END');
    const body = spec.slice(spec.indexOf('\n', start) + 1, end);
    expect(codeLines(body)).toEqual(codeLines(snippet?.[1] ?? ''));
  });

  it('runs and shows phase locking inside the Arnold tongue', async () => {
    // README-START
    // Noisy Adler equation φ̇ = δ − V sin φ + σξ for φ = φ_AB (thesis Eq. 2.25), Euler–Maruyama.
    const [delta, V, sigma, dt] = [1, 2, 0.5, 0.01];
    const rng = createRng(7);
    const frames: Frame[] = [];
    let phi = 0;
    for (let k = 0; k <= 20_000; k++) {
      frames.push({ t: k * dt, channels: { phi: realChannel(wrapPhase(phi), 'rad') } });
      phi += (delta - V * Math.sin(phi)) * dt + sigma * Math.sqrt(dt) * rng.gaussian();
    }
    const times = frames.map((f) => f.t);
    const wrapped = frames.map((f) => channelValue(f, 'phi', 'real').value);
    const tStart = 20; // drop the transient t < 20

    // Frequency entrainment: ≈ 0 inside the tongue |δ| < V (√(δ² − V²) outside, Eq. 2.23).
    const omega = observedFrequency(times, unwrapPhase(wrapped), { tStart });
    // Phase locking: P(φ_AB) peaks near the noise-free fixed point arcsin(δ/V) = π/6 (Fig. 2.4b).
    const peak = histogramMaximum(phaseHistogram(wrapped.slice(2000), { bins: 36 }));
    // The same histogram accumulated from the stream: its last frame equals the array version.
    const last = await lastValueFrom(from(frames).pipe(phaseHistogramOf({ channel: 'phi', bins: 36, tStart })));
    // ⟨cos φ_AB⟩ in the long-time limit with its batch-means error, and |⟨e^{iφ_AB}⟩| (Eq. 2.30).
    const cosine = longTimeAverage(times, wrapped.map(Math.cos), { tStart });
    const z = kuramotoOrder(wrapped, { offset: 2000 });
    // omega ≈ 0.001; peak ≈ { phase: 0.55, density: 1.49 }; cosine ≈ { mean: 0.82, standardError: 0.01, … }; z.abs ≈ 0.96
    // README-END

    // the stream counted the same 18001 samples (t = 20 … 200) as the array version, bit for bit
    expect(channelValue(last, 'samples', 'real').value).toBe(18001);
    expect(channelValue(last, 'density', 'array').data).toEqual(phaseHistogram(wrapped.slice(2000), { bins: 36 }).density);
    // locked: rare phase slips only (observed 0.00094); the peak sits near π/6 (observed 0.555: the
    // noise of the tilted potential shifts it a little)
    expect(Math.abs(omega)).toBeLessThan(0.01);
    expectClose(peak.phase, Math.PI / 6, { atol: 0.1 });
    expectClose(peak.density, 1.49, { atol: 0.01 });
    // ⟨cos φ_AB⟩ is Re z of the same samples: two code paths, same number up to summation order
    expectClose(cosine.mean, z.re, { rtol: 1e-12 });
    expectClose([cosine.standardError, z.abs], [0.01, 0.963], { atol: 0.001 });
  });
});
