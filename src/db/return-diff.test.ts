// The side-by-side view of a replacement: every changed figure, by table, bank and project.
import { describe, expect, it } from 'vitest';
import { diffReturnTables } from './return-diff';
import { sampleReturn } from './test-returns';

describe('diffReturnTables', () => {
  const base = sampleReturn('220122', '2018-09').tables;

  it('finds nothing between equal returns', () => {
    expect(diffReturnTables(base, structuredClone(base))).toEqual([]);
  });

  it('names the bank, the project and the table of each change', () => {
    const next = structuredClone(base);
    if (!next.loan || !next.carryOver || !next.publicRental) throw new Error('sample incomplete');
    next.loan.need = null;
    next.loan.banks = [
      next.loan.banks[0] as (typeof next.loan.banks)[number],
      { ...(next.loan.banks[0] as (typeof next.loan.banks)[number]), bank: '中国建设银行' },
    ];
    next.carryOver.push({ name: '新项目', households: 10, unfinished: 10, reason: '', plannedFinish: '' });
    next.publicRental.declaredRate = 9123;
    delete next.expropriation;
    expect(
      diffReturnTables(base, next).map((c) => [c.tableTitle, c.row ?? '', c.label, c.before, c.after]),
    ).toEqual([
      ['棚改贷款进展情况', '', '本年棚改需贷款', '12.50亿元', '（未填）'],
      ['棚改贷款进展情况', '中国农业发展银行', '整行', '有', '（删除）'],
      ['棚改贷款进展情况', '中国建设银行', '整行', '（无）', '新增'],
      ['房屋征收进展情况', '', '整表', '已报', '（未报）'],
      ['拆迁结转项目未完成情况', '新项目', '整行', '（无）', '新增'],
      ['公共租赁住房分配进展情况', '', '分配率', '90.00%', '91.23%'],
    ]);
  });

  it('tells apart two projects with the same name', () => {
    const twice = structuredClone(base);
    const project = twice.carryOver?.[0];
    if (!project || !twice.carryOver) throw new Error('sample incomplete');
    twice.carryOver.push({ ...project, unfinished: 3 });
    const changed = structuredClone(twice);
    if (changed.carryOver?.[1]) changed.carryOver[1].unfinished = 4;
    expect(diffReturnTables(twice, changed).map((c) => [c.row, c.label, c.before, c.after])).toEqual([
      ['东风棚户区（2）', '未完成拆迁户数', '3户', '4户'],
    ]);
  });
});
