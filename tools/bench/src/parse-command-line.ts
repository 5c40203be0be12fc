import { CommanderError, type Command } from 'commander';

/** Where {@link parseCommandLine} writes the help text (default: stdout). */
export interface CommandOutput {
  writeOut(text: string): void;
}

/**
 * Parses `argv` (the arguments after the script name) with a commander `Command` and returns
 * its options. Bad input throws an `Error` whose message starts with the command's name and
 * carries commander's words, which name the option and the value it got (`bench: option
 * '--reps <n>' argument '0' is invalid. Expected an integer ≥ 1.`). `--help` writes the help
 * to `output` and throws commander's `CommanderError` with code `'commander.helpDisplayed'`,
 * which a program treats as a normal exit. Nothing is written to stderr and the process is
 * never exited here.
 *
 * @param command - the options and help of one program (not yet parsed)
 * @param argv - arguments after the script name (`process.argv.slice(2)`)
 * @param output - receives the help text
 * @example
 * const cmd = new Command('demo').option('--quick', 'fewer repetitions');
 * parseCommandLine<{ quick?: boolean }>(cmd, ['--quick']); // { quick: true }
 */
export function parseCommandLine<T>(
  command: Command,
  argv: readonly string[],
  output: CommandOutput = { writeOut: (text) => process.stdout.write(text) },
): T {
  command
    .exitOverride()
    .configureOutput({ writeOut: (text) => output.writeOut(text), writeErr: () => undefined, outputError: () => undefined });
  try {
    command.parse([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError && e.code !== 'commander.helpDisplayed' && e.code !== 'commander.help') {
      const message = e.message.replace(/^error: /, '').replace(/\n/g, ' ');
      throw new Error(`${command.name()}: ${message} (--help lists the options)`);
    }
    throw e;
  }
  return command.opts<T & Record<string, unknown>>();
}
