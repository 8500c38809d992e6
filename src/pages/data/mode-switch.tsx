// 查看方式: the radio group by which a data view switches between its ways of showing a section.
import { useId } from 'react';

export function ModeSwitch<Mode extends string>({
  modes,
  mode,
  onChange,
}: {
  /** Each mode with its label, in display order. */
  modes: readonly (readonly [Mode, string])[];
  mode: Mode;
  onChange: (mode: Mode) => void;
}) {
  const name = useId();
  return (
    <fieldset className="toolbar mode-switch">
      <legend>查看方式</legend>
      {modes.map(([value, label]) => (
        <label key={value}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={mode === value}
            onChange={() => onChange(value)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
