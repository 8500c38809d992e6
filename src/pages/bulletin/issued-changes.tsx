// 签发后更改: an issued period's differences between the attachments as issued and as the current data gives
// them, unit by unit, with the returns that changed since; shown on 通报 (with 重新签发 / 保留已签发版本) and 数据.
import { useMemo } from 'react';
import { type ChangedSource, type IssuedState, useIssuedState } from '../../db/issued-repo';
import { type AttachmentModel, buildAttachments } from '../../domain/bulletin/attachments';
import { chineseDateOfIso } from '../../domain/bulletin/generate';
import { diffAttachments, differencesByUnit, type IssuedDifference } from '../../domain/bulletin/issue';
import type { PeriodAnalysis } from '../../domain/calc';
import { notice } from '../../domain/messages';
import { periodLabel } from '../../domain/period';
import { defaultRegister } from '../../domain/units';

export interface IssuedComparison {
  /** The figures that differ, row by row of the attachments. */
  differences: IssuedDifference[];
  /** The returns that are not those issued (签发后更改). */
  changed: ChangedSource[];
  /** A stable text of both, so that a choice to keep the issued version can be told apart from new changes. */
  fingerprint: string;
}

/** The issued version against the current analysis, in the order the attachments were issued in. */
export function useIssuedComparison(
  state: IssuedState | undefined,
  analysis: PeriodAnalysis,
): IssuedComparison | null {
  const latest = state?.latest ?? null;
  return useMemo(() => {
    if (!state || !latest) return null;
    const current = buildAttachments(analysis, latest.order ?? 'grouped');
    const differences = diffAttachments(latest.attachments as AttachmentModel[], current);
    const changed = state.changed;
    const fingerprint = JSON.stringify([
      latest.id,
      changed.map((c) => `${c.unitId}|${c.period}|${c.kind}`).sort(),
      differences.length,
    ]);
    return { differences, changed, fingerprint };
  }, [state, latest, analysis]);
}

/** 德惠市、农安县（2018年1-8月）: the units whose returns changed, a month before named with its period. */
function changedUnits(changed: readonly ChangedSource[], period: string): string {
  const names = changed.map((c) => {
    const name = defaultRegister.unit(c.unitId)?.name ?? c.unitId;
    return c.period === period ? name : `${name}（${periodLabel(c.period)}）`;
  });
  return [...new Set(names)].join('、');
}

const KIND_TEXT: Record<IssuedDifference['kind'], string> = {
  changed: '数字不同',
  added: '签发后新增',
  removed: '签发后减少',
};

/** The differences as a table, unit by unit. */
export function DifferencesTable({ comparison, caption }: { comparison: IssuedComparison; caption: string }) {
  const groups = differencesByUnit(comparison.differences);
  return (
    <table className="data issued-differences" data-testid="issued-differences">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">单位</th>
          <th scope="col">附件</th>
          <th scope="col">栏目</th>
          <th scope="col">签发时</th>
          <th scope="col">现在</th>
        </tr>
      </thead>
      <tbody>
        {groups.flatMap(({ unit, diffs }) =>
          diffs.map((d, i) => (
            <tr key={`${unit}-${d.attachment}-${d.item}-${d.column}-${d.kind}`}>
              {i === 0 ? (
                <th scope="rowgroup" rowSpan={diffs.length}>
                  {unit}
                </th>
              ) : null}
              <td>{d.attachment}</td>
              <td>
                {d.kind === 'changed'
                  ? [d.item, d.column].filter(Boolean).join(' · ')
                  : [d.item, KIND_TEXT[d.kind]].filter(Boolean).join(' · ')}
              </td>
              <td className="num">{d.issued || '—'}</td>
              <td className="num">{d.current || '—'}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

/** The issued version's line and, when the data moved since, what changed and what can be done about it. */
export function IssuedStatus({
  state,
  comparison,
  kept,
  onReissue,
  onKeep,
}: {
  state: IssuedState;
  comparison: IssuedComparison;
  /** The user chose to keep the issued version with these very changes. */
  kept: boolean;
  onReissue: () => void;
  onKeep: () => void;
}) {
  const latest = state.latest;
  if (!latest) return null;
  const moved = comparison.changed.length > 0 || comparison.differences.length > 0;
  const caption = `与已签发的第${latest.version}版（${latest.docNumber}）相比`;
  return (
    <section className="issued-status" aria-label="签发情况" data-testid="issued-status">
      {!moved ? (
        <p className="notice ok">{notice('issue.noChanges')}</p>
      ) : (
        <div className={`notice ${kept ? '' : 'warn'}`} role="note">
          <p>
            {notice('issue.changes', {
              units: changedUnits(comparison.changed, latest.period) || '部分单位',
              count: comparison.differences.length,
            })}
          </p>
          {kept ? <p className="muted">{notice('issue.kept', { version: latest.version })}</p> : null}
          <div className="toolbar no-print">
            <button type="button" className="primary" onClick={onReissue}>
              按当前数据重新签发…
            </button>
            {kept ? null : (
              <button type="button" onClick={onKeep}>
                保留已签发版本
              </button>
            )}
          </div>
          <details open={!kept}>
            <summary>逐单位查看差异（{comparison.differences.length} 处）</summary>
            <DifferencesTable comparison={comparison} caption={caption} />
          </details>
        </div>
      )}
      {state.versions.length > 1 ? (
        <p className="muted">
          本期共签发 {state.versions.length} 版：
          {state.versions
            .map((v) => `第${v.version}版 ${v.docNumber}（${chineseDateOfIso(v.docDate)}）`)
            .join('；')}
          。
        </p>
      ) : null}
    </section>
  );
}

/** On 数据: an issued period says so, and lists what changed since unit by unit (with the way to 通报). */
export function IssuedDataNotice({ period, analysis }: { period: string; analysis: PeriodAnalysis }) {
  const state = useIssuedState(period);
  const comparison = useIssuedComparison(state, analysis);
  const latest = state?.latest;
  if (!latest || !comparison) return null;
  const moved = comparison.changed.length > 0 || comparison.differences.length > 0;
  return (
    <div className={`notice ${moved ? 'warn' : ''}`} data-testid="data-issued">
      <p>
        {notice('issue.dataIssued', {
          period: periodLabel(latest.period),
          version: latest.version,
          docNumber: latest.docNumber,
        })}{' '}
        <a href="#/bulletin">到通报页</a>
      </p>
      {moved ? (
        <details>
          <summary>
            {notice('issue.changes', {
              units: changedUnits(comparison.changed, latest.period) || '部分单位',
              count: comparison.differences.length,
            })}
          </summary>
          <DifferencesTable
            comparison={comparison}
            caption={`与已签发的第${latest.version}版（${latest.docNumber}）相比`}
          />
        </details>
      ) : null}
    </div>
  );
}
