// The changes a targets file or the first returns of the year would make, figure by figure, before the user
// confirms them: nothing is stored until then.
import { useId } from 'react';
import { notice } from '../../domain/messages';
import { formatTargetValue, type TargetDifference, targetField } from '../../domain/targets';
import type { ImportIssue } from '../../domain/types';
import { defaultRegister } from '../../domain/units';

export interface TargetsProposal {
  /** 从文件导入 or 取自本年首期月报, for the heading. */
  title: string;
  /** What the user is told about the source (the file read, the returns used). */
  summary: string;
  differences: TargetDifference[];
  /** Units the proposal names whose targets would stay as they are. */
  unchanged: number;
  warnings: ImportIssue[];
  /** What to store on confirmation. */
  apply: () => void;
}

export function TargetsPreview({
  proposal,
  busy,
  onCancel,
}: {
  proposal: TargetsProposal;
  busy: boolean;
  onCancel: () => void;
}) {
  const titleId = useId();
  const { differences } = proposal;
  return (
    <section className="confirm-panel" aria-labelledby={titleId} data-testid="targets-preview">
      <h3 id={titleId}>{proposal.title}</h3>
      <p>{proposal.summary}</p>
      {proposal.warnings.length > 0 ? (
        <ul className="notice warn">
          {proposal.warnings.map((w) => (
            <li key={`${w.code}-${w.sheet}-${w.cell}`}>{w.message}</li>
          ))}
        </ul>
      ) : null}
      {differences.length === 0 ? (
        <p className="notice ok">{notice('targets.nothingToChange')}</p>
      ) : (
        <table className="data">
          <caption>
            将更改 {differences.length} 个目标数字
            {proposal.unchanged > 0 ? `（另有 ${proposal.unchanged} 个单位的目标不变）` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">目标</th>
              <th scope="col">原目标</th>
              <th scope="col">新目标</th>
            </tr>
          </thead>
          <tbody>
            {differences.map((d) => {
              const field = targetField(d.key);
              return (
                <tr key={`${d.unitId}-${d.key}`}>
                  <th scope="row">{defaultRegister.unit(d.unitId)?.name ?? d.unitId}</th>
                  <td>{field.label}</td>
                  <td className="num">{formatTargetValue(field, d.before)}</td>
                  <td className="num">{formatTargetValue(field, d.after)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="toolbar">
        <button
          type="button"
          className="primary"
          disabled={busy || differences.length === 0}
          onClick={proposal.apply}
        >
          确认更改目标
        </button>
        <button type="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </section>
  );
}
