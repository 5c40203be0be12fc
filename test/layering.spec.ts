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
    // Here the import would also close a cycle (operators uses linalg); either way it fails.
    const errors = await boundaryErrors('libs/linalg/src/x.ts', "import { fockSpace } from '@qsync/operators';\nexport const s = fockSpace(2);\n");
    expect(errors.length).toBeGreaterThan(0);
  });
  it('refuses a library importing an app', async () => {
    const errors = await boundaryErrors('libs/models/src/x.ts', "import * as cli from '@qsync/cli';\nexport const c = cli;\n");
    expect(errors.length).toBeGreaterThan(0);
  });
  it('allows a higher layer to import a lower one', async () => {
    const errors = await boundaryErrors('libs/models/src/x.ts', "import { fockSpace } from '@qsync/operators';\nexport const s = fockSpace(2);\n");
    expect(errors).toEqual([]);
  });
});
