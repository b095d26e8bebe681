import { describe, expect, it } from 'vitest';
import { CharacterCounter, readIndexStatistics, type CharacterStats } from '../../src/search/character-stats.ts';
import { createPlanner, queryCharacters, requiredTerms, type IndexCosts } from '../../src/search/query-plan.ts';
import { matchesQuery } from '../../src/search/query.ts';
import { parseQuery } from '../../src/search/query-syntax.ts';
import { blockEnd, foldText, recordBlocks, spaceTokens } from '../../src/search/tokens.ts';

describe('character statistics', () => {
  const counter = new CharacterCounter();
  counter.add(['泰州园区', '园区园区']);
  counter.add(['合肥园区']);
  counter.add(['voc 3.0']);
  const costs: IndexCosts = { perOccurrence: 2, chunk: 1000, fragment: 3000 };
  const statistics = readIndexStatistics(JSON.parse(JSON.stringify(counter.toFile(costs))));

  it('counts pages and occurrences of term characters only', () => {
    // `3.0` is one term: its full stop is a term character too.
    expect(counter.occurrences).toBe(4 + 4 + 4 + 3 + 3);
    expect(statistics?.characters.pages).toBe(3);
    expect(statistics?.characters.pagesWith('园')).toBe(2);
    expect(statistics?.characters.occurrences('园')).toBe(4);
    expect(statistics?.characters.pagesWith('泰')).toBe(1);
    expect(statistics?.characters.pagesWith('v')).toBe(1);
    expect(statistics?.characters.pagesWith(' ')).toBe(0);
    expect(statistics?.characters.pagesWith('鑫')).toBe(0);
    expect(statistics?.costs).toEqual(costs);
  });

  it('rounds counts to quarter powers of two, within 10 %', () => {
    const many = new CharacterCounter();
    for (let page = 0; page < 1000; page++) many.add([page % 3 === 0 ? '泰泰' : '园']);
    const read = readIndexStatistics(many.toFile(costs));
    expect(read?.characters.pagesWith('园')).toBeGreaterThan(666 * 0.9);
    expect(read?.characters.pagesWith('园')).toBeLessThan(667 * 1.1);
    expect(read?.characters.occurrences('泰')).toBeGreaterThan(668 * 0.9);
    expect(read?.characters.occurrences('泰')).toBeLessThan(668 * 1.1);
  });

  it.each([
    null,
    'x',
    { version: 2, pages: 1, counts: {}, costs },
    { version: 1, pages: 1, counts: {}, costs: { ...costs, chunk: 0 } },
    { version: 1, pages: 1, counts: null, costs },
    { version: 1, pages: 1, counts: {}, costs: { perOccurrence: 1, chunk: 1 } },
  ])('reads an unreadable table as none: %j', (data) => {
    expect(readIndexStatistics(data)).toBeUndefined();
  });
});

/** Characters with these page shares in an archive of 1,000 pages, 10 occurrences a page. */
function stats(shares: Record<string, number>): CharacterStats {
  return {
    pages: 1000,
    pagesWith: (char) => Math.round((shares[char] ?? 0) * 1000),
    occurrences: (char) => Math.round((shares[char] ?? 0) * 10_000),
  };
}

