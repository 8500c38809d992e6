// App-wide notices about the installed app and its storage: a new version is offered (有新版本，点击更新), never
// forced mid-work; a database that cannot open is explained; persistent storage is asked for once there is data.
// (That the app works offline is told by the header's OfflineStatus, fed by onOfflineReady.)
// (Another tab's upgrade is told by pages/history/tab-sync-notice.)
import { useEffect, useRef, useState } from 'react';
import { db } from '../db/database';
import { storageErrorMessage } from '../db/errors';
import { requestPersistence } from '../db/storage';

type Updater = (reloadPage?: boolean) => Promise<void>;

export function SwUpdate({ onOfflineReady }: { onOfflineReady?: () => void }) {
  const [update, setUpdate] = useState<Updater | null>(null);
  // Registered once: a ref keeps the latest callback without registering the worker again.
  const offlineReadyRef = useRef(onOfflineReady);
  offlineReadyRef.current = onOfflineReady;
  const [openError, setOpenError] = useState<string | null>(null);

  useEffect(() => {
    // The dev server has no service worker; only the built app registers one.
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    let cancelled = false;
    void import('virtual:pwa-register').then(({ registerSW }) => {
      if (cancelled) return;
      const updateSW = registerSW({
        onNeedRefresh: () => setUpdate(() => updateSW),
        onOfflineReady: () => offlineReadyRef.current?.(),
      });
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    // A database that cannot open (private mode, storage disabled, a newer version's data) is told up front,
    // with what to do, rather than as a broken page later.
    db.open().catch((err: unknown) => setOpenError(storageErrorMessage(err)));
  }, []);

  useEffect(() => {
    // Ask once the store holds something worth keeping; the browser may grant it silently or not at all.
    void db.heads
      .count()
      .then((n) => (n > 0 ? requestPersistence() : null))
      .catch(() => null);
  }, []);

  return (
    <div className="app-notices no-print">
      {openError && (
        <p className="notice bad" role="alert">
          {openError}
        </p>
      )}
      {update && (
        <p className="notice warn" role="status">
          有新版本可用。{' '}
          <button type="button" onClick={() => void update(true)}>
            有新版本，点击更新
          </button>{' '}
          <span className="muted">（更新会刷新页面；请先完成正在进行的导入或编辑。）</span>{' '}
          <button type="button" onClick={() => setUpdate(null)}>
            稍后
          </button>
        </p>
      )}
    </div>
  );
}
