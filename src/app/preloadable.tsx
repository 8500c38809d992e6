// A page in its own chunk that can be fetched before its first visit: once fetched it renders at once, without
// suspending. (A page that suspends shows its fallback, and React then holds the page back for at least 300 ms
// after the fallback appeared before revealing it: the wait is longer than fetching the chunk from the cache.)
import { type ComponentType, lazy, useState } from 'react';

export interface PreloadablePage<P extends object> {
  /** The page through React.lazy (suspends until the chunk has come). */
  lazy: ComponentType<P>;
  /** The page itself once its chunk has come. */
  loaded: () => ComponentType<P> | undefined;
  /** Fetch the chunk now (once); the page renders without suspending when it has come. */
  preload: () => Promise<unknown>;
}

export function preloadable<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): PreloadablePage<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () => {
    loading ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        // A failed fetch (offline before the precache was complete) may be tried again by the next visit.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return { lazy: lazy(preload), loaded: () => loaded, preload };
}

/** The page rendered at once when its chunk has come, else through lazy (the Suspense boundary above waits). */
export function PreloadedPage<P extends object>({ page, props }: { page: PreloadablePage<P>; props: P }) {
  // Chosen once per mount: a page first shown through the lazy one keeps it (another component type would
  // mount the page afresh and lose its state).
  const [Loaded] = useState(() => page.loaded());
  const Page = Loaded ?? page.lazy;
  return <Page {...props} />;
}
