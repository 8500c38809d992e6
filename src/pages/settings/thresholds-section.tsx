// 设置 → 预警阈值: edit the thresholds every flag and bulletin list follows; checked before saving; reset to defaults.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { storageErrorMessage } from '../../db/errors';
import { useThresholds } from '../../db/hooks';
import { saveSetting } from '../../db/settings-repo';
import { checkThresholds, THRESHOLD_FIELDS, type ThresholdProblem } from '../../domain/calc/thresholds';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../domain/settings';

type Draft = Record<keyof Thresholds, string>;

const toDraft = (t: Thresholds): Draft =>
  Object.fromEntries(THRESHOLD_FIELDS.map((f) => [f.key, String(t[f.key])])) as Draft;

// An empty or non-numeric field becomes NaN, which checkThresholds names.
const fromDraft = (d: Draft): Thresholds =>
  Object.fromEntries(
    THRESHOLD_FIELDS.map((f) => [f.key, d[f.key].trim() === '' ? Number.NaN : Number(d[f.key].trim())]),
  ) as unknown as Thresholds;

export function ThresholdsSection() {
  const stored = useThresholds();
  const [draft, setDraft] = useState<Draft>(() => toDraft(stored));
  const [problems, setProblems] = useState<ThresholdProblem[]>([]);
  const [status, setStatus] = useState('');
  const id = useId();

  // Follow the stored value (loaded late, or changed in another tab).
  useEffect(() => setDraft(toDraft(stored)), [stored]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const next = fromDraft(draft);
    const found = checkThresholds(next);
    setProblems(found);
    if (found.length > 0) {
      setStatus('');
      return;
    }
    try {
      await saveSetting('thresholds', next);
      setStatus('预警阈值已保存，图表、数据表和通报已按新阈值重新计算。');
    } catch (error) {
      setStatus(storageErrorMessage(error));
    }
  };

  const reset = async () => {
    setProblems([]);
    try {
      await saveSetting('thresholds', DEFAULT_THRESHOLDS);
      setDraft(toDraft(DEFAULT_THRESHOLDS));
      setStatus('已恢复默认阈值。');
    } catch (error) {
      setStatus(storageErrorMessage(error));
    }
  };

  return (
    <section aria-labelledby="thresholds-title">
      <h2 id="thresholds-title">预警阈值</h2>
      <p className="muted">这些阈值决定图表颜色、数据表标记和通报中的点名名单。</p>
      <form onSubmit={save} noValidate data-testid="thresholds-form">
        <table className="data thresholds-table">
          <thead>
            <tr>
              <th scope="col">阈值</th>
              <th scope="col">数值</th>
              <th scope="col">默认</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {THRESHOLD_FIELDS.map((f) => {
              const inputId = `${id}-${f.key}`;
              const problem = problems.find((p) => p.key === f.key);
              return (
                <tr key={f.key}>
                  <th scope="row">
                    <label htmlFor={inputId}>
                      {f.label}（{f.unit}）
                    </label>
                  </th>
                  <td>
                    <input
                      id={inputId}
                      name={f.key}
                      type="number"
                      inputMode="decimal"
                      step={f.unit === '个' ? 1 : 'any'}
                      min={f.unit === '个' ? 1 : 0}
                      value={draft[f.key]}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? `${inputId}-error` : `${inputId}-help`}
                      onChange={(e) => setDraft((d) => ({ ...d, [f.key]: e.target.value }))}
                      style={{ width: '7rem' }}
                    />
                    {problem ? (
                      <div id={`${inputId}-error`} className="flag bad">
                        {problem.message}
                      </div>
                    ) : null}
                  </td>
                  <td className="num">{DEFAULT_THRESHOLDS[f.key]}</td>
                  <td id={`${inputId}-help`} className="muted">
                    {f.help}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="toolbar">
          <button type="submit" className="primary">
            保存阈值
          </button>
          <button type="button" onClick={reset}>
            恢复默认阈值
          </button>
        </div>
        {problems.length > 0 ? (
          <div className="notice bad" role="alert">
            阈值未保存：{problems.map((p) => p.message).join(' ')}
          </div>
        ) : null}
        <p role="status" className="muted">
          {status}
        </p>
      </form>
    </section>
  );
}
