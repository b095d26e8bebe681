// @ts-check
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// A type assertion straight on top of `as unknown` / `as never` / `as any` (or the `<T>x` forms):
// it tells the compiler to stop checking, so say it with a type guard or a typed helper instead.
const doubleAssertion =
  ':matches(TSAsExpression, TSTypeAssertion) > ' +
  ':matches(TSAsExpression, TSTypeAssertion).expression[typeAnnotation.type=/^TS(Unknown|Never|Any)Keyword$/]';

export default defineConfig(
  // Build output, caches, user content, test inputs and the git-ignored scratch folders are not ours to lint.
  globalIgnores(['_site*/', '.cache/', 'content/', 'public/', 'tests/fixtures/', 'tmp/', 'screenshots/']),
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked, prettier],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@stylistic': stylistic },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: doubleAssertion,
          message: 'Double type assertion: narrow with a type guard or a typed helper instead of `as unknown as T`.',
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // verbatimModuleSyntax keeps value imports at run time, so type-only ones must say so.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: true },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      // The code names what it leaves out of a spread `_name` (`{ html: _html, ...article }`), as tsc allows.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // `async` is how the code writes a function a Promise-typed slot wants (a stub, a callback);
      // the harmful cases are no-floating-promises' and no-misused-promises' job.
      '@typescript-eslint/require-await': 'off',
      // Control characters in patterns are deliberate here (URL sanitising, ASCII ranges), never typos.
      'no-control-regex': 'off',
      // Prettier wraps code, but cannot split strings: long Chinese messages get split by hand.
      // Counted in code points (a Chinese character is 1; Prettier counts it 2, so it wraps sooner).
      '@stylistic/max-len': [
        'error',
        {
          code: 120,
          tabWidth: 2,
          ignoreUrls: false,
          ignoreStrings: false,
          ignoreTemplateLiterals: false,
          ignoreRegExpLiterals: false,
          ignoreComments: false,
        },
      ],
    },
  },
  {
    // Vitest's asymmetric matchers (expect.stringContaining, expect.any, …) are typed `any`, so every
    // toMatchObject({ message: expect.stringContaining(…) }) would trip this; member access and calls
    // on `any` stay checked.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // This file: not in tsconfig.json, so no type information.
    files: ['**/*.js'],
    extends: [js.configs.recommended, tseslint.configs.disableTypeChecked, prettier],
  },
);
