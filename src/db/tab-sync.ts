// Several tabs on one database: when another tab upgrades (or deletes) the database this tab closes its
// connection at once, so the upgrade is not blocked, and tells the user to reload; a blocked upgrade says so too.
// Returns imported in another tab show here without reload through Dexie's cross-tab liveQuery.
import { notice } from '../domain/messages';
import type { AnjuDatabase } from './database';

export type TabSyncNotice = { kind: 'upgraded' | 'deleted' | 'blocked'; message: string };

export const UPGRADED_MESSAGE = notice('tab.upgraded');
export const DELETED_MESSAGE = notice('tab.deleted');
export const BLOCKED_MESSAGE = notice('tab.blocked');

/**
 * Watch the database for another tab's upgrade or delete. Transactions already running finish before the
 * connection closes (IndexedDB waits for them), so no write is lost; later writes fail with a clear message.
 * Returns a function that stops watching.
 */
export function watchOtherTabs(db: AnjuDatabase, notify: (notice: TabSyncNotice) => void): () => void {
  const onVersionChange = (event: IDBVersionChangeEvent) => {
    // Keep it closed: reopening here would run the old schema against the new database.
    db.close({ disableAutoOpen: true });
    if (event.newVersion === null || event.newVersion === 0)
      notify({ kind: 'deleted', message: DELETED_MESSAGE });
    else notify({ kind: 'upgraded', message: UPGRADED_MESSAGE });
    return false;
  };
  const onBlocked = () => notify({ kind: 'blocked', message: BLOCKED_MESSAGE });
  db.on('versionchange', onVersionChange);
  db.on('blocked', onBlocked);
  return () => {
    db.on('versionchange').unsubscribe(onVersionChange);
    db.on('blocked').unsubscribe(onBlocked);
  };
}
