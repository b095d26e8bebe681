import { fileStart, type Place } from '../../core/diagnostics.ts';
import type { Diagnostic, Severity } from '../../model.ts';
import type { MastheadField } from '../../core/content-format.ts';
import type { Masthead } from '../masthead.ts';

/** What the archive-wide rules need to know of one issue file. */
export interface IssueEntry {
  /** How messages name the file. */
  path: string;
  /** Path inside the content folder, with forward slashes. */
  relativePath: string;
  masthead: Masthead;
  places: Partial<Record<MastheadField, Place>>;
}

/**
 * A rule over the whole archive (file names, duplicates, the order of 总第N期): it needs every
 * issue's masthead, so it runs once all files are read, and reports in the archive's form.
 */
export interface ArchiveRule {
  readonly id: string;
  readonly severity: Severity;
  check(entries: readonly IssueEntry[], context: ArchiveRuleContext): Diagnostic[];
}

export interface ArchiveRuleContext {
  /** How messages name the content folder: `content`, or what CONTENT_DIR gives. */
  displayDir: string;
}

/** Where a masthead field was written, for messages about it; the file's start when unknown. */
export function fieldPlace(entry: IssueEntry, field: MastheadField): Place {
  return entry.places[field] ?? fileStart;
}

/**
 * Entries that share a key with an earlier one, each with that earlier entry. Earlier means first
 * by path, so the same file keeps the issue whatever order the folder lists them in.
 */
export function laterDuplicates<Key>(
  entries: readonly IssueEntry[],
  key: (entry: IssueEntry) => Key,
): { entry: IssueEntry; earlier: IssueEntry }[] {
  const first = new Map<Key, IssueEntry>();
  const duplicates: { entry: IssueEntry; earlier: IssueEntry }[] = [];
  for (const entry of [...entries].sort((a, b) => a.relativePath.localeCompare(b.relativePath))) {
    const earlier = first.get(key(entry));
    if (earlier) duplicates.push({ entry, earlier });
    else first.set(key(entry), entry);
  }
  return duplicates;
}
