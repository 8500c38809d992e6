// 设置 → 发文字号: the format of a bulletin's 发文字号 ({year} the 成文日期's year, {number} the running number) and
// the next running number of a year; 签发 moves the number on by itself.
import { useEffect, useId, useMemo, useState } from 'react';
import { saveSetting, useSetting } from '../../db/settings-repo';
import { useDbAction } from '../../db/use-db-action';
import {
  DEFAULT_DOC_NUMBER,
  DOC_NUMBER_KEY,
  type DocNumberSettings,
  docNumberProblem,
  formatDocNumber,
  nextDocNumber,
  withDefaultDocNumber,
} from '../../domain/bulletin/issue';
import { notice } from '../../domain/messages';
import { ActionNotice } from '../../ui/action-notice';

export function DocNumberSection() {
  const ids = { template: useId(), year: useId(), next: useId() };
  const stored = useSetting<Partial<DocNumberSettings>>(DOC_NUMBER_KEY, DEFAULT_DOC_NUMBER);
  const settings = useMemo(() => withDefaultDocNumber(stored), [stored]);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [template, setTemplate] = useState(settings.template);
  const [next, setNext] = useState(String(nextDocNumber(settings, year)));
  const action = useDbAction();

  // Follow the stored value (签发 moves the number on; another tab may change it).
  useEffect(() => {
    setTemplate(settings.template);
    setNext(String(nextDocNumber(settings, year)));
  }, [year, settings]);

  const number = /^\d+$/.test(next.trim()) ? Number(next.trim()) : Number.NaN;
  const save = () =>
    action.run(async () => {
      if (docNumberProblem(template, number) !== null)
        return { ok: false, text: notice('docNumber.invalid') };
      const value: DocNumberSettings = { template, next: { ...settings.next, [String(year)]: number } };
      await saveSetting(DOC_NUMBER_KEY, value);
      return {
        ok: true,
        text: notice('docNumber.saved', { example: formatDocNumber(template, year, number) }),
      };
    });

  return (
    <section aria-labelledby="doc-number-title">
      <h2 id="doc-number-title">发文字号</h2>
      <p className="muted">{notice('docNumber.explain')}</p>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor={ids.template}>格式</label>
        <input
          id={ids.template}
          type="text"
          value={template}
          onChange={(e) => setTemplate(e.target.value)}
          style={{ width: '16rem' }}
        />
        <label htmlFor={ids.year}>年份</label>
        <select id={ids.year} value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
        <label htmlFor={ids.next}>下一个序号</label>
        <input
          id={ids.next}
          type="number"
          min={1}
          step={1}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          style={{ width: '6rem' }}
        />
        <output htmlFor={`${ids.template} ${ids.next}`}>
          预览：{Number.isNaN(number) ? '—' : formatDocNumber(template, year, number)}
        </output>
        <button type="submit" className="primary" disabled={action.busy}>
          保存发文字号
        </button>
      </form>
      <ActionNotice message={action.message} />
    </section>
  );
}
