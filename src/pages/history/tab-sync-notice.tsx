// App-wide notice when another tab upgrades or clears the database (this tab must reload) or blocks an upgrade.
import { useEffect, useState } from 'react';
import { db } from '../../db/database';
import { type TabSyncNotice, watchOtherTabs } from '../../db/tab-sync';

export function TabSyncNoticeBar() {
  const [notice, setNotice] = useState<TabSyncNotice | null>(null);
  useEffect(() => watchOtherTabs(db, setNotice), []);
  if (!notice) return null;
  return (
    <div className="notice bad" role="alert">
      <span className="flag bad">注意</span> {notice.message}{' '}
      {notice.kind !== 'blocked' && (
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          刷新本页
        </button>
      )}
    </div>
  );
}
