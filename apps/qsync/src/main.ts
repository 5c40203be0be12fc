#!/usr/bin/env node
// The qsync command line: argument parsing and exit codes only; the work is in run-command.ts.
//   0 success · 1 numerical failure (or any other runtime error) · 2 usage or scenario error
import { Command, CommanderError } from 'commander';
import { ScenarioError, UsageError } from './common/errors';
import { figureCommand } from './figure/figure-command';
import { runCommand } from './run/run-command';
import { schemaCommand } from './schema/schema-command';
import { sweepCommand } from './sweep/sweep-command';
import { detectCommand } from './stream/detect-command';
import { emitCommand } from './stream/emit-command';
import { replayCommand } from './stream/replay-command';
import { qsyncVersion } from './common/version';
import { untilStopped } from './common/until-stopped';

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

const program = new Command()
  .name('qsync')
  .description('Synchronization models of the thesis from JSON scenario files: quantum (steady state, time evolution) and classical (simulate); thesis figures.')
  .version(qsyncVersion)
  .exitOverride()
  .showHelpAfterError('(run qsync --help for usage)');

program
  .command('run')
  .description('run a scenario file; results go to runs/<name>-<timestamp>/ or --out')
  .argument('<scenario>', "scenario JSON file (see apps/qsync/README.md; 'qsync schema' prints its JSON Schema)")
  .option('--out <dir>', 'write the results to this folder')
  .option('--json', 'print one JSON summary on stdout')
  .option('--no-progress', 'show no progress (it is shown on stderr only when that is a terminal)')
  .action(async (file: string, options: { out?: string; json?: boolean; progress: boolean }) => {
    await runCommand(file, options, { stdout: process.stdout, stderr: process.stderr });
  });

program
  .command('figure')
  .description("reproduce a thesis figure (data as JSON/CSV, plots as SVG, and PNG with --png); 'qsync figure list' lists them")
  .argument('<id>', "figure number, e.g. 2.8, or 'list'")
  .option('--scale <fraction>', "fraction (0, 1] of the thesis's sizes, for a quick look", '1')
  .option('--seed <n>', 'seed of the noise', '1')
  .option('--out <dir>', 'write the files to this folder (default runs/figure-<id>-<timestamp>)')
  .option('--png', 'write PNG images of the plots beside the SVG ones')
  .option('--json', 'print one JSON summary on stdout')
  .option('--no-progress', 'show no progress (it is shown on stderr only when that is a terminal)')
  .action(async (id: string, options: { out?: string; scale?: string; seed?: string; png?: boolean; json?: boolean; progress: boolean }) => {
    await figureCommand(id, options, { stdout: process.stdout, stderr: process.stderr });
  });

program
  .command('sweep')
  .description('run a scenario over a parameter grid into a resumable run store, on local worker threads or BullMQ workers over Redis')
  .argument('<scenario>', 'scenario JSON file whose parameters the grid varies')
  .option('--over <axis>', "a grid axis: name=from:to:count or name=v1,v2,… (repeat for a Cartesian grid; a plain name is a model parameter, a dotted one a scenario path)", (axis: string, list: string[]) => [...list, axis], [] as string[])
  .option('--store <dir>', 'the run store (default runs/sweep-<scenario>-<hash of scenario and grid>: the same command resumes)')
  .option('--queue <url>', 'run on BullMQ workers over this Redis server, redis://host:port')
  .option('--workers <n>', 'worker threads (default: the cores), or with --queue worker processes started here (default 2; 0: workers elsewhere)')
  .option('--json', 'print one JSON object (store, every point and its summary) on stdout')
  .option('--no-progress', 'show no progress (it is shown on stderr only when that is a terminal)')
  .addHelpText(
    'after',
    `
Examples:
  qsync sweep apps/qsync/scenarios/default.json --over V=0:2:5 --over delta=0.25,0.5
  qsync sweep my-spin.json --over gammaPlus=0:1:11 --json > sz.json
  redis-server --port 6379 --save '' --appendonly no &
  qsync sweep apps/qsync/scenarios/default.json --over V=0:2:21 --queue redis://127.0.0.1:6379 --workers 4
Interrupted? Run the same command again: points already in the store are not recomputed.`,
  )
  .action(async (file: string, options: { over: string[]; store?: string; queue?: string; workers?: string; json?: boolean; progress: boolean }) => {
    await sweepCommand(file, options, { stdout: process.stdout, stderr: process.stderr });
  });

program
  .command('emit')
  .description("stream the detector currents of a 'trajectories' scenario (homodyne or heterodyne) live, as qsync wire records")
  .argument('<scenario>', "scenario JSON file with method 'trajectories'")
  .requiredOption('--to <where>', 'tcp://HOST:PORT or ws://HOST:PORT/PATH (dials a listening qsync detect, redials after a disconnect), a file (e.g. currents.qsw) or - (stdout)')
  .option('--trajectory <k>', "which trajectory of the scenario's ensemble (its noise: noiseSeed, k)", '0')
  .option('--block <n>', 'samples per block', '100')
  .option('--buffer <n>', 'blocks the consumer may hold unread before the simulation pauses (a file or stdout: until it drains)', '16')
  .option('--history <n>', 'blocks kept (at most 64 MiB) for a network consumer that reconnects to resume from; a file or stdout keeps only the last (none is ever resent)', '256')
  .option('--no-progress', 'show no progress bar (it is shown on stderr only when that is a terminal)')
  .addHelpText(
    'after',
    `
Examples:
  qsync detect --listen tcp://127.0.0.1:7000                                              # terminal 1
  qsync emit apps/qsync/scenarios/vdp-pair-heterodyne-stream.json --to tcp://127.0.0.1:7000 # terminal 2
  qsync emit apps/qsync/scenarios/vdp-pair-heterodyne-stream.json --to - | qsync detect --from -`,
  )
  .action(async (file: string, options: { to: string; trajectory?: string; block?: string; buffer?: string; history?: string; progress: boolean }) => {
    await emitCommand(file, options, { stdout: process.stdout, stderr: process.stderr });
  });

