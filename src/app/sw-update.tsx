// App-wide notices about the installed app and its storage: a new version is offered (有新版本，点击更新), never
// forced mid-work; the app tells when it works offline; a database that cannot open is explained; persistent
// storage is asked for once there is data.
// (Another tab's upgrade is told by pages/history/tab-sync-notice.)
import { useEffect, useState } from 'react';
import { db } from '../db/database';
import { storageErrorMessage } from '../db/errors';
import { requestPersistence } from '../db/storage';

type Updater = (reloadPage?: boolean) => Promise<void>;

export function SwUpdate() {
  const [update, setUpdate] = useState<Updater | null>(null);
  const [offlineReady, setOfflineReady] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);

  useEffect(() => {
    // The dev server has no service worker; only the built app registers one.
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    let cancelled = false;
    void import('virtual:pwa-register').then(({ registerSW }) => {
      if (cancelled) return;
      const updateSW = registerSW({
        onNeedRefresh: () => setUpdate(() => updateSW),
        onOfflineReady: () => setOfflineReady(true),
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
    <div className="app-notices">
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
      {offlineReady && (
        <p className="notice ok" role="status">
          本应用已可离线使用。{' '}
          <button type="button" onClick={() => setOfflineReady(false)}>
            知道了
          </button>
        </p>
      )}
    </div>
  );
}
