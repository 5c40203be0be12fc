import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { filter, lastValueFrom } from 'rxjs';
import { afterAll } from 'vitest';
import { figureCatalog } from '@qsync/figures';
import * as integrators from '@qsync/integrators';
import * as models from '@qsync/models';
import * as plots from '@qsync/plots';
import { docExamples } from '@qsync/testing';
import * as cli from './index';

// What the examples of the program's modules work on, under the names they use:
// dir — a scratch folder for the files a command writes; io — the program's stdout and stderr
// (process in main.ts), here keeping what is printed in io.printed, stderr not a terminal;
// defaultScenario — the path of scenarios/default.json; run, scenario, results — a run of it;
// data — Fig. 2.6 at 1/20 of the thesis's sizes, as figureCatalog['2.6'] ends with it.
const dir = mkdtempSync(join(tmpdir(), 'qsync-doc-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const printed: string[] = [];
const io = {
  stdout: { write: (text: string) => printed.push(text) },
  stderr: Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream,
  printed,
};
const defaultScenario = fileURLToPath(new URL('../scenarios/default.json', import.meta.url));
const run = await cli.runScenario(JSON.parse(readFileSync(defaultScenario, 'utf8')), { outDir: join(dir, 'fixture') });
const figure = await lastValueFrom(figureCatalog['2.6'].run({ scale: 0.05 }).pipe(filter((e) => e.kind === 'data')));
const fixtures = { dir, io, defaultScenario, run, scenario: run.scenario, results: run.results, data: figure.data };

docExamples({ src: import.meta.url, library: cli, scope: [integrators, models, plots, fixtures] });
