#!/usr/bin/env node
// qsync-detector: the detector of qsync as a program of its own — the same code as `qsync detect`
// (detectCommand of @qsync/cli). Exit codes: 0 the input ended, --streams streams ended, or
// SIGINT/SIGTERM · 1 a runtime error (a broken stream, input cut off before its end, a lost
// listening socket) · 2 a usage error, naming the option.
import { detectCommand, UsageError, untilStopped } from '@qsync/cli';
import { Command, CommanderError } from 'commander';

const program = new Command()
  .name('qsync-detector')
  .description('receive current streams (qsync emit) and print live estimates as JSON lines (phase-difference histogram, current spectra with their noise floor, filtered state), or send them on as wire streams')
  .option('--listen <url>', 'wait for producers (qsync emit --to) here, one at a time, and keep serving after each stream ends: tcp://HOST:PORT or ws://HOST:PORT/PATH; port 0 picks a free one')
  .option('--from <source>', 'read a recording (.qsw), stdin (-), or dial a producer that listens (tcp://HOST:PORT, ws://HOST:PORT/PATH: a program serving with @qsync/wire toTcp/toWebSocket({ listen }); qsync emit and replay dial, so use --listen for them)')
  .option('--to <where>', 'also send the estimates on as wire streams, one per producer session: tcp://HOST:PORT, ws://HOST:PORT/PATH (dials a listening consumer), a file, or - (stdout, instead of the JSON lines)')
  .option('--streams <n>', 'with --listen: exit after n streams have ended (default: keep listening until SIGINT/SIGTERM)')
  .option('--bins <n>', 'bins of the phase-difference histogram on (−π, π]', '32')
  .option('--segment <n>', 'samples per segment of the current spectrum (a power of two)', '64')
  .exitOverride()
  .showHelpAfterError('(run qsync-detector --help for usage)')
  .addHelpText(
    'after',
    `
Examples:
  qsync-detector --listen tcp://127.0.0.1:7000          # then: qsync emit <scenario> --to tcp://127.0.0.1:7000
  qsync-detector --listen tcp://127.0.0.1:7000 --to tcp://127.0.0.1:7100 --streams 1
  qsync-detector --from currents.qsw | tail -n 1
  qsync emit <scenario> --to - | qsync-detector --from -`,
  )
  .action(async (options: { listen?: string; from?: string; to?: string; streams?: string; bins?: string; segment?: string }) => {
    // Ctrl-C or a service manager's SIGTERM ends the estimate streams cleanly and exits 0
    await untilStopped((signal) => detectCommand(options, { stdout: process.stdout, stderr: process.stderr }, signal));
  });

try {
  await program.parseAsync(process.argv);
  process.exitCode = 0;
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
  } else if (e instanceof UsageError) {
    process.stderr.write(`qsync-detector: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`qsync-detector: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
