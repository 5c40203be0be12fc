// Lint for the whole workspace. The module-boundary rule encodes the layering of
// ../shared/DESIGN.md: a project may import only projects of its own or a lower layer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

const layers = ['kernel', 'physics', 'dynamics', 'measurement', 'analysis', 'models', 'transport', 'app'];
const depConstraints = layers.map((layer, i) => ({
  sourceTag: `layer:${layer}`,
  onlyDependOnLibsWithTags: layers.slice(0, i + 1).map((l) => `layer:${l}`),
}));
// tools and cross-library tests may use every library, but no app.
depConstraints.push({
  sourceTag: 'layer:tool',
  onlyDependOnLibsWithTags: layers.slice(0, -1).map((l) => `layer:${l}`),
});

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.nx/**', 'runs/**', '**/out/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints },
      ],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Programs, tools and tests talk to a terminal; libraries never print.
    files: ['apps/**', 'tools/**', 'test/**', '**/*.spec.ts'],
    rules: { 'no-console': 'off' },
  },
);
