import { describe, expect, it } from 'vitest';
import { benchSpectrumQsync } from './spectrum-bench';
import { parseQutipSpectrumBench, runQutipSpectrum } from './run-qutip-spectrum';
import { hasPythonModule } from './test-support/has-python-module';

const good = {
  qutip_version: '4.7.1',
  numpy_version: '1.24.2',
  scipy_version: '1.10.1',
  python_version: '3.11.2',
  params: { kappa: 1, kappa1: 3, kappa2: 1, delta: 5, V: 2, omegaMax: 10 },
  cases: [{ N: 3, liouvillian_dim: 81, nnz: 459, freqs: 2, es_s: 0.1, pi_freqs: 1, pi_s: 0.02, omega: [0, 1], S_es: [0.3, 0.2], pi_index: [1], S_pi: [0.2] }],
};

describe('parseQutipSpectrumBench', () => {
  it('returns the object the script printed, skipping earlier stdout lines', () => {
    expect(parseQutipSpectrumBench(`Calibrating OpenMP threshold...\n${JSON.stringify(good)}\n`).cases[0].nnz).toBe(459);
  });

  it('rejects non-JSON, a missing cases array, cases without the timed fields or the spectra', () => {
    expect(() => parseQutipSpectrumBench('Traceback')).toThrow(/parseQutipSpectrumBench/);
    expect(() => parseQutipSpectrumBench('{"cases":[]}')).toThrow(/'qutip_version' and a 'cases' array/);
    const slow = { ...good, cases: [{ ...good.cases[0], es_s: 'slow' }] };
    expect(() => parseQutipSpectrumBench(JSON.stringify(slow))).toThrow("parseQutipSpectrumBench: case field 'es_s' must be a number, got slow");
    const noSpectrum = { ...good, cases: [{ ...good.cases[0], S_es: null }] };
    expect(() => parseQutipSpectrumBench(JSON.stringify(noSpectrum))).toThrow("case field 'S_es' must be an array");
  });
});

describe('runQutipSpectrum', () => {
  it('rejects an empty size list and an interpreter that cannot start', async () => {
    await expect(runQutipSpectrum([])).rejects.toThrow(/'sizes' must list at least one cutoff/);
    await expect(runQutipSpectrum([3], { python: '/nonexistent/python3' })).rejects.toThrow(/could not start '\/nonexistent\/python3'/);
  });

  it.skipIf(!hasPythonModule('qutip'))('computes the same spectrum as the qsync side (cutoff 3, needs python3-qutip)', async () => {
    const r = await runQutipSpectrum([3], { freqs: 9, piFreqs: 2 });
    const q = benchSpectrumQsync(3, { freqs: 9, reps: 1 });
    const c = r.cases[0];
    expect(c.omega).toHaveLength(9);
    // the same linear algebra on both sides: rounding (QuTiP's 'es' and 'pi' agree to ~1e-13)
    c.S_es.forEach((s, k) => expect(Math.abs(q.density[k] - s)).toBeLessThan(1e-9 * Math.abs(s)));
    c.pi_index.forEach((k, j) => expect(Math.abs(q.density[k] - c.S_pi[j])).toBeLessThan(1e-9 * Math.abs(c.S_pi[j])));
  });
});
