// 设置 → 通报固定文字: the bulletin's heading, addressees, intro, 二、下步工作要求 and signature, kept by the user.

import { useEffect, useId, useState } from 'react';
import { storageErrorMessage } from '../../db/errors';
import { saveSetting, useSetting } from '../../db/settings-repo';
import { BULLETIN_TEXT_KEY, DEFAULT_BULLETIN_TEXT, withDefaultTexts } from '../../domain/bulletin/defaults';
import type { BulletinTextSettings } from '../../domain/settings';

interface TextField {
  key: keyof BulletinTextSettings;
  label: string;
  hint?: string;
  rows?: number;
}

const FIELDS: TextField[] = [
  { key: 'title', label: '标题', hint: '{period} 会替换为报告期，如 2018年1-9月' },
  { key: 'addressees', label: '主送单位' },
  { key: 'intro', label: '开头段落', hint: '{months} 会替换为月份，如 1-9月', rows: 4 },
  {
    key: 'requirements',
    label: '“二、下步工作要求”部分',
    hint: '每段一行；（一）（二）… 开头的段落在 Word 中以楷体标题开头。{month} 为月份（如 9），{startTarget} 为开工率目标（如 100），{lagging} 为未达目标的市县数；没有未达目标的市县时，含 {lagging} 的句子自动省去',
    rows: 14,
  },
  { key: 'issuer', label: '落款单位' },
  // 成文日期 is chosen on 通报 for each bulletin (the day of generating by default).
];

export function BulletinTextSection() {
  const stored = useSetting<Partial<BulletinTextSettings>>(BULLETIN_TEXT_KEY, DEFAULT_BULLETIN_TEXT);
  const [form, setForm] = useState<BulletinTextSettings>(() => withDefaultTexts(stored));
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'bad'; text: string } | null>(null);
  const baseId = useId();

  // Follow the stored value until the user starts typing.
  useEffect(() => {
    if (!dirty) setForm(withDefaultTexts(stored));
  }, [stored, dirty]);

  const save = async (value: BulletinTextSettings, done: string) => {
    try {
      await saveSetting(BULLETIN_TEXT_KEY, value);
      setForm(value);
      setDirty(false);
      setStatus({ kind: 'ok', text: done });
    } catch (err) {
      setStatus({ kind: 'bad', text: storageErrorMessage(err) });
    }
  };

  const field = (f: TextField) => {
    const id = `${baseId}-${f.key}`;
    const hintId = `${id}-hint`;
    const common = {
      id,
      value: form[f.key],
      'aria-describedby': f.hint ? hintId : undefined,
      onChange: (e: { target: { value: string } }) => {
        setForm({ ...form, [f.key]: e.target.value });
        setDirty(true);
        setStatus(null);
      },
    };
    return (
      <div
        key={f.key}
        className="form-row"
        style={{ display: 'grid', gap: '0.2rem', marginBottom: '0.75rem' }}
      >
        <label htmlFor={id}>{f.label}</label>
        {f.rows ? (
          <textarea {...common} rows={f.rows} style={{ width: '100%' }} />
        ) : (
          <input {...common} type="text" style={{ width: '100%' }} />
        )}
        {f.hint && (
          <small id={hintId} className="muted">
            {f.hint}
          </small>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby="bulletin-text-title">
      <h2 id="bulletin-text-title">通报固定文字</h2>
      <p className="muted">通报的“一、进展情况”由数据自动生成；以下文字由您维护，用于所有报告期的通报。</p>
      <form
        className="bulletin-text-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(form, '通报固定文字已保存。');
        }}
      >
        {FIELDS.map(field)}
        <fieldset className="furniture-fields">
          <legend>版头与版记（导出的 Word 通报）</legend>
          {FURNITURE_FIELDS.map(field)}
        </fieldset>
        <div className="toolbar">
          <button type="submit" className="primary" disabled={!dirty}>
            保存通报文字
          </button>
          <button
            type="button"
            onClick={() => void save(DEFAULT_BULLETIN_TEXT, '已恢复为 2018 年通报的原文字。')}
          >
            恢复默认文字
          </button>
        </div>
        {status && (
          <p className={`notice ${status.kind}`} role={status.kind === 'bad' ? 'alert' : 'status'}>
            {status.text}
          </p>
        )}
      </form>
    </section>
  );
}

// The Word file's 版头 and 版记 (GB/T 9704-2012), kept apart from the bulletin's own texts (issue 12, docs).
const FURNITURE_FIELDS: TextField[] = [
  {
    key: 'issuerMark',
    label: '发文机关标志',
    hint: '以红色印在 Word 通报首页上方，如“吉林省保障性安居工程领导小组办公室文件”；留空则不印版头',
  },
  {
    key: 'copyTo',
    label: '抄送机关',
    hint: '印在版记中，多个机关用逗号隔开，如“省政府办公厅，省住房和城乡建设厅”；留空则不印抄送',
  },
  {
    key: 'printedBy',
    label: '印发机关',
    hint: '印在版记中，印发日期与成文日期相同；留空则不印版记',
  },
];
