// The files of the session, a row each: name, unit, period, status in words, and when expanded every issue with
// its sheet and cell, or for a replacement the figures that change (old → new) and the box that confirms it.
import type { PlannedReturn } from '../../db/import-repo';
import { periodLabel } from '../../domain/period';
import type { ImportIssue } from '../../domain/types';
import { defaultRegister } from '../../domain/units';
import { type FileRow, type FileStatus, rowStatus, STATUS_LABEL } from './import-session';

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
          <span className="flag-word">{issue.severity === 'error' ? '错误' : '警告'}</span>：{where(issue)}
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

function ReplaceDiff({ plan }: { plan: PlannedReturn }) {
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

export function FileList({
  rows,
  onConfirm,
}: {
  rows: FileRow[];
  onConfirm: (key: number, confirmed: boolean) => void;
}) {
  if (rows.length === 0) return null;
  return (
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
        {rows.map((row) => {
          const status = rowStatus(row);
          return (
            <tr key={row.key} data-status={status}>
              <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal' }}>
                {row.read.fileName}
              </th>
              <td>{unitNames(row)}</td>
              <td>{periods(row)}</td>
              <td>
                <span className={`flag ${FLAG[status]}`}>{STATUS_LABEL[status]}</span>
              </td>
              <td>
                <Details row={row} onConfirm={(c) => onConfirm(row.key, c)} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
