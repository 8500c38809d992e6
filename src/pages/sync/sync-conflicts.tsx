// Live sync's conflicts (two laptops chose different current versions of one return): the same side-by-side
// choice as a backup merge, on 导入 and on the unit page, until the user picks. Both versions stay either way.
import { useState } from 'react';
import type { MergeSide } from '../../db/merge';
import { resolveSyncConflict } from '../../db/sync/controller';
import { useSyncStatus } from '../../db/sync/status';
import { useDbAction } from '../../db/use-db-action';
import { notice } from '../../domain/messages';
import { ActionNotice } from '../../ui/action-notice';
import { ConflictChoice } from '../history/conflict-choice';
import { unitPeriodText } from '../history/labels';

export function SyncConflicts({ unitId }: { unitId?: string }) {
  const status = useSyncStatus();
  const [choices, setChoices] = useState<Map<string, MergeSide>>(() => new Map());
  const { busy, message, run } = useDbAction();
  const conflicts = status.conflicts.filter((c) => unitId === undefined || c.unitId === unitId);
  const others = unitId === undefined ? status.otherConflicts : 0;
  if (conflicts.length === 0 && others === 0 && !message) return null;

  const apply = (key: string, name: string) =>
    run(async () => {
      const side = choices.get(key);
      if (!side) return null;
      const done = await resolveSyncConflict(key, side);
      return done
        ? { ok: true, text: notice('sync.resolved', { name }) }
        : { ok: false, text: notice('action.failed') };
    });

  return (
    <section aria-labelledby="sync-conflicts-title" className="sync-conflicts">
      <h2 id="sync-conflicts-title">多台电脑同步：需要选择的月报</h2>
      {conflicts.length > 0 && <p>{notice('sync.conflicts', { count: conflicts.length })}</p>}
      {conflicts.map((c) => {
        const name = unitPeriodText(c.unitId, c.period);
        return (
          <ConflictChoice
            key={c.key}
            conflict={c}
            incomingName="另一台电脑"
            chooseIncoming="采用另一台电脑的"
            chosen={choices.get(c.key)}
            onChoose={(side) => setChoices((prev) => new Map(prev).set(c.key, side))}
          >
            <button
              type="button"
              className="button primary"
              disabled={busy || !choices.has(c.key)}
              onClick={() => void apply(c.key, name)}
            >
              确认选择
            </button>
          </ConflictChoice>
        );
      })}
      {others > 0 && <p className="muted">{notice('sync.otherConflicts', { count: others })}</p>}
      <ActionNotice message={message} />
    </section>
  );
}
