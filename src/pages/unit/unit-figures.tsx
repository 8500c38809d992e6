// A unit's figures for the period, the five tables one after another, from calc's unit rows.
import { bankShortName } from '../../domain/banks';
import type { LoanBankAmounts, PeriodAnalysis } from '../../domain/calc';
import type { Thresholds } from '../../domain/settings';
import type { UnitId } from '../../domain/types';
import { type DataColumn, DataTable } from '../../ui/data-table/data-table';
import { formatCount, formatPercent, formatRateBp, formatYi } from '../../ui/data-table/format';
import { withKeys } from '../../ui/data-table/keys';
import { MonthCell, moneyColumn, monthColumn } from '../data/cells';
import { Flag } from '../data/flag';
import {
  allocationFlagText,
  expropriationFlagText,
  loanFlagText,
  startFlagText,
  trendText,
  yearTaskFlagText,
} from '../data/flags';
import { fieldHeader, withUnit } from '../data/headers';
import { type Figure, FigureList } from './figure-list';

const NOT_REPORTED = '本期未上报此表';

function rankText(rank: number | null, of: number): string {
  return rank === null ? '—' : `第 ${rank} 名（共 ${of} 个）`;
}

const bankColumns: DataColumn<LoanBankAmounts & { id: string }>[] = [
  {
    id: 'bank',
    header: '贷款银行',
    rowHeader: true,
    sortValue: (r) => r.bank,
    cell: (r) => bankShortName(r.bank),
  },
  moneyColumn('credit', fieldHeader('loan', 'credit'), (r) => r.credit),
  monthColumn('creditMonth', fieldHeader('loan', 'creditMonth'), (r) => r.creditMonth, true),
  moneyColumn('disbursed', fieldHeader('loan', 'disbursed'), (r) => r.disbursed),
  monthColumn('disbursedMonth', fieldHeader('loan', 'disbursedMonth'), (r) => r.disbursedMonth, true),
];

