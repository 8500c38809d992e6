// 较上月: for the province and each group, the main figures of this period and the previous one and the change,
// the largest rise and fall among the groups marked in words.
import {
  FIGURES,
  type FigureKind,
  MONTH_TABLE_FIGURES,
  type MonthTableRow,
} from '../../domain/calc/overview';
import type { Rate } from '../../domain/calc/types';
import { overviewText } from '../../domain/messages';
import { periodLabel, previousMonth, previousPeriod } from '../../domain/period';
import type { PeriodKey } from '../../domain/types';
import { FIGURE_UNIT, figureNumber } from '../../ui/figure-format';
import { FIGURE_LABEL } from './labels';

const MOVER_WORDS = { rise: '增幅最大', fall: '降幅最大' } as const;

/** A change as the table shows it, the unit in the header: '+6,866', '-2', '+7.21'; '—' when unknown. */
function signedNumber(kind: FigureKind, delta: Rate | null): string {
  return `${delta !== null && delta.num > 0 ? '+' : ''}${figureNumber(kind, delta)}`;
}

export function MonthTable({ rows, period }: { rows: readonly MonthTableRow[]; period: PeriodKey }) {
  const cumulativeBefore = previousPeriod(period);
  const stockBefore = previousMonth(period);
  const compared = (key: (typeof MONTH_TABLE_FIGURES)[number]) => {
    const p = FIGURES[key].basis === 'stock' ? stockBefore : cumulativeBefore;
    return p ? periodLabel(p) : '无';
  };
  return (
    // A wide table scrolls sideways on a narrow screen: the keyboard can reach and scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take the focus to be scrolled by keys
    <section className="ov-scroll" tabIndex={0} aria-label="较上月主要指标（可左右滚动）">
      <table className="data ov-month" data-testid="month-table">
        <caption className="muted">
          {overviewText('month.caption', {
            period: periodLabel(period),
            cumulative: cumulativeBefore ? periodLabel(cumulativeBefore) : overviewText('change.january'),
            stock: periodLabel(stockBefore),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              地区
            </th>
            {MONTH_TABLE_FIGURES.map((key) => (
              <th key={key} scope="colgroup" colSpan={3}>
                {FIGURE_LABEL[key]}（{FIGURE_UNIT[FIGURES[key].kind]}）
              </th>
            ))}
          </tr>
          <tr>
            {MONTH_TABLE_FIGURES.map((key) => [
              <th key={`${key}-now`} scope="col" className="num">
                本期
              </th>,
              <th key={`${key}-before`} scope="col" className="num" title={compared(key)}>
                上期
              </th>,
              <th key={`${key}-change`} scope="col" className="num">
                {FIGURES[key].kind === 'rate' ? '变化（百分点）' : '变化'}
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.scope}
              className={row.kind === 'province' ? 'total' : undefined}
              data-scope={row.scope}
            >
              <th scope="row">{row.name}</th>
              {row.cells.map((cell) => [
                <td key={`${cell.key}-now`} className="num">
                  {figureNumber(cell.kind, cell.now?.value ?? null)}
                </td>,
                <td key={`${cell.key}-before`} className="num">
                  {figureNumber(cell.kind, cell.month.before?.value ?? null)}
                </td>,
                <td
                  key={`${cell.key}-change`}
                  className={cell.mover ? `num ov-mover ov-${cell.mover}` : 'num'}
                  data-testid={`month-${row.scope}-${cell.key}`}
                >
                  {signedNumber(cell.kind, cell.month.delta)}
                  {cell.mover ? <span className="ov-mover-word">{MOVER_WORDS[cell.mover]}</span> : null}
                </td>,
              ])}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
