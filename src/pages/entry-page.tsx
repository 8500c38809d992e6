// 手工录入: a unit's figures for a period typed in (from a phone call, a paper return), the five tables as the
// template lays them out, checked by the reader's own rules, stored with a required note as a revision of origin
// 手工录入. Opened for a unit and period that already has a return, it starts from the current figures and
// stores the correction the same way (手工更正), after the changed figures are confirmed.
import { useEffect, useMemo, useState } from 'react';
import { useUnitReturns } from '../db/hooks';
import type { PlannedReturn } from '../db/import-repo';
import { useDbAction } from '../db/use-db-action';
import { emptyEntry, entryFromReturn, inputOfCell, type ManualEntry } from '../domain/manual-entry';
import { issueReason, reviewText } from '../domain/messages';
import { isPeriodKey, makePeriod, periodLabel, periodParts } from '../domain/period';
import { TABLES } from '../domain/tables';
import type { ImportIssue, PeriodKey, ReadResult } from '../domain/types';
import { defaultRegister } from '../domain/units';
import { readEntry } from '../import/review-client';
import { ActionNotice } from '../ui/action-notice';
import { planEntry, saveEntry } from './entry/entry-save';
import { EntryTable, inputKey, type ProblemsByInput } from './entry/entry-table';
import { issueText, ReplaceDiff } from './import/file-list';
import { usePeriod } from './period-context';
import './entry/entry.css';

/** The month before today's: the period whose returns are usually being gathered. */
function lastMonth(): PeriodKey {
  const now = new Date();
  return now.getMonth() === 0
    ? makePeriod(now.getFullYear() - 1, 12)
    : makePeriod(now.getFullYear(), now.getMonth());
}

/** The years offered: from 2010 (returns are entered late, or for old periods) to next year, and the entry's own. */
function yearChoices(current: number): number[] {
  const now = new Date().getFullYear();
  const years = new Set([current]);
  for (let y = 2010; y <= now + 1; y++) years.add(y);
  return [...years].sort((a, b) => b - a);
}

/** Each input's problems, and those that belong to no input (a table's, the file's). */
function placeIssues(result: ReadResult | null): { byInput: ProblemsByInput; other: ImportIssue[] } {
  const byInput: ProblemsByInput = new Map();
  const other: ImportIssue[] = [];
  if (!result) return { byInput, other };
  for (const issue of result.ok ? result.warnings : result.issues) {
    const input = issue.sheet && issue.cell ? inputOfCell(issue.sheet, issue.cell) : null;
    if (!input) {
      other.push(issue);
      continue;
    }
    const key = inputKey(input.table, input.rowIndex, input.field);
    byInput.set(key, [...(byInput.get(key) ?? []), issueReason(issue)]);
  }
  return { byInput, other };
}

