// A generic data table on TanStack Table v9: sortable headers (keyboard buttons, aria-sort), total rows pinned
// at the top whatever the sort, and optional group subtotal rows with their members under them.
import {
  type ColumnDef,
  createSortedRowModel,
  type RowData,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { compareValues, type SortValue } from './compare';
import { type DisplayRow, groupRows, type RowGroup, ungrouped } from './group';
import { headerBands } from './header-bands';
import './data-table.css';

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });

export type RowRole = 'total' | 'subtotal' | 'row';

export interface DataColumn<R> {
  id: string;
  /** The header with its unit: 年度计划（套）. */
  header: string;
  /** Numbers are right-aligned. */
  align?: 'left' | 'right' | 'center';
  /** The value to sort by; absent: the column does not sort. null always sorts last. */
  sortValue?: (row: R) => SortValue;
  /** The cell content; `role` tells a total or subtotal row from a unit row. */
  cell: (row: R, role: RowRole) => ReactNode;
  /** This column names the row: its cells are row headers (<th scope="row">). */
  rowHeader?: boolean;
  /** A band over consecutive columns in a two-row header (e.g. the bank over 授信 | 发放). */
  band?: string;
  /** The label under the band (授信（亿元）); `header` stays the full name (国开行授信（亿元）). */
  shortHeader?: string;
}

export interface DataTableGrouping<R> {
  groupOf: (row: R) => string | null;
  groups: readonly RowGroup<R>[];
}

export interface DataTableProps<R> {
  /** Visible caption naming the table (and the period). */
  caption: ReactNode;
  columns: readonly DataColumn<R>[];
  /** The rows that sort and filter (units, projects, banks). */
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** Rows always shown first, e.g. 全省合计. */
  pinned?: readonly R[];
  /** Rows grouped under their subtotal rows; null: a flat list. */
  grouping?: DataTableGrouping<R> | null;
  /** Text of the body when no row passes the filters. */
  emptyText?: string;
  initialSorting?: SortingState;
  /** Extra class for a row (e.g. to mark a new project). */
  rowClass?: (row: R) => string | undefined;
  /** data-testid of the <table>, for tests and the bench. */
  testId?: string;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const ARROW = { asc: '▲', desc: '▼' } as const;
const NEXT_LABEL = { asc: '升序', desc: '降序' } as const;

export function DataTable<R extends RowData>(props: DataTableProps<R>) {
  const { caption, columns, rows, rowKey, pinned = [], grouping = null, emptyText, rowClass, testId } = props;
  const captionId = useId();
  const [sorting, setSorting] = useState<SortingState>(props.initialSorting ?? []);

  const columnDefs = useMemo<ColumnDef<typeof features, R>[]>(
    () =>
      columns.map((col) => {
        const value = col.sortValue;
        return {
          id: col.id,
          header: col.header,
          // null → undefined so that sortUndefined puts it last in both directions.
          accessorFn: (row: R) => (value ? (value(row) ?? undefined) : undefined),
          enableSorting: value !== undefined,
          sortUndefined: 'last',
          sortDescFirst: false,
          sortFn: (a, b, id) =>
            compareValues(
              a.getValue(id) as Exclude<SortValue, null>,
              b.getValue(id) as Exclude<SortValue, null>,
            ),
        } satisfies ColumnDef<typeof features, R>;
      }),
    [columns],
  );

  const table = useTable({
    features,
    columns: columnDefs,
    data: rows as R[],
    state: { sorting },
    onSortingChange: setSorting,
    enableMultiSort: false,
    getRowId: (row: R) => rowKey(row),
  });

  const sortedRows = table.getRowModel().rows.map((r) => r.original);
  const display: DisplayRow<R>[] = grouping
    ? groupRows(sortedRows, grouping.groupOf, grouping.groups)
    : ungrouped(sortedRows);

  const bands = useMemo(() => headerBands(columns.map((c) => c.band)), [columns]);

  // A leaf header: the column's label as a sort button; under a band it shows its short label.
  const headerCell = (index: number, rowSpan?: number) => {
    const col = columns[index];
    if (!col) return null;
    const column = table.getColumn(col.id);
    const sorted = column?.getIsSorted() ?? false;
    const next = column?.getNextSortingOrder() ?? false;
    const label = col.band ? (col.shortHeader ?? col.header) : col.header;
    return (
      <th
        key={col.id}
        scope="col"
        rowSpan={rowSpan}
        data-col-index={index}
        className={
          [col.align === 'right' ? 'num' : '', col.band ? 'banded' : ''].join(' ').trim() || undefined
        }
        aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
      >
        {column?.getCanSort() ? (
          <button
            type="button"
            className="sort-button"
            // The full header (国开行授信（亿元）) names the button; it contains the visible short label.
            aria-label={label === col.header ? undefined : col.header}
            onClick={column.getToggleSortingHandler()}
            title={next ? `按${col.header}${NEXT_LABEL[next]}排列` : '取消排序'}
          >
            <span>{label}</span>
            <span className="sort-mark" aria-hidden="true">
              {sorted ? ARROW[sorted] : '↕'}
            </span>
          </button>
        ) : (
          label
        )}
        {/* Printed, the label alone: Chromium leaves a button's text out of a header repeated on the next page. */}
        {column?.getCanSort() ? <span className="print-label">{label}</span> : null}
      </th>
    );
  };

  const renderRow = (row: R, role: RowRole, key: string) => {
    const extra = role === 'row' ? rowClass?.(row) : undefined;
    const className = [role === 'row' ? undefined : role, extra].filter(Boolean).join(' ') || undefined;
    return (
      <tr key={key} className={className}>
        {columns.map((col) => {
          const align = col.align ?? 'left';
          const content = col.cell(row, role);
          const cls = align === 'right' ? 'num' : align === 'center' ? 'center' : undefined;
          return col.rowHeader ? (
            <th key={col.id} scope="row" className={cls}>
              {content}
            </th>
          ) : (
            <td key={col.id} className={cls}>
              {content}
            </td>
          );
        })}
      </tr>
    );
  };

  return (
    // A wide table scrolls on its own; the region is focusable so keyboard users can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      {/* "wide" prints smaller: 附件2 (banks × 授信/发放) has twenty columns. */}
      <table className={columns.length > 12 ? 'data wide' : 'data'} data-testid={testId}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          {bands ? (
            <>
              <tr>
                {bands.top.map((cell) =>
                  cell.kind === 'leaf' ? (
                    headerCell(cell.index, 2)
                  ) : (
                    <th key={`band:${cell.label}:${cell.span}`} scope="colgroup" colSpan={cell.span}>
                      {cell.label}
                    </th>
                  ),
                )}
              </tr>
              <tr>{bands.bottom.map((index) => headerCell(index))}</tr>
            </>
          ) : (
            <tr>{columns.map((_, index) => headerCell(index))}</tr>
          )}
        </thead>
        <tbody>
          {pinned.map((row) => renderRow(row, 'total', `pinned:${rowKey(row)}`))}
          {display.map((item) =>
            item.kind === 'subtotal'
              ? renderRow(item.row, 'subtotal', `group:${item.groupId}`)
              : renderRow(item.row, 'row', rowKey(item.row)),
          )}
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty">
                {emptyText ?? '没有符合条件的行'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
