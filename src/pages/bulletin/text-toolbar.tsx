// The bulletin's text actions: 修改文字 / 保存修改 / 取消修改, 重新生成 (after a confirmation), 打印, the 成文日期 and
// 签发; while the period is issued and locked, only 打印 and 重新签发.
import { useId } from 'react';
import { notice } from '../../domain/messages';

export function TextActions(props: {
  editing: boolean;
  edited: boolean;
  locked: boolean;
  busy: boolean;
  onEdit: () => void;
  onSave: () => void;
  onCancel: () => void;
  onRegenerate: () => void;
  onIssue: () => void;
  /** 签发 (first issue) or 签发第N版 (re-issue). */
  issueLabel: string;
}) {
  const { editing, edited, locked, busy } = props;
  return (
    <div className="export-group">
      {locked ? null : editing ? (
        <>
          <button type="button" className="primary" onClick={props.onSave} disabled={busy}>
            保存修改
          </button>
          <button type="button" onClick={props.onCancel}>
            取消修改
          </button>
        </>
      ) : (
        <button type="button" onClick={props.onEdit}>
          修改文字
        </button>
      )}
      {locked ? null : (
        <button type="button" onClick={props.onRegenerate} disabled={!edited || editing}>
          重新生成
        </button>
      )}
      <button type="button" onClick={() => window.print()} disabled={editing}>
        打印
      </button>
      <button type="button" className="primary" onClick={props.onIssue} disabled={editing || busy}>
        {props.issueLabel}
      </button>
    </div>
  );
}

/** 成文日期: the bulletin's date, the day of generating unless another is chosen. */
export function DocDateField({ value, onChange }: { value: string; onChange: (iso: string) => void }) {
  const id = useId();
  return (
    <div className="export-group">
      <label htmlFor={id}>成文日期</label>
      <input
        id={id}
        type="date"
        value={value}
        required
        onChange={(e) => {
          if (e.target.value) onChange(e.target.value);
        }}
      />
    </div>
  );
}

/** 重新生成 asks first: the edited text is kept as a past version. */
export function RegenerateConfirm({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const id = useId();
  return (
    <div className="confirm-panel" role="alertdialog" aria-labelledby={id}>
      <p id={id}>{notice('bulletin.regenerateConfirm')}</p>
      <div className="toolbar">
        <button type="button" className="primary" onClick={onConfirm}>
          确定重新生成
        </button>
        <button type="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}

/** The text being edited: one paragraph a line. */
export function BulletinEditor({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const id = useId();
  return (
    <div className="bulletin-editor">
      <label htmlFor={id}>通报文字（每段一行；第一行为标题，最后两行为落款单位和日期）</label>
      <textarea id={id} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
