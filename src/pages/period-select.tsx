// The 报告期 selector shown in the header.
import { periodLabel } from '../domain/period';
import { usePeriod } from './period-context';

export function PeriodSelect() {
  const { period, periods, setPeriod } = usePeriod();
  return (
    <label className="period-select">
      <span>报告期</span>
      <select
        value={period ?? ''}
        onChange={(e) => setPeriod(e.target.value)}
        disabled={periods.length === 0}
        aria-label="报告期"
      >
        {periods.length === 0 && <option value="">暂无数据</option>}
        {[...periods].reverse().map((p) => (
          <option key={p} value={p}>
            {periodLabel(p)}
          </option>
        ))}
      </select>
    </label>
  );
}
