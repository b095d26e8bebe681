import type { Diagnostic } from '../model.ts';

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

/**
 * Pagefind's indexing process ended while it still held indexes: almost always the system ran out
 * of memory and killed it (at 1,000 issues it needs 3.4–3.7 GB). Every index it held is lost; a
 * new one starts a new process, so trying again can succeed once memory is free.
 */
export class SearchServiceDiedError extends SearchIndexError {
  override name = 'SearchServiceDiedError';
  constructor(readonly how: string) {
    super(
      `检索索引程序意外退出（可能内存不足）：Pagefind 进程${how}。请关闭其他占用内存的程序后重试；` +
        '内存仍不够时，请换一台内存更大的电脑，或先把部分期刊移出内容目录、用较少的期数生成（1,000 期约需 4 GB 内存）。',
    );
  }
}

/** The index was given up (a newer build took over) while something still waited on it. */
export class SearchIndexDiscardedError extends BulletinError {
  override name = 'SearchIndexDiscardedError';
  constructor() {
    super('搜索索引已放弃。');
  }
}

/**
 * The site's settings file is unreadable or breaks its rules. `diagnostics` are the problems at
 * their places in site.yaml, for commands that list them as they list content errors (check, the
 * preview); empty for a problem no line of the file holds (an environment variable, the old JSON).
 */
export class SettingsError extends BulletinError {
  override name = 'SettingsError';
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(message);
  }
}

/** `npm run generate` has nothing to generate from. */
export class GenerateError extends BulletinError {
  override name = 'GenerateError';
}

/** The output folder may not be written (not one of ours, in use by another build), or writing it failed. */
export class OutputWriteError extends BulletinError {
  override name = 'OutputWriteError';
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

/** A PDF could not be read for import: not a PDF, damaged, locked, too big, or without a text layer. */
export class PdfImportError extends BulletinError {
  override name = 'PdfImportError';
}

/** A Word file (.docx) the import cannot read: damaged, over a bound, or no Word document. */
export class WordImportError extends BulletinError {
  override name = 'WordImportError';
}
