import { describe, expect, it } from 'vitest';
import { loadArchive, loadIssueContextFor, settingsSteps } from '../../src/archive/load-archive.ts';
import { checkWrittenIssue } from '../../src/import/check-written.ts';
import { join } from 'node:path';
import { SettingsError } from '../../src/core/errors.ts';
import { milestoneSteps, stepFromName, stepLabel, stepsStatedIn } from '../../src/parks/steps.ts';
import { parseSettingsFile, readSettings, resolveSettings } from '../../src/site/settings.ts';
import { makeContentDir, masthead } from '../helpers/content.ts';

/** site.yaml's `index.steps`: the steps of an index entry's timeline, defined by the archive. */
const settingsWith = (steps: string) =>
  resolveSettings(parseSettingsFile('site.yaml', `index:\n  steps:\n${steps}`), {});

const enterpriseSteps = [
  '    - id: registered',
  '      name: 完成登记',
  '      aliases: [登记]',
  '      phrases: [完成登记, 办理了登记]',
  '    - id: certified',
  '      name: 获得认证',
  "      patterns: ['获得[^，。；]{0,10}?认证']",
  '',
].join('\n');

const problems = (source: string): string => {
  try {
    parseSettingsFile('content/site.yaml', source);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).diagnostics.length).toBeGreaterThan(0);
    return (error as Error).message;
  }
  return '';
};

