// 设置 → 本机存储: whether the browser granted persistent storage, and how much space is used and free (MB).
import { useCallback, useEffect, useState } from 'react';
import { formatMb, getStorageInfo, requestPersistence, type StorageInfo } from '../../db/storage';
import { FileLimitField, ReadTimeoutField } from './file-limit-field';

export function StorageSection() {
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const [asked, setAsked] = useState(false);
  const refresh = useCallback(() => {
    void getStorageInfo().then(setInfo);
  }, []);
  useEffect(refresh, [refresh]);

  const ask = async () => {
    setAsked(true);
    await requestPersistence();
    refresh();
  };

  const free = info?.usage != null && info.quota != null ? Math.max(0, info.quota - info.usage) : null;
  return (
    <section aria-labelledby="storage-title">
      <h2 id="storage-title">本机存储</h2>
      {!info ? (
        <p className="loading">正在查询…</p>
      ) : (
        <dl className="storage-info">
          <dt>持久存储</dt>
          <dd data-testid="storage-persisted">
            {info.persisted === true && (
              <span className="flag ok">已获准：浏览器不会自动清除本应用的数据</span>
            )}
            {info.persisted === false && (
              <>
                <span className="flag warn">
                  未获准：磁盘空间紧张时浏览器可能清除本应用的数据，请定期导出备份
                </span>{' '}
                <button type="button" onClick={() => void ask()}>
                  申请持久存储
                </button>
                {asked && (
                  <span className="muted">（浏览器未同意；将本站加入书签或安装为应用后通常会获准）</span>
                )}
              </>
            )}
            {info.persisted === null && <span className="flag info">本浏览器不支持查询</span>}
          </dd>
          <dt>已用空间</dt>
          <dd data-testid="storage-usage">{info.usage != null ? formatMb(info.usage) : '未知'}</dd>
          <dt>可用空间</dt>
          <dd data-testid="storage-free">{free != null ? formatMb(free) : '未知'}</dd>
        </dl>
      )}
      <button type="button" onClick={refresh}>
        刷新
      </button>
      <FileLimitField />
      <ReadTimeoutField />
    </section>
  );
}
