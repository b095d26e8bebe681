/**
 * The value, or a thrown error naming what is missing: for a test's lookups (`list[0]`, `find`, `exec`, `get`)
 * that must find something, so a missing value fails the test instead of being asserted away with `!`.
 */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing ${what}`);
  return value;
}
