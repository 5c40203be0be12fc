import { csvTable, type CsvField } from '../output/csv-table';
import type { ChannelSeries, EnsembleSeries, ObservableSeries, RunResults, SteadyObservable } from './results';

/**
 * The CSV tables of a run, by file name (written by `csvTable`: RFC 4180 quoting, full
 * precision): `observables.csv` — steady state: rows `name,re,im`; time evolution: columns
 * `t,<name>_re,<name>_im,…`; simulation: `t` and per observable `<name>` (real scalar channel),
 * `<name>_re,<name>_im` (complex scalar), `<name>_mean,<name>_std` (real array: mean and spread
 * over the entries) or `<name>_re,<name>_im,<name>_std` (complex array). A spectrum run adds
 * `spectra.csv`: `omega` and one column S(ω) per spectrum. Per probe `relative-phase.csv`,
 * `phase-<mode>.csv`, `spin-phase….csv`, `spin-relative-phase.csv` (`phi,Q`), `husimi-<mode>.csv`
 * (`x,p,Q`, one row per grid point, p slow) or `spin-husimi….csv` (`theta,phi,Q`, φ fast).
 *
 * @param results - the results of a run
 * @example
 * // results: those of the default scenario, a steady state (runScenario(…).results)
 * csvFiles(results)['observables.csv'].split('\n')[0]; // 'name,re,im'
 */
export function csvFiles(results: RunResults): Record<string, string> {
  const files: Record<string, string> = {};
  const names = Object.keys(results.observables);
  const times = results.timeEvolution?.times ?? results.simulation?.times ?? results.trajectories?.times;
  if (results.trajectories !== undefined && times !== undefined) {
    const series = names.map((n) => results.observables[n] as EnsembleSeries);
    const header = ['t', ...names.flatMap((n) => [`${n}_re`, `${n}_im`, `${n}_re_se`, `${n}_im_se`])];
    files['observables.csv'] = csvTable(
      header,
      times.map((t, k) => [t, ...series.flatMap((s) => [s.re[k], s.im[k], s.reStandardError[k], s.imStandardError[k]])]),
    );
    const runs = results.currents ?? [];
    if (runs.length > 0) {
      const currentNames = Object.keys(runs[0].currents);
      const complex = results.trajectories.unraveling === 'heterodyne';
      const columns = runs.flatMap((r) => currentNames.flatMap((c) => (complex ? [`${c}_${r.trajectory}_re`, `${c}_${r.trajectory}_im`] : [`${c}_${r.trajectory}`])));
      files['currents.csv'] = csvTable(
        ['t', ...columns],
        times.map((t, k) => [
          t,
          ...runs.flatMap((r) => currentNames.flatMap((c) => (complex ? [r.currents[c].re[k], r.currents[c].im[k]] : [r.currents[c].re[k]]))),
        ]),
      );
    }
  } else if (results.simulation !== undefined && times !== undefined) {
    const series = names.map((n) => results.observables[n] as ChannelSeries);
    const header: string[] = ['t'];
    series.forEach((s, i) => header.push(...simulationColumns(names[i], s)));
    const rows = times.map((t, k) => {
      const row: CsvField[] = [t];
      for (const s of series) row.push(...simulationValues(s, k));
      return row;
    });
    files['observables.csv'] = csvTable(header, rows);
  } else if (results.timeEvolution !== undefined && times !== undefined) {
    const series = names.map((n) => results.observables[n] as ObservableSeries);
    const header = ['t', ...names.flatMap((n) => [`${n}_re`, `${n}_im`])];
    files['observables.csv'] = csvTable(
      header,
      times.map((t, k) => [t, ...series.flatMap((s) => [s.re[k], s.im[k]])]),
    );
  } else {
    files['observables.csv'] = csvTable(
      ['name', 're', 'im'],
      names.map((n) => {
        const { value } = results.observables[n] as SteadyObservable;
        return [n, value.re, value.im];
      }),
    );
  }
  const spectra = results.spectra;
  if (spectra !== undefined) {
    const spectrumNames = Object.keys(spectra);
    const omega = spectra[spectrumNames[0]]?.omega ?? [];
    files['spectra.csv'] = csvTable(['omega', ...spectrumNames], omega.map((w, k) => [w, ...spectrumNames.map((n) => spectra[n].S[k])]));
  }
  for (const [id, probe] of Object.entries(results.probes)) {
    if (probe.type === 'husimi') {
      const rows: CsvField[][] = [];
      probe.p.forEach((p, ip) => probe.x.forEach((x, ix) => rows.push([x, p, probe.Q[ip][ix]])));
      files[`${id}.csv`] = csvTable(['x', 'p', 'Q'], rows);
    } else if (probe.type === 'spin-husimi') {
      const rows: CsvField[][] = [];
      probe.theta.forEach((theta, i) => probe.phi.forEach((phi, j) => rows.push([theta, phi, probe.Q[i][j]])));
      files[`${id}.csv`] = csvTable(['theta', 'phi', 'Q'], rows);
    } else {
      files[`${id}.csv`] = csvTable(['phi', 'Q'], probe.phi.map((phi, k) => [phi, probe.Q[k]]));
    }
  }
  return files;
}

function simulationColumns(name: string, s: ChannelSeries): string[] {
  if (s.count === 1) return s.kind === 'complex' ? [`${name}_re`, `${name}_im`] : [name];
  return s.kind === 'complex' ? [`${name}_re`, `${name}_im`, `${name}_std`] : [`${name}_mean`, `${name}_std`];
}

function simulationValues(s: ChannelSeries, k: number): number[] {
  if (s.count === 1) return s.kind === 'complex' ? [s.re[k], s.im[k]] : [s.re[k]];
  return s.kind === 'complex' ? [s.re[k], s.im[k], s.std[k]] : [s.re[k], s.std[k]];
}
