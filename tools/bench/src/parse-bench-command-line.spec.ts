import { CommanderError, type Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { integerArgument } from './integer-argument';
import { parseBenchCommandLine } from './parse-bench-command-line';

const line = {
  name: 'demo bench',
  script: 'bench:demo',
  description: 'a demo',
  readmeSection: 'demo results section',
  options: (c: Command) => c.option('--reps <n>', 'timed calls', integerArgument(1)).option('--quick', 'fewer'),
};
const silent = { writeOut: () => {} };

describe('parseBenchCommandLine', () => {
  it('returns the options, quick, and writeReadme (full runs only unless --readme / --no-readme, the last one counts)', () => {
    expect(parseBenchCommandLine<{ reps?: number }>(line, ['--reps', '4'])).toMatchObject({ reps: 4, quick: false, writeReadme: true });
    expect(parseBenchCommandLine(line, ['--quick'])).toMatchObject({ quick: true, writeReadme: false });
    expect(parseBenchCommandLine(line, ['--quick', '--readme']).writeReadme).toBe(true);
    expect(parseBenchCommandLine(line, ['--readme', '--no-readme']).writeReadme).toBe(false);
  });

  it('names the program and the option in errors', () => {
    expect(() => parseBenchCommandLine(line, ['--reps', '0'], silent)).toThrow(/^demo bench: option '--reps <n>' argument '0' is invalid/);
    expect(() => parseBenchCommandLine(line, ['--fast'], silent)).toThrow("demo bench: unknown option '--fast'");
  });

  it('--help shows the usage with the npm script, the README section, and throws commander’s help signal', () => {
    let help = '';
    let thrown: unknown;
    try {
      parseBenchCommandLine(line, ['--help'], { writeOut: (t) => (help += t) });
    } catch (e) {
      thrown = e;
    }
    expect((thrown as CommanderError).code).toBe('commander.helpDisplayed');
    expect(help).toContain('(npm run bench:demo -- [options])');
    expect(help.replace(/\s+/g, ' ')).toContain('rewrite the demo results section of tools/bench/README.md (default for a full run)');
    expect(help).toContain('--no-readme');
  });
});
