/**
 * The layering of ../shared/DESIGN.md is enforced by lint (Nx module boundaries, see
 * eslint.config.mjs): a lower layer importing a higher one, or a library importing an app,
 * fails. These tests lint small snippets as if they lived in a library.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${file}` });
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries', () => {
  it('refuses a dynamics library importing the analysis layer', async () => {
    const errors = await boundaryErrors('libs/integrators/src/x.ts', "import { husimiQ } from '@qsync/probes';\nexport const q = husimiQ;\n");
    expect(errors.join('\n')).toMatch(/layer:dynamics.*can only depend on libs tagged with.*layer:physics/s);
  });
  it('refuses a kernel library importing the physics layer', async () => {
    // plots is a kernel library that operators does not use: no cycle, only the layering refuses it
    const errors = await boundaryErrors('libs/plots/src/x.ts', "import { fockSpace } from '@qsync/operators';\nexport const s = fockSpace(2);\n");
    expect(errors.join('\n')).toMatch(/layer:kernel.*can only depend on libs tagged with "layer:kernel"$/s);
  });
  it('refuses the cross-library tests (a tool) importing an app', async () => {
    // the app does not use this project, so no cycle: the tool layer's own constraint refuses it
    const errors = await boundaryErrors('test/x.ts', "import * as cli from '@qsync/cli';\nexport const c = cli;\n");
    expect(errors.join('\n')).toMatch(/layer:tool.*can only depend on libs tagged with.*layer:transport/s);
    expect(errors.join('\n')).not.toMatch(/layer:app/);
  });
  it('refuses a library importing an app (the app uses every library: the import closes a cycle)', async () => {
    const errors = await boundaryErrors('libs/models/src/x.ts', "import * as cli from '@qsync/cli';\nexport const c = cli;\n");
    expect(errors.join('\n')).toMatch(/^Circular dependency between "@qsync\/models" and "@qsync\/cli"/);
  });
  it('allows a higher layer to import a lower one', async () => {
    const errors = await boundaryErrors('libs/models/src/x.ts', "import { fockSpace } from '@qsync/operators';\nexport const s = fockSpace(2);\n");
    expect(errors).toEqual([]);
  });
});
