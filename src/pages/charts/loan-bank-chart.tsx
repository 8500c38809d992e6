// 贷款 by bank: this year's credit and disbursed side by side, policy banks first, then commercial banks.
import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { formatYi, yuanToYi } from '../../domain/calc';
import type { LoanAmounts, LoanSection } from '../../domain/calc/types';
import { type ChartColumn, ChartFrame } from '../../ui/charts/chart-frame';
import { CHART_COLOURS } from '../../ui/charts/colours';

interface BankBar {
  key: string;
  name: string;
  categoryLabel: string;
  credit: number;
  disbursed: number;
  /** Exact figures written on the bars (12.46), so a small bank's amounts read without hovering. */
  creditLabel: string;
  disbursedLabel: string;
  amounts: LoanAmounts;
}

const CATEGORY_LABEL = { policy: '政策性银行', commercial: '商业银行' } as const;

function monthText(value: number | null): string {
  if (value === null) return '本月新增未知';
  return value === 0 ? '本月无新增' : `本月新增${formatYi(value)}亿元`;
}

function BankTooltip({ active, payload }: Partial<TooltipContentProps<number, string>>): ReactNode {
  const bar = active ? (payload?.[0]?.payload as BankBar | undefined) : undefined;
  if (!bar) return null;
  const a = bar.amounts;
  return (
    <div className="chart-tooltip">
      <strong>
        {bar.name}（{bar.categoryLabel}）
      </strong>
      <div>
        本年授信：{formatYi(a.credit)}亿元（{monthText(a.creditMonth.value)}）
      </div>
      <div>
        本年发放：{formatYi(a.disbursed)}亿元（{monthText(a.disbursedMonth.value)}）
      </div>
    </div>
  );
}

function BankTick({
  x,
  y,
  payload,
  bars,
}: {
  x?: number;
  y?: number;
  payload?: { value: string };
  bars: BankBar[];
}) {
  const bar = bars.find((b) => b.name === payload?.value);
  return (
    <g transform={`translate(${x ?? 0},${y ?? 0})`}>
      <text dy={14} textAnchor="middle" fontSize={12} fill="#1f2328">
        {payload?.value}
      </text>
      <text dy={30} textAnchor="middle" fontSize={11} fill="#57606a">
        {bar?.categoryLabel}
      </text>
    </g>
  );
}

export function LoanBankChart({ section, periodLabel }: { section: LoanSection; periodLabel: string }) {
  const p = section.province;
  const bars: BankBar[] = p.banks.map((b) => ({
    key: b.bank,
    name: b.shortName,
    categoryLabel: CATEGORY_LABEL[b.category],
    credit: yuanToYi(b.credit),
    disbursed: yuanToYi(b.disbursed),
    creditLabel: formatYi(b.credit),
    disbursedLabel: formatYi(b.disbursed),
    amounts: b,
  }));
  // The table adds the category subtotals and the total, each the sum of the bank lines above it.
  const tableRows: { name: string; category: string; amounts: LoanAmounts }[] = [
    ...p.banks
      .filter((b) => b.category === 'policy')
      .map((b) => ({ name: b.shortName, category: CATEGORY_LABEL.policy, amounts: b as LoanAmounts })),
    { name: '政策性银行小计', category: CATEGORY_LABEL.policy, amounts: p.policy },
    ...p.banks
      .filter((b) => b.category === 'commercial')
      .map((b) => ({ name: b.shortName, category: CATEGORY_LABEL.commercial, amounts: b as LoanAmounts })),
    { name: '商业银行小计', category: CATEGORY_LABEL.commercial, amounts: p.commercial },
    { name: '合计', category: '', amounts: p.total },
  ];
  type TableRow = (typeof tableRows)[number];
  const columns: ChartColumn<TableRow>[] = [
    { header: '银行', value: (r) => r.name },
    { header: '类别', value: (r) => r.category },
    { header: '本年授信（亿元）', value: (r) => formatYi(r.amounts.credit), numeric: true },
    {
      header: '其中：本月新增授信（亿元）',
      value: (r) => (r.amounts.creditMonth.value === null ? null : formatYi(r.amounts.creditMonth.value)),
      numeric: true,
    },
    { header: '本年发放（亿元）', value: (r) => formatYi(r.amounts.disbursed), numeric: true },
    {
      header: '其中：本月新增发放（亿元）',
      value: (r) =>
        r.amounts.disbursedMonth.value === null ? null : formatYi(r.amounts.disbursedMonth.value),
      numeric: true,
    },
  ];
  return (
    <ChartFrame
      title="各银行棚改贷款授信与发放"
      description={
        <>
          {periodLabel}，全省本年授信{formatYi(p.total.credit)}亿元、发放{formatYi(p.total.disbursed)}
          亿元（单位：亿元）；先列政策性银行，再列商业银行。发放额可能超过本年授信（含以前年度授信）。
        </>
      }
      columns={columns}
      rows={tableRows}
      csvName={`棚改贷款-${periodLabel}`}
      legend={[
        { colour: CHART_COLOURS.credit, label: '本年授信（亿元）' },
        { colour: CHART_COLOURS.disbursed, label: '本年发放（亿元）' },
      ]}
      testId="loan-bank-chart"
    >
      {bars.length === 0 ? (
        <p className="muted">本期没有填报贷款银行的市县。</p>
      ) : (
        <ResponsiveContainer width="100%" height={380}>
          <BarChart data={bars} margin={{ top: 20, right: 20, bottom: 30, left: 20 }}>
            <CartesianGrid vertical={false} stroke="#eaeef2" />
            <XAxis dataKey="name" interval={0} height={50} tick={<BankTick bars={bars} />} />
            <YAxis
              tickFormatter={(v: number) => `${v}`}
              label={{ value: '亿元', angle: -90, position: 'insideLeft' }}
            />
            <Tooltip content={<BankTooltip />} cursor={{ fill: 'rgba(0,0,0,0.05)' }} />
            <Bar
              dataKey="credit"
              name="本年授信（亿元）"
              fill={CHART_COLOURS.credit}
              isAnimationActive={false}
            >
              <LabelList dataKey="creditLabel" position="top" fontSize={11} fill="#1f2328" />
            </Bar>
            <Bar
              dataKey="disbursed"
              name="本年发放（亿元）"
              fill={CHART_COLOURS.disbursed}
              isAnimationActive={false}
            >
              <LabelList dataKey="disbursedLabel" position="top" fontSize={11} fill="#1f2328" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFrame>
  );
}
