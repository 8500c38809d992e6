// One unit/period where two computers hold a different current return: the differing figures side by side and a
// choice of which to keep. Shared by the backup merge (本机 | 备份) and live sync (本机 | 另一台电脑).
import type { ReturnRevision } from '../../db/database';
import type { MergeSide } from '../../db/merge';
import { diffReturnTables } from '../../db/return-diff';
import { timeText, unitPeriodText } from './labels';
import { SideChoice } from './side-choice';

export interface ConflictPair {
  key: string;
  unitId: string;
  period: string;
  local: ReturnRevision;
  incoming: ReturnRevision;
}

export function ConflictChoice({
  conflict,
  incomingName,
  chooseIncoming,
  chosen,
  onChoose,
  children,
}: {
  conflict: ConflictPair;
  /** Who the other side is: 备份 (a backup file) or 另一台电脑 (sync). */
  incomingName: string;
  /** The label of the choice of the other side: 采用备份中的, 采用另一台电脑的. */
  chooseIncoming: string;
  chosen: MergeSide | undefined;
  onChoose: (side: MergeSide) => void;
  /** Extra controls under the choice (sync: the button that applies it). */
  children?: React.ReactNode;
}) {
  const c = conflict;
  const changes = diffReturnTables(c.local.tables, c.incoming.tables);
  const name = unitPeriodText(c.unitId, c.period);
  return (
    <fieldset className="merge-conflict">
      <legend>{name}：两台电脑的月报不同</legend>
      <table className="data" aria-label={`${name} 不同的数字`}>
        <thead>
          <tr>
            <th scope="col">表</th>
            <th scope="col">行</th>
            <th scope="col">项目</th>
            <th scope="col">
              本机（{timeText(c.local.importedAt)}，{c.local.fileName}）
            </th>
            <th scope="col">
              {incomingName}（{timeText(c.incoming.importedAt)}，{c.incoming.fileName}）
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((ch, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for a conflict
            <tr key={i}>
              <td>{ch.tableTitle}</td>
              <td>{ch.row ?? '—'}</td>
              <td>{ch.label}</td>
              <td>{ch.before}</td>
              <td>{ch.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SideChoice name={name} chosen={chosen} onChoose={onChoose} chooseIncoming={chooseIncoming}>
        {children}
      </SideChoice>
    </fieldset>
  );
}
