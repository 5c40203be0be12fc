import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../common/errors';
import { figureCommand } from './figure-command';
import { svgElements } from '@qsync/plots';

const tmp = mkdtempSync(join(tmpdir(), 'qsync-fig-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function io() {
  let out = '';
  return {
    io: {
      stdout: { write: (s: string) => (out += s) },
      stderr: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
    },
    out: () => out,
  };
}

describe('qsync figure', () => {
  it('writes JSON, one CSV and one SVG per panel, and prints the checks', async () => {
    const t = io();
    const dir = join(tmp, 'f26');
    await figureCommand('2.6', { out: dir }, t.io);
    expect(readdirSync(dir).sort()).toEqual([
      'figure-2.6-checks.csv',
      'figure-2.6.json',
      'figure-2.6a.csv',
      'figure-2.6a.svg',
      'figure-2.6b.csv',
      'figure-2.6b.svg',
    ]);
    const json = JSON.parse(readFileSync(join(dir, 'figure-2.6.json'), 'utf8'));
    expect(json.panels[1].series[0].x).toHaveLength(1201);
    const csv = readFileSync(join(dir, 'figure-2.6b.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('series,phase difference φ_AB,U(φ_AB)');
    expect(csv).toHaveLength(1202);
    const [, x, y] = csv[1].split(',').slice(-3).map(Number);
    expect(y).toBeCloseTo(-0.5 * x - Math.cos(x), 12);
    svgElements(readFileSync(join(dir, 'figure-2.6a.svg'), 'utf8'));
    expect(t.out()).toMatch(/^Fig\. 2\.6 — /);
    // a deterministic check: no standard error, in the summary or in the checks' CSV (empty field)
    expect(t.out()).toMatch(/nearest 0 \(panel b\): 0\.52360 \(expected 0\.52360, Eq\. 2\.22\)\n/);
    const checks = readFileSync(join(dir, 'figure-2.6-checks.csv'), 'utf8').trim().split('\n');
    expect(checks[0]).toBe('name,equation,value,expected,standardError');
    expect(checks).toHaveLength(json.checks.length + 1);
    for (const line of checks.slice(1)) expect(line.endsWith(',')).toBe(true);
  });

  it('prints, and writes to JSON and CSV, the standard error of each statistical check', async () => {
    // Fig. 2.3 at its smallest size (400 trajectories): its four checks are statistical
    const t = io();
    const dir = join(tmp, 'f23');
    await figureCommand('2.3', { out: dir, scale: '0.01' }, t.io);
    const checks = JSON.parse(readFileSync(join(dir, 'figure-2.3.json'), 'utf8')).checks as {
      name: string;
      value: number;
      expected: number;
      standardError: number;
    }[];
    expect(checks).toHaveLength(4);
    const csv = readFileSync(join(dir, 'figure-2.3-checks.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(5);
    const printed = t.out().split('\n');
    for (const [k, c] of checks.entries()) {
      expect(c.standardError).toBeGreaterThan(0);
      // the CSV holds the numbers at full precision (the name, which may be quoted, comes first)
      expect(csv[k + 1].split(',').slice(-3).map(Number)).toEqual([c.value, c.expected, c.standardError]);
      // the summary: value ± SE (expected …, Eq. …; k SE apart), SE to two digits
      const line = printed.find((l) => l.startsWith(`  ${c.name}: `));
      const m = /: (\S+) ± (\S+) \(expected (\S+), Eq\. [^;]+; (\S+) SE apart\)$/.exec(line ?? '');
      expect(m, `line of '${c.name}': ${line}`).not.toBeNull();
      const [value, se, expected, apart] = (m ?? []).slice(1).map(Number);
      expect(value).toBeCloseTo(c.value, Math.max(0, 4 - Math.floor(Math.log10(Math.abs(c.value)))));
      expect(Math.abs(se - c.standardError)).toBeLessThanOrEqual(0.05 * c.standardError);
      expect(Math.abs(expected - c.expected)).toBeLessThanOrEqual(5e-5 * Math.abs(c.expected));
      expect(apart).toBeCloseTo(Math.abs(c.value - c.expected) / c.standardError, 1);
    }
    // and the JSON summary of --json carries them as well
    const j = io();
    await figureCommand('2.3', { out: join(tmp, 'f23j'), scale: '0.01', json: true }, j.io);
    const summary = JSON.parse(j.out()) as { checks: { standardError?: number }[] };
    expect(summary.checks.map((c) => c.standardError)).toEqual(checks.map((c) => c.standardError));
  });

  it('writes PNG images beside the SVG ones with --png', async () => {
    const dir = join(tmp, 'f26png');
    await figureCommand('2.6', { out: dir, png: true }, io().io);
    const files = readdirSync(dir).sort();
    expect(files.filter((f) => f.endsWith('.png'))).toEqual(['figure-2.6a.png', 'figure-2.6b.png']);
    const png = readFileSync(join(dir, 'figure-2.6a.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // twice the SVG's size: the line plots are 720 × 440 SVG pixels
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1440, 880]);
  });

  it('prints a JSON summary with --json', async () => {
    const t = io();
    await figureCommand('2.6', { out: join(tmp, 'f26j'), json: true }, t.io);
    const summary = JSON.parse(t.out());
    expect(summary.figure).toBe('2.6');
    expect(summary.checks[0].equation).toBe('2.22');
    expect(summary.checks[0]).not.toHaveProperty('standardError');
  });

  it('lists the figures', async () => {
    const t = io();
    await figureCommand('list', {}, t.io);
    expect(t.out()).toMatch(/^2\.6 +Adler equation/m);
  });

  it('refuses an unknown figure, a bad scale and a non-numeric seed as usage errors', async () => {
    await expect(figureCommand('9.9', {}, io().io)).rejects.toThrow(ScenarioError);
    await expect(figureCommand('9.9', {}, io().io)).rejects.toThrow(/unknown figure '9\.9' \(known: .*2\.6/);
    await expect(figureCommand('2.6', { scale: '2' }, io().io)).rejects.toThrow(/'scale' must be a number in \(0, 1\]/);
    await expect(figureCommand('2.6', { seed: 'x' }, io().io)).rejects.toThrow(/--seed: must be a number, got 'x'/);
  });
});
