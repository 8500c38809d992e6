// Where this laptop syncs to: the server address (a same-origin path behind the office's reverse proxy, or a
// full URL) and the database, checked and turned into URLs; and the CSP connect-src the build allows. Pure: the
// Vite config imports it too. These settings stay on this laptop (they are not province-wide).

export interface SyncConfig {
  /** `/couchdb` (same origin) or `https://sync.example.gov.cn/couchdb`; no trailing slash. */
  server: string;
  /** CouchDB database name, e.g. `anju`. */
  database: string;
}

/** Setting keys of this laptop's sync (never sent: see PROVINCE_SETTING_KEYS). */
export const SYNC_SETTING_KEY = 'sync.config';
export const SYNC_ENABLED_KEY = 'sync.enabled';

export const DEFAULT_SYNC_CONFIG: SyncConfig = { server: '/couchdb', database: 'anju' };

export type ConfigProblem = 'address' | 'database';

/** The address as the app uses it (no trailing slash), or null when it is neither a path nor an http(s) URL. */
export function normaliseServer(text: string): string | null {
  const t = text.trim().replace(/\/+$/, '');
  if (/^\/[A-Za-z0-9._~\-/]*$/.test(t) && !t.includes('//')) return t;
  try {
    const url = new URL(t);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return null;
    if (url.search || url.hash) return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/** CouchDB's rule for database names. */
export function isDatabaseName(text: string): boolean {
  return /^[a-z][a-z0-9_$()+/-]*$/.test(text);
}

export function checkConfig(
  server: string,
  database: string,
): { ok: true; value: SyncConfig } | { ok: false; problem: ConfigProblem } {
  const s = normaliseServer(server);
  if (!s) return { ok: false, problem: 'address' };
  const d = database.trim();
  if (!isDatabaseName(d)) return { ok: false, problem: 'database' };
  return { ok: true, value: { server: s, database: d } };
}

/** The database URL (absolute, against the page's origin for a path). */
export function databaseUrl(config: SyncConfig, origin: string): string {
  return `${new URL(config.server, origin).href.replace(/\/+$/, '')}/${encodeURIComponent(config.database)}`;
}

export function sessionUrl(config: SyncConfig, origin: string): string {
  return `${new URL(config.server, origin).href.replace(/\/+$/, '')}/_session`;
}

/**
 * The CSP connect-src of the build: 'self' (a same-origin server behind the reverse proxy), plus the origin of
 * another sync server when the build is given one (ANJU_SYNC_ORIGIN). Only an http(s) origin is accepted, never
 * a wildcard: anything else stops the build.
 */
export function connectSrc(syncOrigin: string | undefined): string {
  if (!syncOrigin) return "connect-src 'self'";
  let origin: string;
  try {
    const url = new URL(syncOrigin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('protocol');
    origin = url.origin;
  } catch {
    throw new Error(
      `ANJU_SYNC_ORIGIN must be an http(s) origin such as https://sync.example.gov.cn, not ${syncOrigin}`,
    );
  }
  if (origin.includes('*') || origin === 'null') throw new Error('ANJU_SYNC_ORIGIN must name one origin');
  return `connect-src 'self' ${origin}`;
}