describe('query plan', () => {
  const costs: IndexCosts = { perOccurrence: 3, chunk: 2000, fragment: 3000 };

  it('takes required terms only: an OR group requires none of its terms', () => {
    expect(requiredTerms(parseQuery('泰州 合肥 OR 贵阳 -巢湖'))).toEqual(['泰州']);
    expect([...queryCharacters(parseQuery('泰州 -巢湖'))].sort()).toEqual([...'州巢泰湖'].sort());
  });

  it('starts a long query with a window of its rarest characters', () => {
    const parsed = parseQuery('的园区泰州鑫');
    const planner = createPlanner(parsed, stats({ 的: 0.99, 园: 0.8, 区: 0.8, 泰: 0.05, 州: 0.1, 鑫: 0.001 }), costs);
    const step = planner.plan();
    expect(step.window).toBeDefined();
    expect(step.window).toContain('鑫');
    expect(step.cost).toBeLessThan(planner.remainingFullCost());
  });

  it('checks the candidates once they are few, and searches on while they are many', () => {
    const parsed = parseQuery('的园区泰州鑫');
    const shares = { 的: 0.99, 园: 0.8, 区: 0.8, 泰: 0.05, 州: 0.1, 鑫: 0.001 };
    const planner = createPlanner(parsed, stats(shares), { ...costs, fragment: 500 });
    planner.searched('州鑫');
    expect(planner.plan(1).window).toBeUndefined();
    expect(planner.plan(400).window).toBeDefined();
  });

  it('prefers searching every term when the query has only common characters', () => {
    const parsed = parseQuery('园区的');
    const planner = createPlanner(parsed, stats({ 的: 0.99, 园: 0.8, 区: 0.8 }), costs);
    expect(planner.remainingFullCost()).toBeLessThanOrEqual(planner.plan().cost);
  });

  it('counts what is loaded: a searched window costs nothing more in full', () => {
    const parsed = parseQuery('泰州鑫');
    const planner = createPlanner(parsed, stats({ 泰: 0.05, 州: 0.1, 鑫: 0.001 }), costs);
    const before = planner.remainingFullCost();
    planner.searched('泰州');
    expect(planner.remainingFullCost()).toBeLessThan(before);
  });

  it('takes the longer window when two cost the same: adjacency narrows for free', () => {
    const planner = createPlanner(parseQuery('泰州'), stats({ 泰: 0.05, 州: 0.1 }), { ...costs, fragment: 1e5 });
    planner.searched('泰');
    expect(planner.plan(50).window).toBe('泰州');
  });

  it('trusts its guesses less after a window that narrowed less than guessed', () => {
    const shares = { 泰: 0.01, 州: 0.02, 合: 0.03, 肥: 0.04 };
    const query = parseQuery('泰州，合肥');
    const trusting = createPlanner(query, stats(shares), { ...costs, fragment: 1000 });
    const taught = createPlanner(query, stats(shares), { ...costs, fragment: 1000 });
    trusting.searched('泰州', { before: 1000, after: 10 });
    taught.searched('泰州', { before: 1000, after: 1000 });
    // At 100 candidates: trusting the counts, 合 (one 2 KB list) should leave 3 of them; taught that
    // windows do not narrow here, the planner checks the 100 on their text instead.
    expect(trusting.plan(100).window).toBeDefined();
    expect(taught.plan(100).window).toBeUndefined();
  });

  it('has no window to offer a query of OR groups only', () => {
    const planner = createPlanner(parseQuery('泰州 OR 合肥'), stats({ 泰: 0.05, 州: 0.1 }), costs);
    expect(planner.plan()).toEqual({ cost: Infinity });
  });
});

describe('record blocks and the text check', () => {
  const indexed = (blocks: string[]) => blocks.map((block) => `${spaceTokens(block)}${blockEnd}. `).join('');

  it('reads blocks back from indexed content, folded, without the seams and the markers', () => {
    const content = `${indexed(['标题：3.0版', 'ＶＯＣ排放 5.6km²', '末段。'])}tlio tq5x`;
    expect(recordBlocks(content)).toEqual([foldText('标题：3.0版'), foldText('ＶＯＣ排放 5.6km²'), '末段。']);
  });

  const blocks = ['泰州园区调研', '合肥开展环保工作', '2018年巢湖治理'];
  it.each<[string, boolean]>([
    ['泰州 环保', true],
    ['泰州 -合肥', false],
    ['泰州 -贵阳', true],
    ['贵阳 OR 合肥', true],
    ['贵阳 OR 上海', false],
    ['title:泰州', true],
    ['title:合肥', false],
    ['开2018', false], // runs from one block into the next
    ['作2018', false],
    ['“巢湖治理”', true],
    ['-泰州', false],
  ])('%s → %s', (query, expected) => {
    expect(matchesQuery(parseQuery(query), blocks)).toBe(expected);
  });

  it('matches title-only queries on the title block only', () => {
    expect(matchesQuery(parseQuery('合肥', { titleOnly: true }), blocks)).toBe(false);
    expect(matchesQuery(parseQuery('园区', { titleOnly: true }), blocks)).toBe(true);
  });
});
