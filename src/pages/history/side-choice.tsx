// 采用本机的 / 采用备份中的 (or 采用另一台电脑的): which of two computers' versions to keep, as one radio group.
import { type ReactNode, useId } from 'react';
import type { MergeSide } from '../../db/merge';

export function SideChoice({
  name,
  chosen,
  onChoose,
  chooseIncoming = '采用备份中的',
  local = '',
  incoming = '',
  children,
}: {
  /** What is chosen about, for the group's label: 农安县2018年1-9月. */
  name: string;
  chosen: MergeSide | undefined;
  onChoose: (side: MergeSide) => void;
  /** The label of the other side's choice: 采用备份中的, 采用另一台电脑的. */
  chooseIncoming?: string;
  /** What each side holds, after its label. */
  local?: string;
  incoming?: string;
  /** Extra controls after the choice (sync: the button that applies it). */
  children?: ReactNode;
}) {
  const group = useId();
  return (
    <div className="toolbar" role="radiogroup" aria-label={`${name} 采用哪一份`}>
      <label>
        <input type="radio" name={group} checked={chosen === 'local'} onChange={() => onChoose('local')} />
        采用本机的{local}
      </label>
      <label>
        <input
          type="radio"
          name={group}
          checked={chosen === 'incoming'}
          onChange={() => onChoose('incoming')}
        />
        {chooseIncoming}
        {incoming}
      </label>
      {children}
    </div>
  );
}