program
  .command('detect')
  .description('receive current streams and print live estimates as JSON lines (phase-difference histogram, current spectra with their noise floor, filtered state), or send them on as wire streams')
  .option('--listen <url>', 'wait for producers (qsync emit --to) here, one at a time, and keep serving after each stream ends: tcp://HOST:PORT or ws://HOST:PORT/PATH; port 0 picks a free one')
  .option('--from <source>', 'read a recording (.qsw), stdin (-), or dial a producer that listens (tcp://HOST:PORT, ws://HOST:PORT/PATH: a program serving with @qsync/wire toTcp/toWebSocket({ listen }); qsync emit and replay dial, so use --listen for them)')
  .option('--to <where>', 'also send the estimates on as wire streams, one per producer session: tcp://HOST:PORT, ws://HOST:PORT/PATH (dials a listening consumer), a file, or - (stdout, instead of the JSON lines)')
  .option('--streams <n>', 'with --listen: exit after n streams have ended (default: keep listening until SIGINT/SIGTERM)')
  .option('--bins <n>', 'bins of the phase-difference histogram on (−π, π]', '32')
  .option('--segment <n>', 'samples per segment of the current spectrum (a power of two)', '64')
  .option('--no-progress', 'show no progress bar for --from FILE (it is shown on stderr only when that is a terminal)')
  .addHelpText(
    'after',
    `
Examples:
  qsync detect --listen tcp://127.0.0.1:7000 > estimates.jsonl
  qsync detect --listen ws://127.0.0.1:7001/currents --bins 64 --streams 1
  qsync detect --listen tcp://127.0.0.1:7000 --to estimates.qsw
  qsync detect --from currents.qsw | tail -n 1`,
  )
  .action(async (options: { listen?: string; from?: string; to?: string; streams?: string; bins?: string; segment?: string; progress: boolean }) => {
    // Ctrl-C or a service manager's SIGTERM ends the estimate streams cleanly and exits 0
    await untilStopped((signal) => detectCommand(options, { stdout: process.stdout, stderr: process.stderr }, signal));
  });

program
  .command('record')
  .description("record the detector currents of a 'trajectories' scenario into a file of qsync wire records")
  .argument('<scenario>', "scenario JSON file with method 'trajectories'")
  .requiredOption('--to <file>', 'the recording (e.g. currents.qsw), or - (stdout)')
  .option('--trajectory <k>', "which trajectory of the scenario's ensemble", '0')
  .option('--block <n>', 'samples per block', '100')
  .option('--no-progress', 'show no progress bar (it is shown on stderr only when that is a terminal)')
  .addHelpText('after', `
Example:
  qsync record apps/qsync/scenarios/vdp-pair-heterodyne-stream.json --to currents.qsw`)
  .action(async (file: string, options: { to: string; trajectory?: string; block?: string; progress: boolean }) => {
    await emitCommand(file, options, { stdout: process.stdout, stderr: process.stderr }, 'record');
  });

program
  .command('replay')
  .description('send a recorded stream on: to a listening qsync detect, a file or stdout, at its own pace or as fast as possible')
  .argument('<file>', 'a recording (qsync record, or emit --to FILE)')
  .requiredOption('--to <where>', 'tcp://HOST:PORT, ws://HOST:PORT/PATH, a file, or - (stdout)')
  .option('--pace <pace>', "'recorded' (at the stream's own times, --time-unit ms per unit) or 'fast'", 'fast')
  .option('--time-unit <ms>', "wall-clock ms per unit of the stream's time with --pace recorded", '1000')
  .option('--buffer <n>', 'records the consumer may hold unread before the replay waits for it (the file is read only as fast as it is taken)', '16')
  .option('--history <n>', 'records kept (at most 64 MiB) for a network consumer that reconnects to resume from; a file or stdout keeps only the last (none is ever resent)', '256')
  .option('--no-progress', 'show no progress bar (it is shown on stderr only when that is a terminal)')
  .addHelpText('after', `
Examples:
  qsync replay currents.qsw --to tcp://127.0.0.1:7000 --pace recorded --time-unit 100
  qsync replay currents.qsw --to - | qsync detect --from -`)
  .action(async (file: string, options: { to: string; pace?: string; timeUnit?: string; buffer?: string; history?: string; progress: boolean }) => {
    await replayCommand(file, options, { stdout: process.stdout, stderr: process.stderr });
  });

program
  .command('schema')
  .description('print the JSON Schema of scenario files (apps/qsync/scenario.schema.json)')
  .action(() => {
    schemaCommand({ stdout: process.stdout });
  });

try {
  await program.parseAsync(process.argv);
  process.exitCode = EXIT_OK;
} catch (e) {
  if (e instanceof CommanderError) {
    // Commander has already printed its message (or the help / version text).
    const shownOnRequest = e.code === 'commander.helpDisplayed' || e.code === 'commander.version';
    process.exitCode = shownOnRequest ? EXIT_OK : EXIT_USAGE;
  } else if (e instanceof UsageError) {
    process.stderr.write(`qsync: ${e.message}\n(run qsync --help for usage)\n`);
    process.exitCode = EXIT_USAGE;
  } else if (e instanceof ScenarioError) {
    process.stderr.write(`qsync: scenario error: ${e.message}\n`);
    process.exitCode = EXIT_USAGE;
  } else {
    process.stderr.write(`qsync: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = EXIT_FAILURE;
  }
}
