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

/**
 * One point of a `qsync sweep`: `$scenario` is the scenario's JSON text, the other keys the
 * point's parameters (see applySweepPoint).
 *
 * @param point - `{ $scenario, …parameters }`
 * @returns the summary `qsync run --json` prints, without its run folder and file list
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
    // plain JSON for the run store (absent members dropped); a non-finite number is refused
    // by name rather than written as null
    const text = JSON.stringify(summary, (key, value: unknown) => {
      if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`the summary's '${key}' is ${value}`);
      return value;
    });
    return JSON.parse(text) as Record<string, unknown>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
