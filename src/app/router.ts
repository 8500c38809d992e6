// Hash routing: works from any static host and offline, with no server fallback needed.
import { useDeferredValue, useMemo, useSyncExternalStore } from 'react';

export type Route =
  /** No page named (the app's own address): 概览 when data exists, else 导入. */
  | { page: 'home' }
  | { page: 'overview' }
  | { page: 'import' }
  | { page: 'data'; table?: string }
  | { page: 'charts' }
  | { page: 'bulletin' }
  | { page: 'settings' }
  | { page: 'unit'; unitId: string }
  /** 手工录入: #/entry, or for a unit (#/entry/<unit>) and period (#/entry/<unit>/<period>). */
  | { page: 'entry'; unitId?: string; period?: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  switch (parts[0]) {
    case '':
      return { page: 'home' };
    case 'overview':
      return { page: 'overview' };
    case 'data':
      return parts[1] ? { page: 'data', table: parts[1] } : { page: 'data' };
    case 'charts':
      return { page: 'charts' };
    case 'bulletin':
      return { page: 'bulletin' };
    case 'settings':
      return { page: 'settings' };
    case 'unit':
      return parts[1] ? { page: 'unit', unitId: parts[1] } : { page: 'data' };
    case 'entry': {
      const route: Route = { page: 'entry' };
      if (parts[1]) route.unitId = parts[1];
      if (parts[1] && parts[2]) route.period = parts[2];
      return route;
    }
    default:
      return { page: 'import' };
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * The route shown. A move to another page is rendered in the background while the page left stays: a page whose
 * chunk has still to come then waits for it without a '正在打开页面…' in between (React holds a page back for
 * 300 ms after such a placeholder appeared, far longer than the chunk takes).
 */
export function useRoute(): Route {
  const hash = useDeferredValue(useSyncExternalStore(subscribe, () => window.location.hash));
  return useMemo(() => parseRoute(hash), [hash]);
}
