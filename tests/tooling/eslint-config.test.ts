import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The double-assertion ban is an AST selector, which fails silently when mistyped (it then matches
// nothing), so it is tested on snippets, taken from the config as ESLint resolves it for a source file.
describe('eslint.config.js: no double type assertions', () => {
  let linter: Linter;
  let config: Linter.Config[];

  beforeAll(async () => {
    const resolved: unknown = await new ESLint().calculateConfigForFile('src/model.ts');
    const rule = (resolved as Linter.Config).rules?.['no-restricted-syntax'];
    expect(rule).toBeDefined();
    linter = new Linter();
    config = [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, rules: { 'no-restricted-syntax': rule } },
    ];
  });

  const problems = (code: string) => linter.verify(code, config, 'probe.ts').length;

  it.each([
    'x as unknown as T',
    '(x as never) as T',
    'x as any as T',
    '<T>(<unknown>x)',
    '<T>(x as unknown)',
    '(x as unknown as T).y',
  ])('refuses %s', (expression) => {
    expect(problems(`const a = ${expression};`)).toBe(1);
  });

  it.each(['x as unknown', 'x as T', 'f(x as unknown) as T', 'x as T as unknown', '(x as unknown) satisfies unknown'])(
    'allows %s',
    (expression) => {
      expect(problems(`const a = ${expression};`)).toBe(0);
    },
  );
});
