// A small status in the header, in words: the app works offline (a service worker serves it), or the computer
// is offline right now. It replaces a banner that took a line on every page.
import { useEffect, useState } from 'react';

export type OfflineState = 'none' | 'ready' | 'offline';

/** What the header says: offline right now wins; 'ready' once the app is cached; nothing before. */
export function offlineState(cached: boolean, online: boolean): OfflineState {
  if (!online) return 'offline';
  return cached ? 'ready' : 'none';
}

const TEXT: Record<Exclude<OfflineState, 'none'>, { label: string; title: string }> = {
  ready: {
    label: '可离线使用',
    title: '本应用已保存在本机，断网时也可打开；数据只保存在本浏览器中。',
  },
  offline: {
    label: '当前离线',
    title: '网络已断开。本应用和已导入的数据都在本机，可照常使用。',
  },
};

export function OfflineStatus({ offlineReady }: { offlineReady: boolean }) {
  const [online, setOnline] = useState(() => navigator.onLine);
  const [controlled, setControlled] = useState(
    () => 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null,
  );
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
    const onController = () => setControlled(sw?.controller !== null);
    sw?.addEventListener('controllerchange', onController);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
      sw?.removeEventListener('controllerchange', onController);
    };
  }, []);
  const state = offlineState(controlled || offlineReady, online);
  if (state === 'none') return null;
  const { label, title } = TEXT[state];
  return (
    <span className={`offline-status ${state}`} role="status" title={title} data-testid="offline-status">
      <span aria-hidden="true">{state === 'ready' ? '✓ ' : '⚠ '}</span>
      {label}
      <span className="visually-hidden">：{title}</span>
    </span>
  );
}
