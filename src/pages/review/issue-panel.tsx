// 核对's problems: every issue of the file, numbered as on the grid, each correctable cell with its own small
// form (the value, and the required note saying where it comes from), and the corrections made so far.
import { useState } from 'react';
import type { StoredCorrection } from '../../db/database';
import { reviewText } from '../../domain/messages';
import type { ImportIssue } from '../../domain/types';
import { issueText } from '../import/file-list';

/** Cells whose text the reader could not take as a figure, a name or a date can be given a value. */
export function isCorrectable(issue: ImportIssue): boolean {
  if (!issue.sheet || !issue.cell) return false;
  return (
    issue.code.startsWith('number.') || ['cell.empty', 'unit.unknown', 'date.invalid'].includes(issue.code)
  );
}

export type NewCorrection = Omit<StoredCorrection, 'at'>;

function CorrectionForm({
  issue,
  original,
  onSave,
  onCancel,
}: {
  issue: ImportIssue;
  original: string;
  onSave: (c: NewCorrection) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `fix-${issue.sheet}-${issue.cell}`.replace(/[^\w-]/g, '_');
  const save = () => {
    if (value.trim() === '') return setError(reviewText('correction.noValue', {}));
    if (note.trim() === '') return setError(reviewText('correction.noNote', {}));
    const out: NewCorrection = {
      sheet: issue.sheet as string,
      cell: issue.cell as string,
      original,
      value: value.trim(),
      note: note.trim(),
    };
    if (issue.table) out.table = issue.table;
    if (issue.field) out.field = issue.field;
    onSave(out);
  };
  return (
    <fieldset className="correction-form">
      <legend>更正单元格 {issue.cell}</legend>
      <p className="muted">
        单元格 {issue.cell} 原为“{original}”。按本列的单位填写数字（如 500、12.5），或填写文字。
      </p>
      <label htmlFor={`${id}-value`}>更正为</label>
      <input id={`${id}-value`} value={value} onChange={(e) => setValue(e.currentTarget.value)} />
      <label htmlFor={`${id}-note`}>更正依据（必填）</label>
      <input
        id={`${id}-note`}
        value={note}
        placeholder="如：电话核实、纸质报表"
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <button type="button" className="primary" onClick={save}>
        保存更正
      </button>
      <button type="button" onClick={onCancel}>
        取消
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function IssuePanel({
  issues,
  corrections,
  originalText,
  onCorrect,
  onUndo,
}: {
  issues: readonly ImportIssue[];
  corrections: readonly StoredCorrection[];
  originalText: (issue: ImportIssue) => string;
  onCorrect: (c: NewCorrection) => void;
  onUndo: (c: StoredCorrection) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      {issues.length === 0 ? (
        <p className="notice ok">按当前的对照和更正读取，没有问题。</p>
      ) : (
        <ol className="review-issues">
          {issues.map((issue, i) => {
            const key = `${issue.sheet}|${issue.cell}|${issue.code}|${i}`;
            const fixed = corrections.some((c) => c.sheet === issue.sheet && c.cell === issue.cell);
            return (
              <li key={key} id={`review-issue-${i + 1}`} tabIndex={-1} className={`issue-${issue.severity}`}>
                <span className="flag-word">{issue.severity === 'error' ? '错误' : '警告'}</span>：
                {issueText(issue)}
                {isCorrectable(issue) && !fixed && open !== key && (
                  <button
                    type="button"
                    className="inline-action"
                    aria-label={`更正单元格 ${issue.cell}（问题${i + 1}）`}
                    onClick={() => setOpen(key)}
                  >
                    更正此单元格
                  </button>
                )}
                {open === key && (
                  <CorrectionForm
                    issue={issue}
                    original={originalText(issue)}
                    onCancel={() => setOpen(null)}
                    onSave={(c) => {
                      setOpen(null);
                      onCorrect(c);
                    }}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      {corrections.length > 0 && (
        <>
          <h4>已更正的单元格</h4>
          <ul className="review-corrections">
            {corrections.map((c) => (
              <li key={`${c.sheet}|${c.cell}`}>
                工作表“{c.sheet}”单元格 {c.cell}：“{c.original}”更正为“{c.value}”，依据：{c.note}{' '}
                <button type="button" className="inline-action" onClick={() => onUndo(c)}>
                  撤销此更正
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
