import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import { repeatsText } from '../../core/diagnostics.ts';
import { defineConfigurableRule, pointInHeading, pointInText } from '../../pipeline/lint.ts';
import { parkLikeNames } from '../candidates.ts';
import type { ParkMatcher } from '../matcher.ts';

const advice = (gazetteerPath: string) =>
  `像是园区名称，但不在园区名录中。如是园区，请把它（或它的全称与简称）加到 ${gazetteerPath}。`;

/**
 * Names that look like a park (…经济技术开发区, …工业园区) but are no park of the gazetteer, in
 * titles and text: the park would get no page and no timeline. Only a warning: the guess may be
 * wrong, and an editor may not want every park listed. Each name once per issue, at its first
 * place, with the lines of all its places: the advice is the same for every one, and an issue
 * that repeats one name thousands of times would drown the report (and the check's time) in
 * copies of it; places are only counted, the message is made once. `unreadNames` are the names
 * of gazetteer entries that could not be read: those parks are listed, and not told again here.
 */
export const unknownPark = defineConfigurableRule<{
  matcher: ParkMatcher;
  unreadNames?: readonly string[];
  /** The gazetteer as messages name it: where the content folder is, as the editor gave it. */
  gazetteerPath?: string;
}>(
  'unknown-park',
  'warning',
  ({ file, draft }, { matcher, unreadNames = [], gazetteerPath = 'content/parks.yaml' }) => {
    const places = new Map<string, { first: Point | undefined; lines: number[] }>();
    const found = (name: string, at: () => Point | undefined) => {
      // A park whose entry in the gazetteer is broken is listed: the entry is what is reported.
      if (unreadNames.some((unread) => name.endsWith(unread))) return;
      const seen = places.get(name);
      if (seen) {
        const line = at()?.line;
        if (line !== undefined) seen.lines.push(line);
        return;
      }
      const first = at();
      places.set(name, { first, lines: first ? [first.line] : [] });
    };
    for (const article of draft.sections.flatMap((section) => section.articles)) {
      for (const { name, start } of parkLikeNames(article.title, matcher.find(article.title))) {
        found(name, () => pointInHeading(file, article.heading, start));
      }
      for (const block of article.body) {
        visit(block, 'text', (node) => {
          for (const { name, start } of parkLikeNames(node.value, matcher.find(node.value))) {
            found(name, () => pointInText(file, node, start));
          }
        });
      }
    }
    for (const [name, { first, lines }] of places)
      file.message(`“${name}” ${advice(gazetteerPath)}${repeatsText(lines)}`, first);
  },
);
