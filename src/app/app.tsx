// The app shell: header with navigation and the 报告期, the current page, and app-wide notices.
import { lazy, type MouseEvent, Suspense, useEffect, useRef, useState } from 'react';
import { resumeSync } from '../db/sync/controller';
import { defaultRegister } from '../domain/units';
import { InterruptedImportNotice } from '../pages/history/interrupted-import-notice';
import { TabSyncNoticeBar } from '../pages/history/tab-sync-notice';
import { PeriodProvider, usePeriod } from '../pages/period-context';
import { PeriodSelect } from '../pages/period-select';
import { afterPaint } from '../ui/after-paint';
import { ErrorBoundary } from './error-boundary';
import { OfflineStatus } from './offline-status';
import { PreloadedPage, preloadable } from './preloadable';
import { type Route, useRoute } from './router';
import { SwUpdate } from './sw-update';

// Every page is its own chunk: a first visit loads the shell and the page it lands on, nothing else
// (first-visit JS+CSS ≤ 150 kB gzip, see `npm run bench -- size`). The service worker precaches the rest.
// 概览 is the page a stored app lands on: fetched ahead, when the browser is idle, once returns are stored.
const overview = preloadable(() => import('../pages/overview-page'));
const ImportPage = lazy(() => import('../pages/import-page').then((m) => ({ default: m.ImportPage })));
const DataPage = lazy(() => import('../pages/data-page').then((m) => ({ default: m.DataPage })));
const ChartsPage = lazy(() => import('../pages/charts-page'));
const BulletinPage = lazy(() => import('../pages/bulletin-page').then((m) => ({ default: m.BulletinPage })));
const SettingsPage = lazy(() => import('../pages/settings-page').then((m) => ({ default: m.SettingsPage })));
const UnitPage = lazy(() => import('../pages/unit-page').then((m) => ({ default: m.UnitPage })));
const EntryPage = lazy(() => import('../pages/entry-page').then((m) => ({ default: m.EntryPage })));

/** A page that is shown: the route, with 'home' resolved to the page it lands on. */
type ShownPage = Exclude<Route['page'], 'home'>;

const NAV: { page: ShownPage; href: string; label: string }[] = [
  { page: 'overview', href: '#/overview', label: '概览' },
  { page: 'import', href: '#/import', label: '导入' },
  { page: 'data', href: '#/data', label: '数据' },
  { page: 'charts', href: '#/charts', label: '图表' },
  { page: 'bulletin', href: '#/bulletin', label: '通报' },
  { page: 'settings', href: '#/settings', label: '设置' },
];

const APP_TITLE = '安居工程月报汇总';

const PAGE_TITLE: Record<ShownPage, string> = {
  overview: '概览',
  import: '导入月报',
  data: '汇总数据',
  charts: '图表',
  bulletin: '通报',
  settings: '设置',
  unit: '市县数据',
  entry: '手工录入',
};

/**
 * On a move to another page: the tab and the history say which page it is, and the focus goes to the page's
 * main region, so a keyboard or screen-reader user starts at its top rather than on the link just used.
 * (Switching 附件 within 数据 keeps the focus where it is.)
 */
function usePageChange(route: Route, page: ShownPage | null) {
  const shownPage = useRef<ShownPage | null>(null);
  const unitName = route.page === 'unit' ? defaultRegister.unit(route.unitId)?.name : undefined;
  useEffect(() => {
    if (page !== null) document.title = `${unitName ?? PAGE_TITLE[page]} - ${APP_TITLE}`;
  }, [page, unitName]);
  useEffect(() => {
    if (page === null) return;
    // Not on the first page shown (the browser starts at the top), only on a move from one page to another.
    const previous = shownPage.current;
    shownPage.current = page;
    if (previous !== null && previous !== page) document.getElementById('main')?.focus();
  }, [page]);
}

/**
 * The page a route shows: the app's own address lands on 概览 whenever a return is stored, on 导入 in an empty
 * app; null while the store is still being asked.
 */
function useShownPage(route: Route): ShownPage | null {
  const { periods, loading } = usePeriod();
  if (route.page !== 'home') return route.page;
  if (loading) return null;
  return periods.length > 0 ? 'overview' : 'import';
}

/**
 * When the app opens on a store with returns, 概览's chunk is fetched as soon as the page shown has been drawn (an
 * empty app, whose first visit must stay small, never fetches it). Not when the first returns arrive later in the
 * session: that is in the middle of an import, whose writing it would slow (by ~100 ms for 50 returns, `npm run
 * bench -- browser`); 概览 then loads on its first visit.
 */
function usePreloadOverview(): void {
  const { periods, loading } = usePeriod();
  // Decided once, on the store's first answer.
  const openedWithData = useRef<boolean | null>(null);
  if (!loading && openedWithData.current === null) openedWithData.current = periods.length > 0;
  const preload = openedWithData.current === true;
  useEffect(
    // A failed fetch is no loss: the visit itself fetches again and shows its own message if that fails.
    () => (preload ? afterPaint(() => void overview.preload().catch(() => undefined)) : undefined),
    [preload],
  );
}

function skipToMain(e: MouseEvent<HTMLAnchorElement>) {
  e.preventDefault();
  document.getElementById('main')?.focus();
}

function CurrentPage({ route, page }: { route: Route; page: ShownPage | null }) {
  if (page === null) return <p className="loading">正在打开页面…</p>;
  switch (page) {
    case 'overview':
      return <PreloadedPage page={overview} props={{}} />;
    case 'import':
      return <ImportPage />;
    case 'data':
      return <DataPage table={route.page === 'data' ? route.table : undefined} />;
    case 'charts':
      return <ChartsPage />;
    case 'bulletin':
      return <BulletinPage />;
    case 'settings':
      return <SettingsPage />;
    case 'unit':
      return route.page === 'unit' ? <UnitPage unitId={route.unitId} /> : null;
    case 'entry':
      return route.page === 'entry' ? (
        <EntryPage
          {...(route.unitId ? { unitId: route.unitId } : {})}
          {...(route.period ? { period: route.period } : {})}
        />
      ) : null;
  }
}

export function App() {
  return (
    <PeriodProvider>
      <Shell />
    </PeriodProvider>
  );
}

function Shell() {
  const route = useRoute();
  const page = useShownPage(route);
  const active = page === 'unit' ? 'data' : page === 'entry' ? 'import' : page;
  const [offlineReady, setOfflineReady] = useState(false);
  usePageChange(route, page);
  usePreloadOverview();
  // Sync resumes if it was on; off (the default), this reads one local setting and sends nothing.
  useEffect(() => {
    void resumeSync();
  }, []);
  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link by convention; the hash holds the route, so the click moves the focus itself */}
      <a className="skip-link" href="#main" onClick={skipToMain}>
        跳到正文
      </a>
      <header className="app-header">
        <div className="brand">吉林省安居工程月报汇总</div>
        <nav aria-label="主导航">
          <ul>
            {NAV.map((item) => (
              <li key={item.page}>
                <a href={item.href} aria-current={active === item.page ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-end">
          <OfflineStatus offlineReady={offlineReady} />
          <PeriodSelect />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <SwUpdate onOfflineReady={() => setOfflineReady(true)} />
        <TabSyncNoticeBar />
        <InterruptedImportNotice />
        <ErrorBoundary>
          <Suspense fallback={<p className="loading">正在打开页面…</p>}>
            <CurrentPage route={route} page={page} />
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
