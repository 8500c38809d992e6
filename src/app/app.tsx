// The app shell: header with navigation and the 报告期, the current page, and app-wide notices.
import { lazy, type MouseEvent, Suspense, useEffect, useRef, useState } from 'react';
import { defaultRegister } from '../domain/units';
import { TabSyncNoticeBar } from '../pages/history/tab-sync-notice';
import { PeriodProvider } from '../pages/period-context';
import { PeriodSelect } from '../pages/period-select';
import { ErrorBoundary } from './error-boundary';
import { OfflineStatus } from './offline-status';
import { type Route, useRoute } from './router';
import { SwUpdate } from './sw-update';

// Every page is its own chunk: a first visit loads the shell and the page it lands on, nothing else
// (first-visit JS+CSS ≤ 150 kB gzip, see `npm run bench -- size`). The service worker precaches the rest.
const ImportPage = lazy(() => import('../pages/import-page').then((m) => ({ default: m.ImportPage })));
const DataPage = lazy(() => import('../pages/data-page').then((m) => ({ default: m.DataPage })));
const ChartsPage = lazy(() => import('../pages/charts-page'));
const BulletinPage = lazy(() => import('../pages/bulletin-page').then((m) => ({ default: m.BulletinPage })));
const SettingsPage = lazy(() => import('../pages/settings-page').then((m) => ({ default: m.SettingsPage })));
const UnitPage = lazy(() => import('../pages/unit-page').then((m) => ({ default: m.UnitPage })));
const EntryPage = lazy(() => import('../pages/entry-page').then((m) => ({ default: m.EntryPage })));

const NAV: { page: Route['page']; href: string; label: string }[] = [
  { page: 'import', href: '#/import', label: '导入' },
  { page: 'data', href: '#/data', label: '数据' },
  { page: 'charts', href: '#/charts', label: '图表' },
  { page: 'bulletin', href: '#/bulletin', label: '通报' },
  { page: 'settings', href: '#/settings', label: '设置' },
];

const APP_TITLE = '安居工程月报汇总';

const PAGE_TITLE: Record<Route['page'], string> = {
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
function usePageChange(route: Route) {
  const shownPage = useRef<Route['page'] | null>(null);
  const unitName = route.page === 'unit' ? defaultRegister.unit(route.unitId)?.name : undefined;
  useEffect(() => {
    document.title = `${unitName ?? PAGE_TITLE[route.page]} - ${APP_TITLE}`;
  }, [route.page, unitName]);
  useEffect(() => {
    // Not on the first page shown (the browser starts at the top), only on a move from one page to another.
    const previous = shownPage.current;
    shownPage.current = route.page;
    if (previous !== null && previous !== route.page) document.getElementById('main')?.focus();
  }, [route.page]);
}

function skipToMain(e: MouseEvent<HTMLAnchorElement>) {
  e.preventDefault();
  document.getElementById('main')?.focus();
}

function CurrentPage({ route }: { route: Route }) {
  switch (route.page) {
    case 'import':
      return <ImportPage />;
    case 'data':
      return <DataPage table={route.table} />;
    case 'charts':
      return <ChartsPage />;
    case 'bulletin':
      return <BulletinPage />;
    case 'settings':
      return <SettingsPage />;
    case 'unit':
      return <UnitPage unitId={route.unitId} />;
    case 'entry':
      return (
        <EntryPage
          {...(route.unitId ? { unitId: route.unitId } : {})}
          {...(route.period ? { period: route.period } : {})}
        />
      );
  }
}

export function App() {
  const route = useRoute();
  const active = route.page === 'unit' ? 'data' : route.page === 'entry' ? 'import' : route.page;
  const [offlineReady, setOfflineReady] = useState(false);
  usePageChange(route);
  return (
    <PeriodProvider>
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
        <ErrorBoundary>
          <Suspense fallback={<p className="loading">正在打开页面…</p>}>
            <CurrentPage route={route} />
          </Suspense>
        </ErrorBoundary>
      </main>
    </PeriodProvider>
  );
}
