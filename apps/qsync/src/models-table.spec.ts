import { readFileSync } from 'node:fs';
import { modelCatalog, type ModelEntry } from '@qsync/models';
import { describe, expect, it } from 'vitest';

const here = (p: string): string => new URL(p, import.meta.url).pathname;
const readme = readFileSync(here('../README.md'), 'utf8');

/** The README row of a catalog entry: name, kind, equation, title, parameters (* required, ? optional), operators, modes and spins, or channels. */
function row(name: string, e: ModelEntry): string {
  const code = (items: readonly string[]) => items.map((i) => `\`${i}\``).join(', ');
  const params = Object.entries(e.parameters)
    .map(([k, spec]) => `\`${k}\`${spec.default !== undefined ? '' : e.kind === 'stochastic' && e.optional.includes(k) ? '?' : '*'}`)
    .join(', ');
  const spins = e.kind !== 'quantum' || e.spins === undefined ? '' : 'names' in e.spins ? `; spins ${code(e.spins.names)}` : `; \`${e.spins.identical}\` identical spins`;
  const what =
    e.kind === 'quantum'
      ? `operators ${code(e.operators)}${e.modes.length > 0 ? `; modes ${code(e.modes)}` : ''}${spins}`
      : e.kind === 'permutation-invariant'
        ? `operators ${code(e.operators)}; \`${e.spins.identical}\` identical spins`
        : `channels ${code(Object.keys(e.channels))}`;
  return `| \`${name}\` | ${e.kind} | ${e.equation} | ${e.title} | ${params} | ${what} |`;
}

describe('README: models and the classical example', () => {
  it("lists every model of the catalog with its kind, parameters and operators or channels, as the catalog has them", () => {
    const table = readme.slice(readme.indexOf('<!-- models-table -->')).split('\n').slice(3);
    const rows = table.slice(0, table.findIndex((l) => !l.startsWith('|')));
    expect(rows).toEqual(Object.entries(modelCatalog).map(([name, e]) => row(name, e)));
  });

  it('shows the classical example scenario as the file holds it (less its description)', () => {
    const m = /<!-- scenario-example: (scenarios\/adler-noisy-slips\.json) -->\s*```json\n([\s\S]*?)```/.exec(readme);
    expect(m).not.toBeNull();
    const file = JSON.parse(readFileSync(here(`../${m?.[1] ?? ''}`), 'utf8')) as Record<string, unknown>;
    delete file.description;
    expect(JSON.parse(m?.[2] ?? 'null')).toEqual(file);
  });
});
