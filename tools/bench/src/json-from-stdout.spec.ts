import { describe, expect, it } from 'vitest';
import { jsonFromStdout } from './json-from-stdout';

describe('jsonFromStdout', () => {
  it("skips QuTiP's first-import message before the result (doc example)", () => {
    expect(jsonFromStdout('Calibrating OpenMP threshold...\n{"cases":[]}\n', 'parse')).toEqual({ cases: [] });
  });

  it('reads a result alone, without a final newline, and with blank lines around it', () => {
    expect(jsonFromStdout('{"a":1}', 'parse')).toEqual({ a: 1 });
    expect(jsonFromStdout('\n{"a":[1,2]}\n\n', 'parse')).toEqual({ a: [1, 2] });
    // only the last line counts, even when an earlier one is JSON too
    expect(jsonFromStdout('{"a":1}\n{"a":2}\n', 'parse')).toEqual({ a: 2 });
  });

  it('refuses output whose last line is not JSON, quoting its end', () => {
    expect(() => jsonFromStdout('Calibrating OpenMP threshold...\n', 'parseX')).toThrow(
      "parseX: argument 'text' must end with a line of JSON (the script's result), got 'Calibrating OpenMP threshold...\n'",
    );
    expect(() => jsonFromStdout('', 'parseX')).toThrow("got ''");
    expect(() => jsonFromStdout('{"a":1}\nTraceback (most recent call last)\n', 'parseX')).toThrow(/got '\{"a":1\}\nTraceback/);
    expect(() => jsonFromStdout('x'.repeat(400), 'parseX')).toThrow(/got '…x{300}'$/);
  });
});
