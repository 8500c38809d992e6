// 问题清单: every problem of the files read for a period, one row each (unit, file, sheet, cell, the cell's text,
// the reason, what to do, its state), from the kept outcome of each file read. Pure: the page gathers the
// outcomes, export/ writes the workbook.
import { issueAdvice, issueReason, reviewText } from './messages';
import { tableDef } from './tables';
import type { ImportIssue, PeriodKey, TableKey, TableReading, UnitId } from './types';

/** 待改正 (the county must fix it), 已在系统内更正 (a cell given a value here), 已按对照读取 (read by a mapping). */
export type ProblemState = 'open' | 'corrected' | 'mapped';

export const PROBLEM_STATE_LABEL: Record<ProblemState, string> = {
  open: '待改正',
  corrected: '已在系统内更正',
  mapped: '已按对照读取',
};

/** What became of a file read (structurally db's FileReadRecord). */
export interface FileOutcome {
  fileName: string;
  unitId?: UnitId;
  period?: PeriodKey;
  /** The import that stored it; null: refused and not stored. */
  importId: string | null;
  status: 'accepted' | 'refused' | 'corrected' | 'mapped' | 'resolved';
  /** A refused file's errors; a stored file's errors as first read (all resolved since) and its warnings. */
  issues: ImportIssue[];
  tables?: TableReading[];
  /** Cells given a value by hand in the review. */
  corrections?: readonly { sheet: string; cell: string }[];
  at: number;
}

export interface ProblemRow {
  unitId?: UnitId;
  unit: string;
  fileName: string;
  sheet: string;
  cell: string;
  text: string;
  reason: string;
  advice: string;
  state: ProblemState;
}

/**
 * The files of a period: those read as its returns, and refused files whose period could not be read (a
 * damaged file names none, but the county still has to be told). A file superseded since by a good one from
 * the same unit (resolved) has nothing left to fix.
 */
export function outcomesOfPeriod<T extends FileOutcome>(outcomes: readonly T[], period: PeriodKey): T[] {
  return outcomes.filter(
    (o) =>
      o.status !== 'resolved' && (o.period === period || (o.period === undefined && o.importId === null)),
  );
}

function issueState(outcome: FileOutcome, issue: ImportIssue): ProblemState {
  if (outcome.importId === null || issue.severity === 'warning') return 'open';
  // A stored file has no error left: each was either a cell corrected here or a header read by the mapping.
  const corrected = outcome.corrections?.some((c) => c.sheet === issue.sheet && c.cell === issue.cell);
  return corrected ? 'corrected' : 'mapped';
}

/** Columns a stored file was read into by a saved mapping: the county should use the template's header. */
function mappedRows(outcome: FileOutcome, unit: string): ProblemRow[] {
  if (outcome.importId === null) return [];
  return (outcome.tables ?? []).flatMap((t) =>
    t.columns
      .filter((col) => col.how === 'layout' && col.status === 'matched' && col.field)
      .map((col) => ({
        ...(outcome.unitId ? { unitId: outcome.unitId } : {}),
        unit,
        fileName: outcome.fileName,
        sheet: t.sheet,
        cell: col.cell,
        text: col.header,
        reason: reviewText('problem.byLayout', {
          column: col.header,
          field: fieldHeader(t.table, col.field),
        }),
        advice: reviewText('problem.byLayoutAdvice', {}),
        state: 'mapped' as const,
      })),
  );
}

function fieldHeader(table: TableKey, key: string | null): string {
  return tableDef(table).fields.find((f) => f.key === key)?.header ?? String(key);
}

/** One row per problem, by unit (register order given by `unitOrder`), then file, in the order found. */
export function problemRows(
  outcomes: readonly FileOutcome[],
  unitName: (id: UnitId) => string,
  unitOrder: (id: UnitId | undefined) => number = () => 0,
): ProblemRow[] {
  const sorted = [...outcomes].sort(
    (a, b) =>
      unitOrder(a.unitId) - unitOrder(b.unitId) ||
      a.fileName.localeCompare(b.fileName, 'zh-CN') ||
      a.at - b.at,
  );
  return sorted.flatMap((outcome) => {
    const unit = outcome.unitId ? unitName(outcome.unitId) : '（未能识别）';
    const rows = outcome.issues.map(
      (issue): ProblemRow => ({
        ...(outcome.unitId ? { unitId: outcome.unitId } : {}),
        unit,
        fileName: outcome.fileName,
        sheet: issue.sheet ?? '',
        cell: issue.cell ?? '',
        text: issue.text ?? '',
        reason: issueReason(issue),
        advice: issueAdvice(issue.code),
        state: issueState(outcome, issue),
      }),
    );
    return [...rows, ...mappedRows(outcome, unit)];
  });
}

/** How many rows of each state (for the line under the export button). */
export function countStates(rows: readonly ProblemRow[]): Record<ProblemState, number> {
  const out: Record<ProblemState, number> = { open: 0, corrected: 0, mapped: 0 };
  for (const r of rows) out[r.state]++;
  return out;
}