describe('the steps of the index, from site.yaml', () => {
  it('are the programme’s own when site.yaml says nothing of them', () => {
    expect(resolveSettings({}, {}).index.steps).toBe(milestoneSteps);
    expect(readSettings({}).index.steps).toBe(milestoneSteps);
  });

  it('takes a list as the whole set of steps: ids, names, other names, phrases and patterns', () => {
    const { steps } = settingsWith(enterpriseSteps).index;
    expect(steps.map((s) => [s.id, s.name, s.aliases])).toEqual([
      ['registered', '完成登记', ['登记']],
      ['certified', '获得认证', []],
    ]);
    expect(stepsStatedIn(steps, '甲企业于3月完成登记')).toEqual(['registered']);
    // A phrase is found as written: its marks are no pattern.
    expect(stepsStatedIn(steps, '乙企业办理了登记手续')).toEqual(['registered']);
    expect(stepsStatedIn(steps, '丙企业获得了环境管理体系认证')).toEqual(['certified']);
    expect(stepsStatedIn(steps, '丙企业通过验收')).toEqual([]);
    expect([stepFromName(steps, '登记'), stepFromName(steps, 'certified'), stepFromName(steps, '通过验收')]).toEqual([
      'registered',
      'certified',
      undefined,
    ]);
    expect(stepLabel(steps, 'certified')).toBe('获得认证');
  });

  it('takes “标识: 名称” pairs as new names of the programme’s steps, found as before, old names still taken', () => {
    const { steps } = settingsWith('    acceptance-passed: 验收完成\n').index;
    expect(steps.map((s) => s.id)).toEqual(milestoneSteps.map((s) => s.id));
    expect(stepLabel(steps, 'acceptance-passed')).toBe('验收完成');
    expect(stepsStatedIn(steps, '合肥高新区通过了验收')).toEqual(['acceptance-passed']);
    expect([stepFromName(steps, '验收完成'), stepFromName(steps, '通过验收')]).toEqual([
      'acceptance-passed',
      'acceptance-passed',
    ]);
  });

  it('tells each mistake in Chinese at its line and column', () => {
    const message = problems(
      [
        'index:',
        '  steps:',
        '    - id: started',
        '      name: 启动',
        "      patterns: ['启动(?:了', '.*']",
        '    - id: Bad_id',
        '      name: 完成',
        '      colour: red',
        '    - name: 甲',
        '',
      ].join('\n'),
    );
    expect(message).toMatch(
      /content\/site\.yaml:5:18 {2}error {2}index\.steps 中的识别模式 “启动\(\?:了” 不是有效的正则表达式/,
    );
    expect(message).toMatch(/content\/site\.yaml:5:28 .*“\.\*” 连空白也能匹配/);
    expect(message).toMatch(/content\/site\.yaml:6:11 .*步骤标识（id）须由小写英文字母、数字和连字符组成/);
    expect(message).toMatch(
      /content\/site\.yaml:8:\d+ .*没有 “colour” 这一项；可写：id、name、aliases、phrases、patterns/,
    );
    expect(message).toMatch(/content\/site\.yaml:9:7 .*缺少 id（步骤标识）/);
    expect(message).not.toMatch(/Invalid|Expected|Received/);
  });

  it('refuses an id written twice and a name that two steps share', () => {
    const message = problems(
      'index:\n  steps:\n    - id: a\n      name: 甲\n' +
        '    - id: b\n      name: 乙\n      aliases: [甲]\n' +
        '    - id: a\n      name: 丙\n',
    );
    expect(message).toMatch(/content\/site\.yaml:7:17 .*名称 “甲” 已属于步骤 “a”/);
    expect(message).toMatch(/content\/site\.yaml:8:11 .*步骤标识 “a” 写了两次/);
  });

  it('refuses an empty list, a rename of a step the programme lacks, and a value of neither form', () => {
    expect(problems('index:\n  steps: []\n')).toMatch(/site\.yaml:2:10 .*写成列表时至少要有一个步骤/);
    expect(problems('index:\n  steps:\n    registered: 登记\n')).toMatch(/只改名时，步骤须是 creation-started、/);
    expect(problems('index:\n  steps: 3\n')).toMatch(/index\.steps 须写成步骤列表/);
  });
});

describe('an archive read with its own steps', () => {
  const gazetteer = (milestones = '') =>
    '- id: jia\n  name: 甲化工有限公司\n  aliases: [甲公司]\n  province: 某省\n  city: 某市\n' + milestones;
  const issue =
    masthead({ year: 2024, number: 1, date: '2024-03-01' }) +
    '## 工作动态\n\n### 企业动态 {#a page=1}\n\n2024年1月，甲公司完成登记。2024年2月，甲公司获得了环境管理体系认证。\n';
  const { steps } = settingsWith(enterpriseSteps).index;

  it('reads the timeline in those steps, where the programme’s find nothing', async () => {
    const dir = makeContentDir({ 'parks.yaml': gazetteer(), '2024/2024-01.md': issue });
    const own = await loadArchive(dir, dir, undefined, { steps });
    expect(own.diagnostics).toEqual([]);
    expect(own.parks[0]?.milestones.map((m) => [m.step, m.date])).toEqual([
      ['registered', '2024-01'],
      ['certified', '2024-02'],
    ]);
    expect((await loadArchive(dir)).parks[0]?.milestones).toEqual([]);
  });

  it('takes hand entries in parks.yaml by those steps’ names, and lists them when one is not', async () => {
    const dir = makeContentDir({
      'parks.yaml': gazetteer(
        '  milestones:\n    - step: 登记\n      date: 2023-12\n    - step: 通过验收\n      date: 2024\n',
      ),
      '2024/2024-01.md': issue,
    });
    const archive = await loadArchive(dir, 'bulletin', undefined, { steps });
    expect(archive.diagnostics.map((d) => [d.path, d.line, d.rule, d.message])).toEqual([
      [
        'bulletin/parks.yaml',
        9,
        'gazetteer',
        expect.stringContaining('的里程碑步骤无法识别，可写：完成登记、获得认证。'),
      ],
    ]);
  });

  it('is read with them by the commands that read no other setting (inspect, search, import’s check)', async () => {
    const dir = makeContentDir({
      'site.yaml': `index:\n  steps:\n${enterpriseSteps}`,
      'parks.yaml': gazetteer('  milestones:\n    - step: 登记\n      date: 2023-12\n'),
      '2024/2024-01.md': issue,
    });
    expect(settingsSteps(dir).steps?.map((step) => step.id)).toEqual(['registered', 'certified']);
    expect((await loadIssueContextFor(dir, dir, settingsSteps(dir))).diagnostics).toEqual([]);
    expect(await checkWrittenIssue(join(dir, '2024/2024-01.md'), dir)).toEqual([]);
  });
});
