// 附件2 棚改贷款: a unit × bank view (each unit's totals and every bank's credit and disbursement) and a bank
// summary view (each bank's province figures under 政策性银行 / 商业银行), switched by a toggle.

import { useMemo, useState } from 'react';
import { bankShortName } from '../../domain/banks';
import type { LoanAmounts, LoanBankAmounts, LoanRow, LoanSection } from '../../domain/calc';
import { type FieldDef, fieldDef, tableDef } from '../../domain/tables';
import { type DataColumn, DataTable } from '../../ui/data-table/data-table';
import { moneyColumn, nameColumn } from './cells';
import { figureDataColumns } from './figure-columns';
import { Flag } from './flag';
import { LOAN_FLAG_OPTIONS, loanFilterKeys, loanFlagText } from './flags';
import { withUnit } from './headers';
import { ModeSwitch } from './mode-switch';
import { UnitSectionView } from './unit-section-view';

type LoanMode = 'units' | 'banks';

function bankLine(row: LoanRow, bank: string): LoanBankAmounts | undefined {
  return row.banks.find((b) => b.bank === bank);
}

const loanFields = () => tableDef('loan').fields as readonly FieldDef[];

/** The band label of a loan figure: a month column is 本月新增 under its figure's band. */
function bandLabel(field: FieldDef): string {
  return field.monthOf ? (field.shortLabel ?? field.label) : field.label;
}

export function loanUnitColumns(banks: readonly string[]): DataColumn<LoanRow>[] {
  // Each bank's cumulative figures (授信, 发放); its month increases are only in the totals.
  const cumulative = new Set(
    loanFields()
      .filter((f) => f.accrues && !f.monthOf)
      .map((f) => f.key),
  );
  const perBank = banks.flatMap((bank): DataColumn<LoanRow>[] => {
    const short = bankShortName(bank);
    const band = withUnit(short, '亿元');
    return figureDataColumns<'loan', LoanRow>('loan', (r) => bankLine(r, bank) ?? NO_LINE)
      .filter((col) => cumulative.has(col.id))
      .map((col) => {
        const field = fieldDef(tableDef('loan'), col.id);
        const label = field.shortLabel ?? field.label;
        return {
          ...col,
          id: `${col.id}:${bank}`,
          header: withUnit(`${short}${label}`, '亿元'),
          band,
          shortHeader: label,
        };
      });
  });
  return [
    nameColumn(),
    moneyColumn('need', withUnit('本年需贷款', '亿元'), (r) => r.need),
    ...figureDataColumns<'loan', LoanRow>('loan', (r) => r.total).map((col) => ({
      ...col,
      band: withUnit('各银行合计', '亿元'),
      shortHeader: bandLabel(fieldDef(tableDef('loan'), col.id)),
    })),
    ...perBank,
    {
      id: 'flag',
      header: '状态',
      sortValue: (r) => (r.hasCredit ? 0 : r.need !== null && r.need > 0 ? 1 : 2),
      cell: (r, role) => (role === 'row' ? <Flag flag={loanFlagText(r.hasCredit, r.need)} /> : null),
    },
  ];
}

/** A bank the row does not have: no figures (shown as —). */
const NO_LINE = {} as LoanBankAmounts;

/** A line of the bank summary: a bank, a category subtotal or the province total. */
export interface BankSummaryRow extends LoanAmounts {
  id: string;
  name: string;
  category: 'policy' | 'commercial' | null;
}

const CATEGORY_NAME = { policy: '政策性银行', commercial: '商业银行' } as const;

export function bankSummaryColumns(): DataColumn<BankSummaryRow>[] {
  return [
    {
      id: 'name',
      header: '贷款银行',
      rowHeader: true,
      sortValue: (r) => r.name,
      cell: (r) => r.name,
    },
    {
      id: 'category',
      header: '类别',
      sortValue: (r) => (r.category ? CATEGORY_NAME[r.category] : null),
      cell: (r, role) => (role === 'row' && r.category ? CATEGORY_NAME[r.category] : ''),
    },
    ...figureDataColumns<'loan', BankSummaryRow>('loan'),
  ];
}

function BankSummary({ section, caption }: { section: LoanSection; caption: string }) {
  const [grouped, setGrouped] = useState(true);
  const columns = useMemo(() => bankSummaryColumns(), []);
  const province = section.province;
  const rows: BankSummaryRow[] = province.banks.map((b) => ({
    ...b,
    id: b.bank,
    name: bankShortName(b.bank) === b.bank ? b.bank : `${b.bank}（${bankShortName(b.bank)}）`,
  }));
  const total: BankSummaryRow = { ...province.total, id: 'province', name: '全省合计', category: null };
  const groups = (['policy', 'commercial'] as const).map((c) => ({
    id: c,
    subtotal: { ...province[c], id: c, name: `${CATEGORY_NAME[c]}小计`, category: c } as BankSummaryRow,
  }));
  return (
    <>
      <div className="toolbar">
        <label className="toggle">
          <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} />
          按银行类别分组
        </label>
        <output className="muted">共 {rows.length} 家银行</output>
      </div>
      <DataTable
        caption={`${caption}（按银行汇总）`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        pinned={[total]}
        grouping={grouped ? { groupOf: (r) => r.category, groups } : null}
        testId="table-loan-banks"
      />
    </>
  );
}

const flagsOf = (r: LoanRow) => loanFilterKeys(r.hasCredit, r.need);

function UnitBanks({ section, caption }: { section: LoanSection; caption: string }) {
  const columns = useMemo(() => loanUnitColumns(section.banks), [section.banks]);
  return (
    <UnitSectionView
      section={section}
      caption={caption}
      columns={columns}
      flagsOf={flagsOf}
      flagOptions={LOAN_FLAG_OPTIONS}
      testId="table-loan"
    />
  );
}

export function LoanView({ section, caption }: { section: LoanSection; caption: string }) {
  const [mode, setMode] = useState<LoanMode>('units');
  return (
    <>
      <ModeSwitch
        modes={[
          ['units', '按单位（单位×银行）'],
          ['banks', '按银行汇总'],
        ]}
        mode={mode}
        onChange={setMode}
      />
      {mode === 'units' ? (
        <UnitBanks section={section} caption={caption} />
      ) : (
        <BankSummary section={section} caption={caption} />
      )}
    </>
  );
}
