// The task `qsync sweep` runs for each grid point, in a worker thread (or a BullMQ worker
// process): the scenario with the point's parameters set, run as `qsync run --json` would, its
// JSON summary returned (the run folder is a temporary one, removed afterwards).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelCatalog } from '@qsync/models';
import { runScenario } from '../run/run-scenario';
import { jsonSummary } from '../run/summary';
import { applySweepPoint } from './apply-sweep-point';

/** Throws naming the full path (`observables.nA.re[3]`) of the first non-finite number in `value`. */
function assertFinite(value: unknown, path: string): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`the summary's '${path}' is ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertFinite(v, `${path}[${i}]`));
  } else if (ArrayBuffer.isView(value)) {
    const a = value as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length; i++) assertFinite(a[i], `${path}[${i}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertFinite(v, path === '' ? k : `${path}.${k}`);
  }
}

/**
 * One point of a `qsync sweep`: `$scenario` is the scenario's JSON text, the other keys the
 * point's parameters (see applySweepPoint).
 *
 * @param point - `{ $scenario, …parameters }`
 * @returns the summary `qsync run --json` prints, without its run folder and file list; with one
 *   trajectory its standard errors over trajectories (undefined) are null, listed in `nullFields`
 * @throws Error naming the full path of any other non-finite number of the summary
 */
export async function sweepScenarioPoint(point: Record<string, unknown>): Promise<Record<string, unknown>> {
  const base = JSON.parse(String(point.$scenario)) as Record<string, unknown>;
  const entry = modelCatalog[String(base.model) as keyof typeof modelCatalog];
  const scenario = applySweepPoint(base, point, entry === undefined ? [] : Object.keys(entry.parameters));
  // the point's results are its summary: write only results.json, into a folder removed after
  scenario.outputs = ['json'];
  const dir = mkdtempSync(join(tmpdir(), 'qsync-sweep-point-'));
  try {
    const run = await runScenario(scenario, { outDir: join(dir, 'run') });
    const summary: Record<string, unknown> = { ...jsonSummary(run) };
    delete summary.runDir;
    delete summary.files;
    // the standard error over trajectories of a single trajectory is undefined (∞ or NaN): stored
    // as null, said why; any other non-finite number is refused by its full path rather than
    // written as null
    const single = scenario.trajectories === 1;
    const undefinedErrors: string[] = [];
    const observables = (summary.observables ?? {}) as Record<string, unknown>;
    for (const [name, obs] of Object.entries(observables)) {
      if (obs === null || typeof obs !== 'object') continue;
      const o = obs as Record<string, unknown>;
      for (const field of ['reStandardError', 'imStandardError']) {
        const v = o[field];
        if (single && Array.isArray(v) && v.some((x) => typeof x === 'number' && !Number.isFinite(x))) {
          o[field] = null;
          undefinedErrors.push(`observables.${name}.${field}`);
        }
      }
    }
    if (undefinedErrors.length > 0) summary.nullFields = { fields: undefinedErrors, reason: 'one trajectory: its standard error over trajectories is undefined' };
    assertFinite(summary, '');
    // plain JSON for the run store (absent members dropped)
    return JSON.parse(JSON.stringify(summary)) as Record<string, unknown>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
