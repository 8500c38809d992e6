// The filters above a data table: free text, prefecture (or 省直管), flag, and the 按市州分组 toggle.
import { useId } from 'react';
import { defaultRegister } from '../../domain/units';
import type { RowFilter } from '../../ui/data-table/filter';
import type { FlagOption } from './flags';

export interface FilterBarProps {
  filter: RowFilter;
  onChange: (filter: RowFilter) => void;
  flagOptions: readonly FlagOption[];
  /** Rows per flag key, shown in the options. */
  flagCounts?: ReadonlyMap<string, number>;
  /** Absent: no grouping toggle (e.g. the project list). */
  grouped?: boolean;
  onGroupedChange?: (grouped: boolean) => void;
  /** Placeholder of the text box. */
  textHint?: string;
  /** Shown rows and all rows, announced politely. */
  shown: number;
  total: number;
  noun?: string;
}

export function FilterBar(props: FilterBarProps) {
  const { filter, onChange, flagOptions, grouped, onGroupedChange, shown, total } = props;
  const id = useId();
  const groups = defaultRegister.groups();
  const filtering = shown !== total;
  return (
    <div className="toolbar data-filters">
      <label htmlFor={`${id}-text`}>查找</label>
      <input
        id={`${id}-text`}
        type="search"
        value={filter.text}
        placeholder={props.textHint ?? '市县名称'}
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
      />
      <label htmlFor={`${id}-group`}>市州</label>
      <select
        id={`${id}-group`}
        value={filter.group}
        onChange={(e) => onChange({ ...filter, group: e.target.value })}
      >
        <option value="">全部市州</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
      {flagOptions.length > 0 && (
        <>
          <label htmlFor={`${id}-flag`}>状态</label>
          <select
            id={`${id}-flag`}
            value={filter.flag}
            onChange={(e) => onChange({ ...filter, flag: e.target.value })}
          >
            <option value="">全部状态</option>
            {flagOptions.map((o) => (
              <option key={o.key} value={o.key}>
                {props.flagCounts ? `${o.label}（${props.flagCounts.get(o.key) ?? 0}）` : o.label}
              </option>
            ))}
          </select>
        </>
      )}
      {onGroupedChange && (
        <label className="toggle">
          <input
            type="checkbox"
            checked={grouped ?? false}
            onChange={(e) => onGroupedChange(e.target.checked)}
          />
          按市州分组
        </label>
      )}
      {filtering && (
        <button type="button" onClick={() => onChange({ text: '', group: '', flag: '' })}>
          清除筛选
        </button>
      )}
      <output className="muted" aria-live="polite">
        {filtering
          ? `显示 ${shown} / ${total} ${props.noun ?? '个单位'}`
          : `共 ${total} ${props.noun ?? '个单位'}`}
      </output>
    </div>
  );
}
