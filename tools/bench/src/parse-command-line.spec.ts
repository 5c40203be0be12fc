import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { integerArgument } from './integer-argument';
import { parseCommandLine } from './parse-command-line';

const demo = () =>
  new Command('demo').option('--quick', 'fewer repetitions').option('--reps <n>', 'repetitions', integerArgument(1));

describe('parseCommandLine', () => {
  it('returns the options given (doc example), and nothing for those left out', () => {
    expect(parseCommandLine<{ quick?: boolean }>(demo(), ['--quick'])).toEqual({ quick: true });
    expect(parseCommandLine(demo(), [])).toEqual({});
    expect(parseCommandLine(demo(), ['--reps=3'])).toEqual({ reps: 3 });
  });

  it("throws commander's words under the command's name, writing nothing to stderr and not exiting", () => {
    expect(() => parseCommandLine(demo(), ['--reps', 'x'])).toThrow(
      "demo: option '--reps <n>' argument 'x' is invalid. Expected an integer ≥ 1. (--help lists the options)",
    );
    // commander's suggestion comes on one line
    expect(() => parseCommandLine(demo(), ['--quik'])).toThrow("demo: unknown option '--quik' (Did you mean --quick?)");
  });

  it('--help writes the usage to the output and throws the help signal', () => {
    let help = '';
    let thrown: unknown;
    try {
      parseCommandLine(demo(), ['--help'], { writeOut: (t) => (help += t) });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CommanderError);
    expect((thrown as CommanderError).code).toBe('commander.helpDisplayed');
    expect(help).toMatch(/Usage: demo \[options\][\s\S]*--reps <n>\s+repetitions/);
  });
});
