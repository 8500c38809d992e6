// The files of the session, a row each: name, unit, period, status in words, and when expanded every issue with
// its sheet and cell, or for a replacement the figures that change (old → new) and the box that confirms it.
// Files that need the user (refused, unsaved, a replacement to confirm) come first; a count per status above the
// list filters it, so a hundred files stay workable.
import { useState } from 'react';
import type { PlannedReturn } from '../../db/import-repo';
import { periodLabel } from '../../domain/period';
import type { ImportIssue } from '../../domain/types';
import { defaultRegister } from '../../domain/units';
import { type FileRow, type FileStatus, rowStatus, STATUS_LABEL } from './import-session';
import { tablesReadByLayout } from './row-extras';

const FLAG: Record<FileStatus, string> = {
  ok: 'ok',
  warning: 'warn',
  error: 'bad',
  exists: 'info',
  replace: 'warn',
  imported: 'ok',
  replaced: 'ok',
  failed: 'bad',
};

function unitNames(row: FileRow): string {
  if (!row.read.result.ok) return '—';
  const names = row.read.result.returns.map((r) => defaultRegister.unit(r.unitId)?.name ?? r.unitId);
  return [...new Set(names)].join('、') || '—';
}

function periods(row: FileRow): string {
  if (!row.read.result.ok) return '—';
  return [...new Set(row.read.result.returns.map((r) => periodLabel(r.period)))].join('、') || '—';
}

function where(issue: ImportIssue): string {
  const parts = [
    issue.sheet ? `工作表“${issue.sheet}”` : '',
    issue.cell ? `单元格 ${issue.cell}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join(' ')}：` : '';
}

/**
 * An issue as its file's row shows it: the row already names the file, so a sentence that begins with
 * 文件“…” keeps only the sheet, cell and reason; a sentence without a location gets one.
 */
export function issueText(issue: ImportIssue): string {
  const prefix = `文件“${issue.file}”`;
  if (!issue.message.startsWith(prefix)) return `${where(issue)}${issue.message}`;
  const rest = issue.message.slice(prefix.length);
  return rest.startsWith('：') ? rest.slice(1) : rest;
}

/** Stable keys for list items that may repeat: the item's own text, numbered from its second occurrence. */
function withKeys<T>(items: T[], keyOf: (item: T) => string): { item: T; key: string }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = keyOf(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { item, key: n === 1 ? base : `${base}#${n}` };
  });
}

function IssueList({ issues }: { issues: ImportIssue[] }) {
  return (
    <ul>
      {withKeys(issues, (i) => `${i.code}|${i.sheet}|${i.cell}|${i.message}`).map(({ item: issue, key }) => (
        <li key={key} className={`issue-${issue.severity}`}>
          <span className="flag-word">{issue.severity === 'error' ? '错误' : '警告'}</span>：
          {issueText(issue)}
        </li>
      ))}
    </ul>
  );
}

