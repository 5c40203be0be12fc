import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { figureCatalog, type FigureCheck, type FigureData } from '@qsync/figures';
import { lastValueFrom, tap, filter, map } from 'rxjs';
import { ScenarioError } from '../common/errors';
import { figureFiles } from './figure-files';
import { silentProgress, terminalProgress } from '../common/progress';
import { createRunDir } from '../output/run-dir';
import type { CommandIo } from '../common/command-io';

/** Options of `qsync figure`. */
export interface FigureCommandOptions {
  /** Folder for the files (default runs/figure-<id>-<timestamp>). */
  readonly out?: string;
  /** Fraction (0, 1] of the thesis's sizes, for a quick look (default 1). */
  readonly scale?: string;
  /** Seed of the noise (default 1). */
  readonly seed?: string;
  /** Print one JSON summary on stdout. */
  readonly json?: boolean;
  /** Write PNG images of the plots beside the SVG ones. */
  readonly png?: boolean;
  /** false for `--no-progress`. */
  readonly progress?: boolean;
}

/**
 * `qsync figure <id>`: runs the thesis figure's recipe with a progress bar on stderr (when it is
 * a TTY), writes its JSON, CSV and SVG files (PNG too with `png`) and prints where they went and
 * the figure's checks: the computed value, ± its standard error from the run where it is a
 * statistical estimate, next to the expected closed form, and how many standard errors apart they
 * are (`value ± SE (expected …, Eq. …; k SE apart)`). The JSON summary (`json`) and the files
 * carry the standard errors too. `qsync figure list` lists the figures.
 *
 * @example
 * // io: process in the program; here one that keeps what is printed (io.printed); dir: a scratch folder
 * await figureCommand('2.6', { out: `${dir}/fig26`, scale: '0.05', json: true, progress: false }, io);
 * JSON.parse(io.printed.at(-1) ?? '').files; // ['figure-2.6.json', 'figure-2.6a.csv', 'figure-2.6a.svg', …]
 */
export async function figureCommand(id: string, options: FigureCommandOptions, io: CommandIo): Promise<void> {
  if (id === 'list') {
    for (const r of Object.values(figureCatalog)) io.stdout.write(`${r.id.padEnd(5)} ${r.title}\n`);
    return;
  }
  const recipe = figureCatalog[id];
  if (recipe === undefined) {
    throw new ScenarioError('figure', `unknown figure '${id}' (known: ${Object.keys(figureCatalog).join(', ')})`);
  }
  const scale = parseNumber('--scale', options.scale, 1);
  const seed = parseNumber('--seed', options.seed, 1);
  let stream;
  try {
    stream = recipe.run({ scale, seed });
  } catch (e) {
    throw new ScenarioError('figure', e instanceof Error ? e.message : String(e));
  }
  const progress = options.progress !== false && io.stderr.isTTY === true ? terminalProgress(io.stderr) : silentProgress;
  const started = Date.now();
  let data: FigureData;
  try {
    data = await lastValueFrom(
      stream.pipe(
        tap((e) => {
          if (e.kind === 'progress') progress.count(`Fig. ${id}: ${e.stage}`, e.done, e.total);
        }),
        filter((e) => e.kind === 'data'),
        map((e) => e.data),
      ),
    );
  } finally {
    progress.stop();
  }
  const dir = createRunDir({ ...(options.out !== undefined ? { outDir: options.out } : {}), name: `figure-${id}` });
  const files = figureFiles(data, { png: options.png === true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const seconds = (Date.now() - started) / 1000;
  if (options.json === true) {
    io.stdout.write(`${JSON.stringify({ figure: id, dir, files: Object.keys(files), seconds, parameters: data.parameters, checks: data.checks })}\n`);
    return;
  }
  const lines = [`Fig. ${id} — ${data.title} (${seconds.toFixed(1)} s)`, `  files in ${dir}: ${Object.keys(files).join(', ')}`];
  for (const c of data.checks) lines.push(`  ${c.name}: ${checkText(c)}`);
  io.stdout.write(lines.join('\n') + '\n');
}

function parseNumber(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw new ScenarioError(flag, `must be a number, got '${text}'`);
  return v;
}

function fmt(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(5) : String(v);
}

/**
 * `value (expected …, Eq. …)`, or with a standard error `value ± SE (expected …, Eq. …; k SE apart)`:
 * the error to two digits, which is all a standard error estimated from one run resolves.
 */
function checkText(c: FigureCheck): string {
  const expected = `expected ${fmt(c.expected)}, Eq. ${c.equation}`;
  if (c.standardError === undefined) return `${fmt(c.value)} (${expected})`;
  const apart = Math.abs(c.value - c.expected) / c.standardError;
  const se = Number.isFinite(c.standardError) ? c.standardError.toPrecision(2) : String(c.standardError);
  return `${fmt(c.value)} ± ${se} (${expected}; ${Number.isFinite(apart) ? apart.toFixed(1) : String(apart)} SE apart)`;
}
