// Notices about the period's data shown above tables and charts: units that have not reported, and the
// computation's warnings (a declared 本月 that disagrees with the difference of two months, a cumulative
// figure that fell), each naming the unit and both periods.
import type { PeriodAnalysis } from '../domain/calc/types';
import { notice } from '../domain/messages';
import { defaultRegister } from '../domain/units';

/** Up to this many missing units are named in the sentence; more (early in the month) fold under it. */
const NAMED_INLINE = 10;

export function AnalysisNotices({ analysis, scope }: { analysis: PeriodAnalysis; scope: string }) {
  const missing = analysis.missingUnits;
  const names = missing.map((id) => defaultRegister.unit(id)?.name ?? id).join('、');
  const reported = analysis.reportedUnits.length;
  return (
    <>
      {missing.length > 0 && missing.length <= NAMED_INLINE ? (
        <p className="notice warn" data-testid={`${scope}-missing`}>
          本期有 {missing.length} 个单位尚未上报（{names}），合计只含已上报的 {reported} 个单位。
        </p>
      ) : null}
      {missing.length > NAMED_INLINE ? (
        <details className="notice warn" data-testid={`${scope}-missing`}>
          <summary>
            本期有 {missing.length} 个单位尚未上报，合计只含已上报的 {reported} 个单位。（点击查看未上报单位）
          </summary>
          <p>未上报：{names}。</p>
        </details>
      ) : null}
      {analysis.targetUnits.length > 0 ? (
        <p className="notice" data-testid={`${scope}-targets`}>
          {notice('targets.inUse', {
            year: Number(analysis.period.slice(0, 4)),
            units: analysis.targetUnits.length,
            unreported: missing
              .filter((id) => analysis.targetUnits.includes(id))
              .map((id) => defaultRegister.unit(id)?.name ?? id)
              .join('、'),
          })}
        </p>
      ) : null}
      {analysis.warnings.length > 0 ? (
        <details className="notice warn" data-testid={`${scope}-warnings`}>
          <summary>
            本期数据有{analysis.warnings.length}
            条提醒（本月数与累计数之差不符、累计数比上期减少，或月报的计划数与年度目标不一致）
          </summary>
          <ul>
            {analysis.warnings.map((w) => (
              <li key={`${w.unitId}-${w.table}-${w.field}-${w.code}`}>{w.message}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
