import { createHash } from 'node:crypto';

/**
 * An article's id, and so its URL, depends on nothing but the article itself: the editor's
 * `{#id}` when given (stable for good), else a short hash of its title, so that editing or
 * inserting another article never moves this one.
 */
export function articleId(title: string, explicitId?: string): string {
  if (explicitId !== undefined) return explicitId;
  return `a-${createHash('sha256').update(title.normalize('NFC')).digest('hex').slice(0, 8)}`;
}