export function ReplaceDiff({ plan }: { plan: PlannedReturn }) {
  const name = defaultRegister.unit(plan.candidate.ret.unitId)?.name ?? plan.candidate.ret.unitId;
  const caption = `${name}${periodLabel(plan.candidate.ret.period)}：现有数据（来自“${plan.current?.fileName ?? ''}”）与本文件的差异`;
  if (plan.changes.length === 0) {
    return (
      <p className="replace-diff">{caption}：数字相同，仅文件内容的其他部分不同（如截止日期或备注）。</p>
    );
  }
  return (
    <table className="data replace-diff">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">表</th>
          <th scope="col">银行/项目</th>
          <th scope="col">项目</th>
          <th scope="col">现有</th>
          <th scope="col">新文件</th>
        </tr>
      </thead>
      <tbody>
        {withKeys(plan.changes, (c) => `${c.table}|${c.row}|${c.label}`).map(({ item: c, key }) => (
          <tr key={key}>
            <td>{c.tableTitle}</td>
            <td>{c.row ?? '—'}</td>
            <td>{c.label}</td>
            <td className="num">{c.before}</td>
            <td className="num">{c.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Details({ row, onConfirm }: { row: FileRow; onConfirm: (confirmed: boolean) => void }) {
  const status = rowStatus(row);
  const issues = row.read.result.ok ? row.read.result.warnings : row.read.result.issues;
  const reasons = row.plans.filter((p) => p.reason).map((p) => p.reason as string);
  const failures = row.outcomes.filter((o) => o.message).map((o) => o.message as string);
  const replacements = row.plans.filter((p) => p.status === 'replace');
  const count = issues.length + reasons.length + failures.length + replacements.length;
  if (count === 0) return <span className="muted">无</span>;
  const open = status === 'error' || status === 'replace' || status === 'failed';
  return (
    <details open={open}>
      <summary>
        {issues.length > 0 ? `${issues.length} 个问题` : replacements.length > 0 ? '查看差异' : '说明'}
      </summary>
      {issues.length > 0 && <IssueList issues={issues} />}
      {withKeys([...reasons, ...failures], (t) => t).map(({ item: text, key }) => (
        <p key={key}>{text}</p>
      ))}
      {status === 'replace' && (
        <>
          {replacements.map((plan) => (
            <ReplaceDiff key={`${plan.candidate.ret.unitId}-${plan.candidate.ret.period}`} plan={plan} />
          ))}
          <label>
            <input
              type="checkbox"
              checked={row.confirmed}
              onChange={(e) => onConfirm(e.currentTarget.checked)}
            />{' '}
            确认用本文件替换现有数据（原数据保留为历史版本，可恢复）
          </label>
        </>
      )}
    </details>
  );
}

/** Display order: what needs the user first, then what will be written, then what is settled. */
export const STATUS_ORDER: readonly FileStatus[] = [
  'error',
  'failed',
  'replace',
  'warning',
  'ok',
  'exists',
  'replaced',
  'imported',
];

/** The rows in display order (stable within a status) and the count of each status present. */
export function orderRows(rows: readonly FileRow[]): {
  rows: { row: FileRow; status: FileStatus }[];
  counts: { status: FileStatus; count: number }[];
} {
  const withStatus = rows.map((row) => ({ row, status: rowStatus(row) }));
  const rank = (s: FileStatus) => STATUS_ORDER.indexOf(s);
  const ordered = withStatus
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => rank(a.status) - rank(b.status) || a.i - b.i)
    .map(({ row, status }) => ({ row, status }));
  const counts = STATUS_ORDER.map((status) => ({
    status,
    count: withStatus.filter((r) => r.status === status).length,
  })).filter((c) => c.count > 0);
  return { rows: ordered, counts };
}

/** Above this many files the list scrolls inside its own box, so the completeness grid stays near. */
const SCROLL_FROM = 12;

/** What the row says about how it was read: by a saved mapping, or as decided in 核对. */
export function readNotes(row: FileRow): string[] {
  const notes: string[] = [];
  if (row.review) {
    const fixed = row.review.corrections.length;
    const mapped = row.review.choices.length;
    const parts = [fixed > 0 ? `更正 ${fixed} 个单元格` : '', mapped > 0 ? `对照 ${mapped} 列` : ''].filter(
      Boolean,
    );
    notes.push(`已核对${parts.length > 0 ? `（${parts.join('，')}）` : ''}`);
  } else if (tablesReadByLayout(row.read.result).length > 0) {
    notes.push('按已保存的表头对照读取');
  }
  return notes;
}

export function FileList({
  rows,
  onConfirm,
  onReview,
}: {
  rows: FileRow[];
  onConfirm: (key: number, confirmed: boolean) => void;
  /** Open 核对 for a row (rows whose file is still at hand and not yet settled). */
  onReview?: (row: FileRow) => void;
}) {
  const [filter, setFilter] = useState<FileStatus | 'all'>('all');
  if (rows.length === 0) return null;
  const { rows: ordered, counts } = orderRows(rows);
  // A filter whose files have all changed status (e.g. after 确认导入) falls back to all files.
  const active = counts.some((c) => c.status === filter) ? filter : 'all';
  const shown = active === 'all' ? ordered : ordered.filter((r) => r.status === active);
  const table = (
    <table className="data file-list" aria-label="文件列表">
      <thead>
        <tr>
          <th scope="col">文件</th>
          <th scope="col">单位</th>
          <th scope="col">报告期</th>
          <th scope="col">状态</th>
          <th scope="col">详情</th>
        </tr>
      </thead>
      <tbody>
        {shown.map(({ row, status }) => (
          <tr key={row.key} data-status={status}>
            <th scope="row">{row.read.fileName}</th>
            <td className="nowrap">{unitNames(row)}</td>
            <td className="nowrap">{periods(row)}</td>
            <td className="nowrap">
              <span className={`flag ${FLAG[status]}`}>{STATUS_LABEL[status]}</span>
            </td>
            <td>
              {readNotes(row).map((note) => (
                <span key={note} className="flag info read-note">
                  {note}
                </span>
              ))}
              {onReview && row.input && !row.done && (
                <button
                  type="button"
                  className="inline-action review-button"
                  aria-label={`核对 ${row.read.fileName}`}
                  onClick={() => onReview(row)}
                >
                  核对
                </button>
              )}
              <Details row={row} onConfirm={(c) => onConfirm(row.key, c)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      <fieldset className="status-filter">
        <legend className="visually-hidden">按状态筛选文件</legend>
        <FilterButton
          label="全部"
          count={rows.length}
          pressed={active === 'all'}
          onClick={() => setFilter('all')}
        />
        {counts.map((c) => (
          <FilterButton
            key={c.status}
            label={STATUS_LABEL[c.status]}
            count={c.count}
            flag={FLAG[c.status]}
            pressed={active === c.status}
            onClick={() => setFilter(c.status)}
          />
        ))}
      </fieldset>
      {rows.length > SCROLL_FROM ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable by keyboard to scroll it
        <section className="file-list-scroll" tabIndex={0} aria-label="文件列表（可滚动）">
          {table}
        </section>
      ) : (
        table
      )}
    </>
  );
}

function FilterButton({
  label,
  count,
  flag,
  pressed,
  onClick,
}: {
  label: string;
  count: number;
  flag?: string;
  pressed: boolean;
  onClick: () => void;
}) {
  return (
    <button type="button" className="filter-chip" aria-pressed={pressed} onClick={onClick}>
      {flag ? <span className={`flag ${flag}`}>{label}</span> : label} <span className="count">{count}</span>
    </button>
  );
}
