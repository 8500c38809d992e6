// Cells shared by the data tables: the row's name (a link for a unit), a month increase with its source,
// and column helpers for counts, money, rates and flags.
import type { MonthIncrease, Rate, RowIdentity } from '../../domain/calc';
import { ratePercent } from '../../domain/calc';
import { DIRECT_GROUP_ID } from '../../domain/units';
import type { DataColumn } from '../../ui/data-table/data-table';
import { formatCount, formatPercent, formatYi } from '../../ui/data-table/format';
import { unitHref } from '../../ui/links';
import { Flag } from './flag';
import type { FlagText } from './flags';

/** 长春市全市, 延边朝鲜族自治州全州, 省直管合计: a subtotal is never mistaken for the 市区 unit of the same name. */
export function groupRowName(groupId: string, groupName: string): string {
  if (groupId === DIRECT_GROUP_ID) return `${groupName}合计`;
  return groupName.endsWith('州') ? `${groupName}全州` : `${groupName}全市`;
}

export function rowName(row: RowIdentity): string {
  return row.kind === 'group' ? groupRowName(row.id, row.name) : row.name;
}

export function NameCell({ row }: { row: RowIdentity }) {
  if (row.kind === 'unit') return <a href={unitHref(row.id)}>{row.name}</a>;
  return <>{rowName(row)}</>;
}

export function nameColumn<R extends RowIdentity>(header = '市县'): DataColumn<R> {
  return {
    id: 'name',
    header,
    rowHeader: true,
    sortValue: (r) => r.name,
    cell: (r) => <NameCell row={r} />,
  };
}

export function MonthCell({ month, money = false }: { month: MonthIncrease; money?: boolean }) {
  if (month.value === null) return <span title="上期数据未导入，且报表未填本月数">—</span>;
  const text = money ? formatYi(month.value) : formatCount(month.value);
  if (month.source === 'declared') {
    return (
      <span title="上期数据未导入，取自报表填报的本月数">
        {text}
        <span className="muted">（填报）</span>
      </span>
    );
  }
  if (month.incomplete) {
    return (
      <span title="部分单位上期数据未导入，合计不全">
        {text}
        <span className="muted">（不全）</span>
      </span>
    );
  }
  return <>{text}</>;
}

export function countColumn<R>(id: string, header: string, pick: (r: R) => number | null): DataColumn<R> {
  return { id, header, align: 'right', sortValue: pick, cell: (r) => formatCount(pick(r)) };
}

export function moneyColumn<R>(id: string, header: string, pick: (r: R) => number | null): DataColumn<R> {
  return { id, header, align: 'right', sortValue: pick, cell: (r) => formatYi(pick(r)) };
}

export function rateColumn<R>(
  id: string,
  header: string,
  pick: (r: R) => Rate | null,
  digits = 2,
): DataColumn<R> {
  return {
    id,
    header,
    align: 'right',
    sortValue: (r) => ratePercent(pick(r)),
    cell: (r) => formatPercent(pick(r), digits),
  };
}

export function monthColumn<R>(
  id: string,
  header: string,
  pick: (r: R) => MonthIncrease,
  money = false,
): DataColumn<R> {
  return {
    id,
    header,
    align: 'right',
    sortValue: (r) => pick(r).value,
    cell: (r) => <MonthCell month={pick(r)} money={money} />,
  };
}

export function rankColumn<R extends { rank: number | null }>(): DataColumn<R> {
  return {
    id: 'rank',
    header: '排名',
    align: 'right',
    sortValue: (r) => r.rank,
    // A subtotal is ranked among the groups, not among the units: say so.
    cell: (r, role) =>
      role === 'total' || r.rank === null ? '—' : role === 'subtotal' ? `市州第${r.rank}` : r.rank,
  };
}

/** A flag in words on unit rows (none on subtotals and the total), sorted by its place in `order`. */
export function flagColumn<R, F extends string>(
  id: string,
  header: string,
  order: readonly F[],
  pick: (r: R) => F,
  text: (flag: F) => FlagText,
): DataColumn<R> {
  return {
    id,
    header,
    sortValue: (r) => order.indexOf(pick(r)),
    cell: (r, role) => (role === 'row' ? <Flag flag={text(pick(r))} /> : null),
  };
}
