// 导出问题清单 for the selected period: every problem of the files read for it (kept with each file's outcome),
// written as an .xlsx to send back to the counties. The writer (ExcelJS) loads only when asked.
import { db } from '../../db/database';
import { listFileReads } from '../../db/file-reads';
import { useDbAction } from '../../db/use-db-action';
import { reviewText } from '../../domain/messages';
import { periodLabel } from '../../domain/period';
import { countStates, outcomesOfPeriod, problemRows } from '../../domain/problems';
import type { PeriodKey, UnitId } from '../../domain/types';
import { defaultRegister } from '../../domain/units';
import { ActionNotice } from '../../ui/action-notice';
import { saveBytes } from '../../ui/download';
import { unitName } from '../history/labels';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Register order; a file whose unit is unknown goes last. */
function unitOrder(id: UnitId | undefined): number {
  const i = id ? defaultRegister.units.findIndex((u) => u.id === id) : -1;
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

export function ProblemListButton({ period }: { period: PeriodKey }) {
  const action = useDbAction();
  const download = () =>
    action.run(async () => {
      const rows = problemRows(outcomesOfPeriod(await listFileReads(db), period), unitName, unitOrder);
      const { writeProblemList, problemListFileName } = await import('../../export/problem-list');
      saveBytes(await writeProblemList(rows, period), problemListFileName(period), XLSX_MIME);
      const label = periodLabel(period);
      if (rows.length === 0) return { ok: true, text: reviewText('problems.none', { period: label }) };
      return {
        ok: true,
        text: reviewText('problems.exported', { period: label, count: rows.length, ...countStates(rows) }),
      };
    });
  return (
    <>
      <button type="button" disabled={action.busy} onClick={() => void download()}>
        导出问题清单（{periodLabel(period)}）
      </button>
      <ActionNotice message={action.message} />
    </>
  );
}