export function EntryPage({ unitId: routeUnit, period: routePeriod }: { unitId?: string; period?: string }) {
  const { period: selected } = usePeriod();
  const startPeriod = routePeriod && isPeriodKey(routePeriod) ? routePeriod : (selected ?? lastMonth());
  const startUnit = routeUnit && defaultRegister.unit(routeUnit) ? routeUnit : '';
  const [entry, setEntry] = useState<ManualEntry>(() => emptyEntry(startUnit, startPeriod));
  const [note, setNote] = useState('');
  const [result, setResult] = useState<ReadResult | null>(null);
  const [plan, setPlan] = useState<PlannedReturn | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [prefilled, setPrefilled] = useState<string | null>(null);
  const action = useDbAction();
  const unitReturns = useUnitReturns(entry.unitId);
  const current = entry.unitId ? unitReturns?.get(entry.period)?.[0] : undefined;
  const unitName = entry.unitId ? (defaultRegister.unit(entry.unitId)?.name ?? entry.unitId) : '';
  const { year, month } = periodParts(entry.period);

  // Opened for a unit and period with a return (from its page): start from its current figures, once.
  const startKey = `${startUnit}|${startPeriod}`;
  useEffect(() => {
    if (!routePeriod || !current || prefilled === startKey) return;
    setEntry(entryFromReturn(current.unitId, current.period, current.tables));
    setPrefilled(startKey);
  }, [routePeriod, current, prefilled, startKey]);

  const change = (next: ManualEntry) => {
    setEntry(next);
    setPlan(null);
    setConfirmed(false);
    action.setMessage(null);
  };
  const { byInput, other } = useMemo(() => placeIssues(result), [result]);
  const errors = result && !result.ok ? result.issues.length : 0;

  const check = () =>
    action.run(async () => {
      const read = await readEntry(entry);
      setResult(read);
      return read.ok ? null : { ok: false, text: reviewText('entry.invalid', { count: read.issues.length }) };
    });

  const save = () =>
    action.run(async () => {
      if (!entry.unitId) return { ok: false, text: reviewText('entry.noUnit', {}) };
      if (Object.keys(entry.tables).length === 0) return { ok: false, text: reviewText('entry.noTable', {}) };
      if (note.trim() === '') return { ok: false, text: reviewText('entry.noNote', {}) };
      const read = await readEntry(entry);
      setResult(read);
      if (!read.ok) return { ok: false, text: reviewText('entry.invalid', { count: read.issues.length }) };
      const ret = read.returns[0];
      if (!ret) return { ok: false, text: reviewText('entry.invalid', { count: 1 }) };
      const planned = plan && confirmed ? plan : await planEntry(entry, ret, note.trim());
      const name = `${unitName}${periodLabel(ret.period)}`;
      if (planned.status === 'exists') return { ok: true, text: reviewText('entry.same', { name }) };
      if (planned.status === 'replace' && !confirmed) {
        setPlan(planned);
        return { ok: false, text: reviewText('entry.replaceUnconfirmed', {}) };
      }
      const outcome = await saveEntry(planned);
      setPlan(null);
      setConfirmed(false);
      if (outcome?.status === 'stored' || outcome?.status === 'replaced') {
        return { ok: true, text: reviewText('entry.saved', { name }) };
      }
      return { ok: false, text: outcome?.message ?? reviewText('entry.invalid', { count: 1 }) };
    });

  return (
    <section aria-labelledby="entry-title" className="entry-page">
      <p className="no-print back-link">
        <a href="#/import">← 返回导入</a>
      </p>
      <h1 id="entry-title">{current && prefilled ? '手工更正' : '手工录入'}</h1>
      <p className="muted">
        把电话核实或纸质报表上的数字录入系统。数字按月报模板的单位填写（表2
        为亿元），与导入的文件按同样的规则检查；保存时必须注明数据来源，保存后在单位页面的版本记录中显示为“手工录入”。
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="entry-head">
          <legend>单位和报告期</legend>
          <label htmlFor="entry-unit">填报单位</label>
          <select
            id="entry-unit"
            value={entry.unitId}
            onChange={(e) => change({ ...entry, unitId: e.currentTarget.value })}
          >
            <option value="">请选择…</option>
            {defaultRegister.groups().map((g) => (
              <optgroup key={g.id} label={g.name}>
                {g.units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <label htmlFor="entry-year">年份</label>
          <select
            id="entry-year"
            value={year}
            onChange={(e) => change({ ...entry, period: makePeriod(Number(e.currentTarget.value), month) })}
          >
            {yearChoices(year).map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
          <label htmlFor="entry-month">截至月份</label>
          <select
            id="entry-month"
            value={month}
            onChange={(e) => change({ ...entry, period: makePeriod(year, Number(e.currentTarget.value)) })}
          >
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {m}月（{periodLabel(makePeriod(year, m)).slice(5)}）
              </option>
            ))}
          </select>
          {current && (
            <p className="notice warn entry-current">
              {unitName}已有{periodLabel(entry.period)}的月报，保存将替换它（原数据保留为历史版本，可恢复）。{' '}
              <button
                type="button"
                onClick={() => {
                  change(entryFromReturn(current.unitId, current.period, current.tables));
                  setPrefilled(`${entry.unitId}|${entry.period}`);
                }}
              >
                以现有数字填入表格
              </button>
            </p>
          )}
        </fieldset>
        {TABLES.map((def) => (
          <EntryTable key={def.key} def={def} entry={entry} issues={byInput} onChange={change} />
        ))}
        {other.length > 0 && (
          <ul className="entry-other">
            {other.map((issue, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is the reader's, redrawn whole
              <li key={i} className={`issue-${issue.severity}`}>
                {issue.severity === 'error' ? '错误' : '警告'}：{issueText(issue)}
              </li>
            ))}
          </ul>
        )}
        <p className="entry-note">
          <label htmlFor="entry-note">数据来源（必填）</label>
          <textarea
            id="entry-note"
            rows={2}
            value={note}
            placeholder="如：电话核实（王科长，10月8日）、纸质报表"
            onChange={(e) => {
              setNote(e.currentTarget.value);
              action.setMessage(null);
            }}
          />
        </p>
        {plan?.status === 'replace' && (
          <div className="entry-replace">
            <ReplaceDiff plan={plan} />
            <label>
              <input
                type="checkbox"
                checked={confirmed}
                onChange={(e) => setConfirmed(e.currentTarget.checked)}
              />{' '}
              确认用手工录入的数字替换现有数据（原数据保留为历史版本，可恢复）
            </label>
          </div>
        )}
        <div className="toolbar">
          <button type="button" disabled={action.busy} onClick={() => void check()}>
            检查
          </button>
          <button type="submit" className="primary" disabled={action.busy}>
            保存
          </button>
          {result?.ok && errors === 0 && !action.message && (
            <span className="muted" role="status">
              检查通过{result.warnings.length > 0 ? `，有 ${result.warnings.length} 个提示` : ''}。
            </span>
          )}
        </div>
        <ActionNotice message={action.message} />
        {action.message?.ok && entry.unitId && (
          <p>
            <a href={`#/unit/${entry.unitId}`}>查看{unitName}的数据和版本记录</a>
          </p>
        )}
      </form>
    </section>
  );
}
