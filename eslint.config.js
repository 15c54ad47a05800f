import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', ...builtinModules, ...builtinModules.map((name) => `${name}/*`)];

/** Import boundaries of the architecture: who may enter which room. */
/** Package import specifiers (#domain…) go to `paths`: in `patterns` a leading # reads as a gitignore comment. */
function restrictImports(groups) {
  const paths = groups.flatMap(({ group, ...rest }) => group.filter((name) => name.startsWith('#')).map((name) => ({ name, ...rest })));
  const patterns = groups
    .map(({ group, ...rest }) => ({ group: group.filter((name) => !name.startsWith('#')), ...rest }))
    .filter(({ group }) => group.length > 0);
  return { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'var/**', 'coverage/**', '.tools/**', 'apps/console/src/api/schema.ts'] },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [...tseslint.configs.strictTypeChecked, ...tseslint.configs.stylisticTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Nest modules are decorated classes without members.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Nest's option types and Swagger's DTOs are classes used as structural shapes; literals are the intended use.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  {
    // React event handlers: an arrow returning a call, and an async handler on an element, are the idiom.
    files: ['apps/console/**/*.tsx', 'apps/console/**/*.ts'],
    rules: {
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: restrictImports([
      { group: ['@nestjs/*', '@mikro-orm/*', '#persistence', '#config', '#temporal'], message: 'libs/domain is pure: no framework code.' },
      { group: ['@temporalio/*'], message: 'libs/domain may use Temporal types only (import type).', allowTypeImports: true },
      { group: nodeBuiltins, message: 'libs/domain is pure: no Node built-ins, so the workflow sandbox can run it.' },
    ]),
  },
  {
    files: ['workflows/**/*.ts'],
    rules: restrictImports([
      { group: nodeBuiltins, message: 'Workflow code is deterministic: no Node built-ins.' },
      {
        group: ['@nestjs/*', '@mikro-orm/*', '#persistence', '#config', '#temporal'],
        message: 'Workflow code may import only @temporalio/workflow, #domain/for-workflows and #contracts.',
      },
      {
        group: ['#domain'],
        message: 'Workflow code imports #domain/for-workflows: the whole domain (validation schemas, statistics) would be evaluated for every workflow.',
        allowTypeImports: true,
      },
      { group: ['**/apps/**'], message: 'Workflow code may use activity types only (import type).', allowTypeImports: true },
      {
        group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'],
        message: 'Workflow code runs in the sandbox: use @temporalio/workflow.',
      },
    ]),
  },
  {
    files: ['libs/contracts/**/*.ts'],
    rules: restrictImports([{ group: ['#domain'], message: 'Contracts are loaded by workflow code: import #domain/for-workflows.', allowTypeImports: true }]),
  },
  {
    files: ['apps/api/**/*.ts'],
    rules: restrictImports([{ group: ['**/apps/worker/**', '**/worker/src/**'], message: 'The api does not import the worker.' }]),
  },
  { files: ['apps/worker/**/*.ts'], rules: restrictImports([{ group: ['**/apps/api/**', '**/api/src/**'], message: 'The worker does not import the api.' }]) },
);
