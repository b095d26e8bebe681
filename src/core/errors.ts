/**
 * The errors this project throws on purpose, as classes a caller can tell apart without reading
 * their wording. Each message says in Chinese what happened and what to do; commands print it
 * without a stack trace. Anything else thrown is a bug and is reported as one.
 */
export class BulletinError extends Error {
  override name = 'BulletinError';
}

/** Pagefind could not start, index a page or write the index. */
export class SearchIndexError extends BulletinError {
  override name = 'SearchIndexError';
}

/** The index was given up (a newer build took over) while something still waited on it. */
export class SearchIndexDiscardedError extends BulletinError {
  override name = 'SearchIndexDiscardedError';
  constructor() {
    super('搜索索引已放弃。');
  }
}

/** The site's settings file is unreadable or breaks its rules. */
export class SettingsError extends BulletinError {
  override name = 'SettingsError';
}

/** `npm run generate` has nothing to generate from. */
export class GenerateError extends BulletinError {
  override name = 'GenerateError';
}

/** Something the program itself guarantees did not hold: a bug, never bad content. */
export class InvariantError extends Error {
  override name = 'InvariantError';
}

/**
 * The engine ran out of stack: what deep nesting or a recursive walk over a huge tree gives. Not
 * a bug in itself, and not the system's fault either: the content was too deep to process.
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
