import { visit } from 'unist-util-visit';
import { defineConfigurableRule, pointInHeading, pointInText } from '../../pipeline/lint.ts';
import { parkLikeNames } from '../candidates.ts';
import type { ParkMatcher } from '../matcher.ts';

const advice = '像是园区名称，但不在园区名录中。如是园区，请把它（或它的全称与简称）加到 content/parks.yaml。';

/**
 * Names that look like a park (…经济技术开发区, …工业园区) but are no park of the gazetteer, in
 * titles and text: the park would get no page and no timeline. Only a warning: the guess may be
 * wrong, and an editor may not want every park listed. Each name once per article, at its first
 * place: the advice is the same for every other, and an article that repeats one name thousands
 * of times would drown the report (and the check's time) in copies of it.
 */
export const unknownPark = defineConfigurableRule<{ matcher: ParkMatcher }>(
  'unknown-park',
  'warning',
  ({ file, draft }, { matcher }) => {
    for (const article of draft.sections.flatMap((section) => section.articles)) {
      const told = new Set<string>();
      for (const { name, start } of parkLikeNames(article.title, matcher.find(article.title))) {
        if (told.has(name)) continue;
        told.add(name);
        file.message(`“${name}” ${advice}`, pointInHeading(file, article.heading, start));
      }
      for (const block of article.body) {
        visit(block, 'text', (node) => {
          for (const found of parkLikeNames(node.value, matcher.find(node.value))) {
            if (told.has(found.name)) continue;
            told.add(found.name);
            file.message(`“${found.name}” ${advice}`, pointInText(file, node, found.start));
          }
        });
      }
    }
  },
);
