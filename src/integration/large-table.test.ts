// The 145,000-project 表4: the reader refuses it with the count (never reads it), and should such a table reach
// the store by another way (an old backup, a merge), every computation still works — calc, the bulletin text,
// the attachment tables, the table helpers — iteratively, without `Maximum call stack size exceeded`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAttachments } from '../domain/bulletin/attachments';
import { DEFAULT_BULLETIN_TEXT } from '../domain/bulletin/defaults';
import { generateBulletin } from '../domain/bulletin/generate';
import { analysePeriod } from '../domain/calc';
import type { PeriodAnalysis } from '../domain/calc/types';
import { DEFAULT_THRESHOLDS } from '../domain/settings';
import type { CarryOverProject, ParsedReturn, PeriodKey } from '../domain/types';
import { defaultRegister } from '../domain/units';
import { readReturn } from '../import/read-return';
import { MAX_DATA_ROWS } from '../import/read-sheet';
import { sortByValue } from '../ui/data-table/compare';
import { filterRows, NO_FILTER } from '../ui/data-table/filter';
import { groupRows } from '../ui/data-table/group';
import { withKeys } from '../ui/data-table/keys';
import { loadSampleReturns } from './load-samples';

const PROJECTS = 145_000;
const NONGAN = '220122';

function projects(count: number, prefix: string): CarryOverProject[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${prefix}项目${i + 1}`,
    households: 10 + (i % 7),
    unfinished: 1 + (i % 3),
    reason: '安置房源不足',
    plannedFinish: '2018年12月',
  }));
}

describe('the reader', () => {
  it(`refuses a 表4 of ${PROJECTS} projects with the count and the limit, reading none of it`, () => {
    const lines = [
      '2018年1-9月拆迁结转项目未完成情况（表4）',
      '填报单位：农安县,截止日期：2018年9月30日',
      '序号,市县,项目名称,涉及户数,未完成拆迁户数,未完成原因,计划完成时间',
      ...projects(PROJECTS, '').map(
        (p, i) => `${i + 1},农安县,${p.name},${p.households},${p.unfinished},${p.reason},${p.plannedFinish}`,
      ),
    ];
    const result = readReturn(strToU8(lines.join('\n')), '农安县.csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.cell])).toEqual([['table.tooManyRows', 'A3']]);
    expect(result.issues[0]?.message).toContain(
      `表4（结转项目）有 ${PROJECTS} 行数据，超过了 ${MAX_DATA_ROWS} 行的上限，文件未读取`,
    );
  });

  it(`reads a 表4 of exactly ${MAX_DATA_ROWS} projects`, () => {
    const lines = [
      '填报单位：农安县,截止日期：2018年9月30日',
      '序号,市县,项目名称,涉及户数,未完成拆迁户数,未完成原因,计划完成时间',
      ...projects(MAX_DATA_ROWS, '').map(
        (p, i) => `${i + 1},农安县,${p.name},${p.households},${p.unfinished},${p.reason},`,
      ),
    ];
    const result = readReturn(strToU8(lines.join('\n')), '农安县.csv');
    expect(result.ok && result.returns[0]?.tables.carryOver?.length).toBe(MAX_DATA_ROWS);
  });
});

describe(`${PROJECTS} projects in the store`, () => {
  let returns: Map<PeriodKey, ParsedReturn[]>;
  let analysis: PeriodAnalysis;

  beforeAll(() => {
    returns = loadSampleReturns();
    const now = returns.get('2018-09')?.find((r) => r.unitId === NONGAN);
    const before = returns.get('2018-08')?.find((r) => r.unitId === NONGAN);
    if (!now || !before) throw new Error('农安县 samples missing');
    // Half of August's projects finished, the other half still open, and as many new ones in September.
    now.tables.carryOver = [...projects(PROJECTS / 2, '旧'), ...projects(PROJECTS / 2, '新')];
    before.tables.carryOver = [...projects(PROJECTS / 2, '旧'), ...projects(PROJECTS / 2, '完')];
    analysis = analysePeriod({
      returnsByPeriod: returns,
      period: '2018-09',
      register: defaultRegister,
      thresholds: DEFAULT_THRESHOLDS,
    });
  }, 120_000);

  it('calc counts them, with the month’s finished and new projects', () => {
    const others = (returns.get('2018-09') ?? [])
      .filter((r) => r.unitId !== NONGAN)
      .reduce((n, r) => n + (r.tables.carryOver?.length ?? 0), 0);
    expect(analysis.carryOver.province.count).toBe(PROJECTS + others);
    const nongan = analysis.carryOver.units.find((u) => u.id === NONGAN);
    expect(nongan).toMatchObject({ count: PROJECTS, finished: PROJECTS / 2, added: PROJECTS / 2 });
    expect(analysis.carryOver.projects).toHaveLength(PROJECTS + others);
  });

  it('the bulletin names the count and the unit with the most', () => {
    const bulletin = generateBulletin(analysis, DEFAULT_BULLETIN_TEXT, {
      cutoff: '2018-09-30',
      today: '2018年10月10日',
    });
    const text = bulletin.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain(`${analysis.carryOver.province.count}个`);
    expect(text).toContain('农安县');
  });

  it.each(['grouped', 'ranked'] as const)('附件4 (%s) has a row per project', (order) => {
    const model = buildAttachments(analysis, order).find((m) => m.key === 'carryOver');
    const projectRows = model?.rows.filter((r) => r.role === 'unit') ?? [];
    expect(projectRows).toHaveLength(analysis.carryOver.projects.length);
  });

  it('the table helpers key, filter, sort and group them', () => {
    const keyed = withKeys(analysis.carryOver.projects, (i) => `${i.unitId}:${i.project.name}`);
    expect(new Set(keyed.map((k) => k.key)).size).toBe(keyed.length);
    const filtered = filterRows(keyed, NO_FILTER, {
      texts: (k) => [k.item.project.name],
      group: (k) => k.item.groupId,
      flags: () => [],
    });
    expect(filtered).toHaveLength(keyed.length);
    const sorted = sortByValue(filtered, (k) => k.item.project.unfinished, true);
    const most = keyed.reduce((m, k) => Math.max(m, k.item.project.unfinished), 0);
    expect(sorted[0]?.item.project.unfinished).toBe(most);
    const groups = defaultRegister
      .groups()
      .map((g) => ({ id: g.id, subtotal: keyed[0] as (typeof keyed)[0] }));
    expect(groupRows(sorted, (k) => k.item.groupId, groups).filter((r) => r.kind === 'row')).toHaveLength(
      keyed.length,
    );
  });
});

describe('no call spreads an array of unknown length', () => {
  // `f(...items)` passes every item as an argument: past about 100,000 it overflows the stack. The loops in
  // domain/iterate.ts do the same work for any length.
  const SRC = join(import.meta.dirname, '..');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? files(join(dir, e.name))
        : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
          ? [join(dir, e.name)]
          : [],
    );
  // A spread argument: right after the call's bracket or a comma at its top level (not inside { } or [ ]).
  const SPREAD_CALL =
    /\b(?:push|unshift|splice|max|min|fromCharCode|fromCodePoint|concat|apply)\(\s*(?:[^(){}[\]]*,\s*)?\.\.\./;

  it.each(files(SRC).map((f) => [f.slice(SRC.length + 1), f]))('%s', (_name, path) => {
    const text = readFileSync(path, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const lines = text.split('\n').map((line, i) => [i + 1, line] as const);
    // A call opened on one line and spread on the next counts too.
    const joined = text.replace(/\(\s*\n\s*/g, '(');
    expect(SPREAD_CALL.test(joined) ? lines.filter(([, l]) => /\.\.\./.test(l)).map(([n]) => n) : []).toEqual(
      [],
    );
  });
});
