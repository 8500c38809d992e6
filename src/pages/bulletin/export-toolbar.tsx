// The bulletin's exports: 导出通报 (Word, with its 发文字号 and 成文日期), 导出汇总表 (附件1–5), the attachments' row
// order, and 下载空白模板 (one unit or all of them, for this period or the next, each naming its known banks).
import { useId, useState } from 'react';
import { useAllCurrentReturns } from '../../db/hooks';
import type { RowOrder } from '../../domain/bulletin/attachments';
import { knownBanks } from '../../domain/known-banks';
import { makePeriod, periodLabel, periodParts } from '../../domain/period';
import type { PeriodKey } from '../../domain/types';
import { defaultRegister, type Unit } from '../../domain/units';
import { downloadAllTemplates, downloadTemplate } from './export-actions';

const ALL_UNITS = 'all';

/** The month after a period: templates are usually sent out for the coming month's return. */
function nextMonth(period: PeriodKey): PeriodKey {
  const { year, month } = periodParts(period);
  return month === 12 ? makePeriod(year + 1, 1) : makePeriod(year, month + 1);
}

export function ExportActions(props: {
  busy: boolean;
  editing: boolean;
  onDocx: () => void;
  onWorkbook: () => void;
  /** The row order to choose, or null when it is fixed (an issued version's, as issued). */
  order: RowOrder | null;
  onOrder: (order: RowOrder) => void;
}) {
  const id = useId();
  return (
    <div className="export-group">
      <button type="button" className="primary" disabled={props.busy || props.editing} onClick={props.onDocx}>
        导出通报
      </button>
      <button type="button" disabled={props.busy} onClick={props.onWorkbook}>
        导出汇总表
      </button>
      {props.order === null ? null : (
        <>
          <label htmlFor={id}>附件排列</label>
          <select id={id} value={props.order} onChange={(e) => props.onOrder(e.target.value as RowOrder)}>
            <option value="grouped">按市州分组（含全市小计）</option>
            <option value="ranked">按排名</option>
          </select>
        </>
      )}
    </div>
  );
}

export function TemplateDownload({
  period,
  busy,
  run,
}: {
  period: PeriodKey;
  busy: boolean;
  /** Runs a download and reports it (the page's one message line). */
  run: (what: string, download: () => Promise<void>) => void;
}) {
  const unitId = useId();
  const periodId = useId();
  const [unit, setUnit] = useState<string>(ALL_UNITS);
  const [next, setNext] = useState(false);
  const allReturns = useAllCurrentReturns();
  return (
    <div className="export-group">
      <label htmlFor={unitId}>模板单位</label>
      <select id={unitId} value={unit} onChange={(e) => setUnit(e.target.value)}>
        <option value={ALL_UNITS}>全部单位（zip）</option>
        {defaultRegister.units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      <label htmlFor={periodId}>模板报告期</label>
      <select
        id={periodId}
        value={next ? 'next' : 'current'}
        onChange={(e) => setNext(e.target.value === 'next')}
      >
        <option value="current">{periodLabel(period)}</option>
        <option value="next">{periodLabel(nextMonth(period))}</option>
      </select>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          run('下载空白模板', async () => {
            const chosen = defaultRegister.unit(unit);
            const target = next ? nextMonth(period) : period;
            // Each template names the unit's banks of its latest return up to the template's period.
            const banksOf = (u: Unit) => (allReturns ? knownBanks(allReturns, u.id, target) : []);
            if (chosen) await downloadTemplate(chosen, target, banksOf(chosen));
            else await downloadAllTemplates(defaultRegister.units, target, banksOf);
          })
        }
      >
        下载空白模板
      </button>
    </div>
  );
}
