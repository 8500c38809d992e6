// The notice on 导入 naming the issued periods (with their 发文字号): a later import for one of them is held as
// 签发后更改. Its own module with a light query, so the first page stays small.
import { useIssuedPeriods } from '../../db/issued-periods';
import { notice } from '../../domain/messages';
import { periodLabel } from '../../domain/period';

export function IssuedPeriodsNotice() {
  const issued = useIssuedPeriods();
  if (!issued || issued.size === 0) return null;
  const periods = [...issued.values()]
    .sort((a, b) => (a.period < b.period ? -1 : 1))
    .map((r) => `${periodLabel(r.period)}（${r.docNumber}）`)
    .join('、');
  return (
    <p className="notice" role="note" data-testid="import-issued">
      {notice('issue.periodsIssued', { periods })}
    </p>
  );
}
