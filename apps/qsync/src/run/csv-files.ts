import type { ObservableSeries, RunResults, SteadyObservable } from './results';

/**
 * The CSV files of a run, by file name: `observables.csv` (steady state: rows `name,re,im`;
 * time evolution: columns `t,<name>_re,<name>_im,…`), and per probe `relative-phase.csv` /
 * `phase-<mode>.csv` (`phi,Q`) or `husimi-<mode>.csv` (`x,p,Q`, one row per grid point, p slow).
 * Numbers are written with full precision (shortest round-trip form).
 *
 * @param results - the results of a run
 * @example
 * csvFiles(results)['observables.csv'].split('\n')[0]; // 'name,re,im' for a steady state
 */
export function csvFiles(results: RunResults): Record<string, string> {
  const files: Record<string, string> = {};
  const names = Object.keys(results.observables);
  if (results.timeEvolution !== undefined) {
    const series = names.map((n) => results.observables[n] as ObservableSeries);
    const lines = [['t', ...names.flatMap((n) => [`${n}_re`, `${n}_im`])].join(',')];
    results.timeEvolution.times.forEach((t, k) => {
      lines.push([t, ...series.flatMap((s) => [s.re[k], s.im[k]])].map(String).join(','));
    });
    files['observables.csv'] = lines.join('\n') + '\n';
  } else {
    const lines = ['name,re,im'];
    for (const n of names) {
      const { value } = results.observables[n] as SteadyObservable;
      lines.push(`${n},${value.re},${value.im}`);
    }
    files['observables.csv'] = lines.join('\n') + '\n';
  }
  for (const [id, probe] of Object.entries(results.probes)) {
    if (probe.type === 'husimi') {
      const lines = ['x,p,Q'];
      probe.p.forEach((p, ip) => probe.x.forEach((x, ix) => lines.push(`${x},${p},${probe.Q[ip][ix]}`)));
      files[`${id}.csv`] = lines.join('\n') + '\n';
    } else {
      const lines = ['phi,Q'];
      probe.phi.forEach((phi, k) => lines.push(`${phi},${probe.Q[k]}`));
      files[`${id}.csv`] = lines.join('\n') + '\n';
    }
  }
  return files;
}
