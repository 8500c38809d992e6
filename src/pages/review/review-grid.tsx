// 核对's grid: one sheet's real cells, read-only, with Excel's row numbers and column letters, merged cells drawn
// merged, each recognised table outlined, each header cell marked with how its column was read, each problem
// numbered on its cell, and under a decided column's cells the value the reader read (units converted).
import { columnLabel, parseCell, parseRange } from '../../domain/a1';
import type { ImportIssue, TableReading } from '../../domain/types';
import type { SheetView } from '../../import/review-client';
import {
  fieldLabel,
  headerMark,
  isCovered,
  mergeSpans,
  outlineClasses,
  previewText,
  spanOf,
  tableArea,
} from './review-model';

export interface GridNotes {
  /** Problems numbered as the list numbers them, by sheet and cell. */
  issues: { issue: ImportIssue; n: number }[];
  /** Cells given a value by hand: sheet|cell → the value. */
  corrected: Map<string, string>;
  /** Columns whose read values are shown under their cells: sheet|table|column index. */
  previewed: Set<string>;
}

export function ReviewGrid({
  sheet,
  tables,
  notes,
  onIssue,
}: {
  sheet: SheetView;
  tables: readonly TableReading[];
  notes: GridNotes;
  /** A problem's number on a cell was chosen: show it in the list. */
  onIssue: (n: number) => void;
}) {
  const own = tables.filter((t) => t.sheet === sheet.name);
  const areas = own.map(tableArea).filter((a) => a !== null);
  const spans = mergeSpans(sheet.merges);
  const byRow = new Map(sheet.rows.map((row) => [row.r, new Map(row.cells.map((cell) => [cell.c, cell]))]));
  const headers = new Map(own.flatMap((t) => t.columns.map((col) => [col.cell, { table: t, col }] as const)));
  const issuesAt = new Map<string, number[]>();
  for (const { issue, n } of notes.issues) {
    if (issue.sheet !== sheet.name || !issue.cell) continue;
    issuesAt.set(issue.cell, [...(issuesAt.get(issue.cell) ?? []), n]);
  }
  const rows = Array.from({ length: sheet.lastRow + 1 }, (_, r) => r);
  const cols = Array.from({ length: sheet.lastCol + 1 }, (_, c) => c);

  const preview = (r: number, c: number, address: string) => {
    for (const t of own) {
      if (!notes.previewed.has(`${t.sheet}|${t.table}|${c}`)) continue;
      const data = t.dataRange ? parseRange(t.dataRange) : null;
      if (!data || r < data.s.r || r > data.e.r) continue;
      if (!t.values || !(address in t.values)) continue;
      const column = t.columns.find((col) => col.c === c);
      return previewText(t.table, column?.field ?? null, t.values[address] ?? null);
    }
    return null;
  };

  if (rows.length === 0) return <p className="muted">工作表“{sheet.name}”是空的。</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable by keyboard to scroll it
    <section className="review-grid-scroll" tabIndex={0} aria-label={`工作表“${sheet.name}”（可滚动）`}>
      <table className="review-grid">
        <caption className="visually-hidden">工作表“{sheet.name}”的单元格</caption>
        <thead>
          <tr>
            <td className="corner" />
            {cols.map((c) => (
              <th key={c} scope="col">
                {columnLabel(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              <th scope="row">{r + 1}</th>
              {cols.map((c) => {
                if (isCovered(spans, r, c)) return null;
                const span = spanOf(spans, r, c);
                const address = `${columnLabel(c)}${r + 1}`;
                const cell = byRow.get(r)?.get(c);
                const header = headers.get(address);
                const mark = header ? headerMark(header.col) : null;
                const problems = issuesAt.get(address) ?? [];
                const corrected = notes.corrected.get(`${sheet.name}|${address}`);
                const shownValue = preview(r, c, address);
                const classes = outlineClasses(areas, { r, c }, span);
                if (problems.length > 0) classes.push('has-issue');
                if (corrected !== undefined) classes.push('corrected');
                if (mark) classes.push('header-cell');
                return (
                  <td
                    key={c}
                    rowSpan={span?.rowSpan}
                    colSpan={span?.colSpan}
                    className={classes.join(' ') || undefined}
                    data-cell={address}
                  >
                    {cell?.shown}
                    {mark && header && (
                      <span className={`cell-mark flag ${mark.tone}`}>
                        {mark.label}
                        {header.col.status === 'matched'
                          ? `：${fieldLabel(header.table.table, header.col.field)}`
                          : ''}
                      </span>
                    )}
                    {corrected !== undefined && <span className="cell-note">更正为 {corrected}</span>}
                    {shownValue !== null && corrected === undefined && (
                      <span className="cell-note">读作 {shownValue}</span>
                    )}
                    {problems.map((n) => (
                      <button key={n} type="button" className="issue-ref" onClick={() => onIssue(n)}>
                        问题{n}
                      </button>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {sheet.truncated && <p className="muted">工作表较大，只显示了前面的部分单元格。</p>}
    </section>
  );
}

/** The sheet a problem is on, to open the grid at it. */
export function sheetOfCell(issue: ImportIssue): { sheet: string; r: number; c: number } | null {
  const pos = issue.cell ? parseCell(issue.cell) : null;
  return issue.sheet && pos ? { sheet: issue.sheet, ...pos } : null;
}
