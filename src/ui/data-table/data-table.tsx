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
      <table className="data" data-testid={testId}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const col = columns.find((c) => c.id === header.column.id);
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                const next = header.column.getNextSortingOrder();
                const align = col?.align ?? 'left';
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={align === 'right' ? 'num' : undefined}
                    aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
                  >
                    {canSort ? (
                      <button
                        type="button"
                        className="sort-button"
                        onClick={header.column.getToggleSortingHandler()}
                        title={next ? `按${col?.header ?? ''}${NEXT_LABEL[next]}排列` : '取消排序'}
                      >
                        <span>{col?.header}</span>
                        <span className="sort-mark" aria-hidden="true">
                          {sorted ? ARROW[sorted] : '↕'}
                        </span>
                      </button>
                    ) : (
                      col?.header
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
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
