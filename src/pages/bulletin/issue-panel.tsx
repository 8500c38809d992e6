// 签发: the confirmation before a bulletin is issued — its 成文日期, its 发文字号 (the settings' format with the
// year's next running number, which may be changed here) and what issuing does.
import { useId, useMemo, useState } from 'react';
import { useSetting } from '../../db/settings-repo';
import { chineseDateOfIso } from '../../domain/bulletin/generate';
import {
  DEFAULT_DOC_NUMBER,
  DOC_NUMBER_KEY,
  type DocNumberSettings,
  formatDocNumber,
  nextDocNumber,
  withDefaultDocNumber,
} from '../../domain/bulletin/issue';
import { notice } from '../../domain/messages';
import { periodLabel } from '../../domain/period';
import type { PeriodKey } from '../../domain/types';

export function IssuePanel({
  period,
  version,
  docDate,
  onDocDate,
  busy,
  onIssue,
  onCancel,
}: {
  period: PeriodKey;
  /** The version this issue will be: 1, or the next after those issued. */
  version: number;
  docDate: string;
  onDocDate: (iso: string) => void;
  busy: boolean;
  onIssue: (docNumber: number) => void;
  onCancel: () => void;
}) {
  const ids = { title: useId(), date: useId(), number: useId() };
  const stored = useSetting<Partial<DocNumberSettings>>(DOC_NUMBER_KEY, DEFAULT_DOC_NUMBER);
  const settings = useMemo(() => withDefaultDocNumber(stored), [stored]);
  const year = Number(docDate.slice(0, 4));
  const suggested = nextDocNumber(settings, year);
  // Typed by the user, else the year's next running number.
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? String(suggested);
  const number = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  return (
    <div className="confirm-panel issue-panel" role="alertdialog" aria-labelledby={ids.title}>
      <h2 id={ids.title}>
        签发{periodLabel(period)}通报{version > 1 ? `（第${version}版）` : ''}
      </h2>
      <div className="toolbar">
        <label htmlFor={ids.date}>成文日期</label>
        <input
          id={ids.date}
          type="date"
          value={docDate}
          required
          onChange={(e) => {
            if (e.target.value) onDocDate(e.target.value);
          }}
        />
        <span className="muted">（{chineseDateOfIso(docDate)}）</span>
        <label htmlFor={ids.number}>发文字号序号</label>
        <input
          id={ids.number}
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          value={text}
          onChange={(e) => setTyped(e.target.value)}
          style={{ width: '6rem' }}
        />
        <output htmlFor={ids.number} aria-live="polite">
          发文字号：{Number.isNaN(number) ? '—' : formatDocNumber(settings.template, year, number)}
        </output>
      </div>
      <p>{notice('issue.confirm', { period: periodLabel(period), version })}</p>
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          disabled={busy || Number.isNaN(number)}
          onClick={() => onIssue(number)}
        >
          确定签发
        </button>
        <button type="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}
