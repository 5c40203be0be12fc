// A file written by `qsync record` (the record command's own code, in-process) read by the
// Python reader that libs/wire/README.md prints, run as printed with Debian's python3-msgpack:
// its header carries the scenario's provenance and its samples equal, double for double, the
// trajectory computed here in one piece from a config written out in the spec's support
// (test-support/stream-reference.ts), not read from the scenario as the emitter reads it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STREAM_SEED, streamReferenceConfig, streamReferenceCurrents, streamScenario } from '../test-support/stream-reference';
import { emitCommand } from './emit-command';

const PYTHON = '/usr/bin/python3';
const probe = spawnSync(PYTHON, ['-c', 'import msgpack'], { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
const missing = probe.error !== undefined || probe.status !== 0
  ? `skipped: ${PYTHON} with msgpack is not available (${probe.error?.message ?? probe.stderr.trim().split('\n').at(-1)}); install it: apt-get install -y python3-msgpack (.ci/run does)`
  : null;
const dir = mkdtempSync(join(tmpdir(), 'qsync-record-python-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;

/** The one ```python block of libs/wire/README.md: the reader. */
function readmePython(): string {
  const readme = readFileSync(new URL('../../../../libs/wire/README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/^```python\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  expect(blocks, "libs/wire/README.md has exactly one ```python block: the reader").toHaveLength(1);
  return blocks[0];
}

describe(missing ?? "a `qsync record` file read by the wire README's Python reader", () => {
  it.skipIf(missing !== null)('gives the provenance of the scenario and every sample of I0, I1 equal to the in-process trajectory', async () => {
    const recording = join(dir, 'currents.qsw');
    await emitCommand(streamScenario, { to: recording, block: '100' }, { stdout: quiet, stderr: quiet }, 'record');
    const script = join(dir, 'read_qsw.py');
    writeFileSync(script, readmePython());
    const run = spawnSync(PYTHON, [script, recording], { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL', maxBuffer: 64 * 2 ** 20 });
    expect(run.status, `the README's Python reader failed:\n${run.stderr}`).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.kind)).toEqual(['header', ...Array<string>(21).fill('block'), 'end']);
    const provenance = (lines[0] as { provenance: Record<string, unknown> }).provenance;
    expect([provenance.model, provenance.seed, provenance.parameters]).toEqual([streamReferenceConfig.model, STREAM_SEED, streamReferenceConfig.parameters]);
    const reference = await streamReferenceCurrents();
    let compared = 0;
    for (const [b, line] of lines.slice(1, -1).entries()) {
      const block = line as { seq: number; t0: number; dt: number; columns: Record<'I0' | 'I1', [number, number][]> };
      expect([block.seq, block.dt]).toEqual([b, 0.02]);
      expect(Math.abs(block.t0 - 2 * b)).toBeLessThan(1e-9);
      for (const name of ['I0', 'I1'] as const) {
        const want = reference[name];
        block.columns[name].forEach(([re, im], k) => {
          const i = 100 * b + k;
          // === on doubles: Python prints the shortest repr that round-trips, JSON.parse restores the same double
          if (re !== want[2 * i] || im !== want[2 * i + 1]) throw new Error(`${name} differs at sample ${i}: Python read ${re} + ${im}i, in-process ${want[2 * i]} + ${want[2 * i + 1]}i`);
          compared++;
        });
      }
    }
    expect(compared).toBe(2 * 2001);
  }, 120_000); // seconds on a quiet machine; the bound only catches a hang on a loaded CI machine
});
