const wide = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…]/u;

/**
 * Chinese characters and full-width punctuation: a line break next to one is only layout and
 * vanishes when lines are joined, where between Latin words it stands for a space.
 */
export function isWide(char: string): boolean {
  return wide.test(char);
}