export function UnitFigures({
  analysis,
  unitId,
  thresholds,
}: {
  analysis: PeriodAnalysis;
  unitId: UnitId;
  thresholds: Thresholds;
}) {
  const start = analysis.start.units.find((r) => r.id === unitId);
  const loan = analysis.loan.units.find((r) => r.id === unitId);
  const exp = analysis.expropriation.units.find((r) => r.id === unitId);
  const carry = analysis.carryOver.units.find((r) => r.id === unitId);
  const rental = analysis.publicRental.units.find((r) => r.id === unitId);
  const rankedStart = analysis.start.units.filter((r) => r.rank !== null).length;
  const rankedExp = analysis.expropriation.units.filter((r) => r.rank !== null).length;
  const rankedRental = analysis.publicRental.units.filter((r) => r.rank !== null).length;
  const projects = analysis.carryOver.projects.filter((p) => p.unitId === unitId);
  const newOnes = new Set(
    analysis.carryOver.newProjects.filter((p) => p.unitId === unitId).map((p) => p.project),
  );
  const finished = analysis.carryOver.finishedProjects.filter((p) => p.unitId === unitId);

  const startFigures: Figure[] = start
    ? [
        { label: fieldHeader('start', 'plan'), value: formatCount(start.plan) },
        { label: fieldHeader('start', 'started'), value: formatCount(start.started) },
        { label: fieldHeader('start', 'startedMonth'), value: <MonthCell month={start.month} /> },
        { label: fieldHeader('start', 'declaredRate'), value: formatPercent(start.rate) },
        { label: withUnit('填报开工率', '%'), value: formatRateBp(start.declaredRate) },
        { label: '开工率排名', value: rankText(start.rank, rankedStart) },
        { label: '状态', value: <Flag flag={startFlagText(start.flag, thresholds)} /> },
      ]
    : [];
  const loanFigures: Figure[] = loan
    ? [
        { label: withUnit('本年需贷款', '亿元'), value: formatYi(loan.need) },
        { label: fieldHeader('loan', 'credit'), value: formatYi(loan.total.credit) },
        { label: fieldHeader('loan', 'disbursed'), value: formatYi(loan.total.disbursed) },
        { label: '状态', value: <Flag flag={loanFlagText(loan.hasCredit, loan.need)} /> },
      ]
    : [];
  const expFigures: Figure[] = exp
    ? [
        { label: fieldHeader('expropriation', 'plan'), value: formatCount(exp.plan) },
        { label: fieldHeader('expropriation', 'expropriated'), value: formatCount(exp.expropriated) },
        { label: fieldHeader('expropriation', 'demolished'), value: formatCount(exp.demolished) },
        { label: fieldHeader('expropriation', 'total'), value: formatCount(exp.total) },
        { label: fieldHeader('expropriation', 'doneMonth'), value: <MonthCell month={exp.month} /> },
        { label: withUnit('完成率', '%'), value: formatPercent(exp.rate) },
        { label: '完成率排名', value: rankText(exp.rank, rankedExp) },
        { label: '状态', value: <Flag flag={expropriationFlagText(exp.flag, thresholds)} /> },
      ]
    : [];
  const carryFigures: Figure[] = carry
    ? [
        { label: withUnit('未完成项目', '个'), value: formatCount(carry.count) },
        { label: fieldHeader('carryOver', 'unfinished'), value: formatCount(carry.unfinished) },
        { label: withUnit('上月项目', '个'), value: formatCount(carry.previousCount) },
        {
          label: withUnit('本月新增', '个'),
          value: carry.previousCount === null ? '—' : formatCount(carry.added),
        },
        {
          label: withUnit('本月完成', '个'),
          value: carry.previousCount === null ? '—' : formatCount(carry.finished),
        },
      ]
    : [];
  const rentalFigures: Figure[] = rental
    ? [
        { label: fieldHeader('publicRental', 'raised'), value: formatCount(rental.raised) },
        { label: fieldHeader('publicRental', 'allocated'), value: formatCount(rental.allocated) },
        { label: withUnit('本月分配', '套'), value: <MonthCell month={rental.allocatedMonth} /> },
        { label: fieldHeader('publicRental', 'declaredRate'), value: formatPercent(rental.rate) },
        { label: '分配率排名', value: rankText(rental.rank, rankedRental) },
        { label: '分配状态', value: <Flag flag={allocationFlagText(rental.flag, thresholds)} /> },
        { label: fieldHeader('publicRental', 'yearTask'), value: formatCount(rental.yearTask) },
        { label: fieldHeader('publicRental', 'yearAllocated'), value: formatCount(rental.yearAllocated) },
        { label: fieldHeader('publicRental', 'declaredYearRate'), value: formatPercent(rental.yearRate) },
        { label: '本年任务', value: <Flag flag={yearTaskFlagText(rental.yearFlag)} /> },
        { label: fieldHeader('publicRental', 'lastYearRate'), value: formatRateBp(rental.lastYearRate) },
        { label: '较上年同期', value: <Flag flag={trendText(rental.trend)} /> },
      ]
    : [];

  const missing = (figures: Figure[]) =>
    figures.length === 0 ? <p className="muted">{NOT_REPORTED}</p> : null;

  return (
    <div className="unit-figures">
      <FigureList title="表1 棚户区改造开工" figures={startFigures}>
        {missing(startFigures)}
      </FigureList>
      <FigureList title="表2 棚改贷款" figures={loanFigures}>
        {missing(loanFigures)}
      </FigureList>
      <FigureList title="表3 房屋征收" figures={expFigures}>
        {missing(expFigures)}
      </FigureList>
      <FigureList title="表4 拆迁结转项目" figures={carryFigures}>
        {missing(carryFigures)}
      </FigureList>
      <FigureList title="表5 公租房分配" figures={rentalFigures}>
        {missing(rentalFigures)}
      </FigureList>
      {loan && loan.banks.length > 0 && (
        <div className="wide">
          <DataTable
            caption="表2 各银行贷款"
            columns={bankColumns}
            rows={loan.banks.map((b) => ({ ...b, id: b.bank }))}
            rowKey={(r) => r.id}
            pinned={[{ ...loan.total, bank: '合计', shortName: '合计', category: 'policy', id: 'total' }]}
            testId="unit-banks"
          />
        </div>
      )}
      {(projects.length > 0 || finished.length > 0) && (
        <div className="wide">
          <table className="data">
            <caption>表4 拆迁结转项目</caption>
            <thead>
              <tr>
                <th scope="col">{fieldHeader('carryOver', 'name')}</th>
                <th scope="col" className="num">
                  {fieldHeader('carryOver', 'households')}
                </th>
                <th scope="col" className="num">
                  {fieldHeader('carryOver', 'unfinished')}
                </th>
                <th scope="col">{fieldHeader('carryOver', 'reason')}</th>
                <th scope="col">{fieldHeader('carryOver', 'plannedFinish')}</th>
                <th scope="col">较上月</th>
              </tr>
            </thead>
            <tbody>
              {withKeys(projects, (x) => x.project.name).map(({ key, item: p }) => (
                <tr key={`open:${key}`}>
                  <th scope="row">{p.project.name}</th>
                  <td className="num">{formatCount(p.project.households)}</td>
                  <td className="num">{formatCount(p.project.unfinished)}</td>
                  <td>{p.project.reason}</td>
                  <td>{p.project.plannedFinish}</td>
                  <td>
                    {newOnes.has(p.project) ? (
                      <Flag flag={{ label: '新增', tone: 'info' }} />
                    ) : (
                      <span className="muted">未完成</span>
                    )}
                  </td>
                </tr>
              ))}
              {withKeys(finished, (x) => x.project.name).map(({ key, item: p }) => (
                <tr key={`done:${key}`}>
                  <th scope="row">{p.project.name}</th>
                  <td className="num">{formatCount(p.project.households)}</td>
                  <td className="num">—</td>
                  <td>{p.project.reason}</td>
                  <td>{p.project.plannedFinish}</td>
                  <td>
                    <Flag flag={{ label: '已完成', tone: 'ok' }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
