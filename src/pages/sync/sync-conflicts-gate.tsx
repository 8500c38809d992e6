// Where 导入 and the unit page show live sync's conflicts: the choice (and its merge-review pieces) loads only
// once there is a conflict to show, so that a first visit, or any visit with sync off, does not carry it.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useSyncStatus } from '../../db/sync/status';

const SyncConflicts = lazy(() => import('./sync-conflicts').then((m) => ({ default: m.SyncConflicts })));

export function SyncConflictsGate({ unitId }: { unitId?: string }) {
  const status = useSyncStatus();
  const any = status.conflicts.length > 0 || status.otherConflicts > 0;
  // Once shown it stays, so that the note after the last choice ("已采用…") is still read.
  const [shown, setShown] = useState(any);
  useEffect(() => {
    if (any) setShown(true);
  }, [any]);
  if (!any && !shown) return null;
  return (
    <Suspense fallback={null}>
      <SyncConflicts unitId={unitId} />
    </Suspense>
  );
}
