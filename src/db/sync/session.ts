// Signing in to the sync server with CouchDB's own session: the name and password are posted to _session once and
// the server answers with its AuthSession cookie (HttpOnly), which later requests carry. The password is never
// kept by the app. Only fetch here: PouchDB is loaded later, when sync starts.
import { notice } from '../../domain/messages';
import { databaseUrl, type SyncConfig, sessionUrl } from './config';

export interface SessionUser {
  name: string;
  roles: string[];
}

export type SignInResult = { ok: true; value: SessionUser } | { ok: false; message: string };

const json = { 'Content-Type': 'application/json', Accept: 'application/json' };

function origin(): string {
  return window.location.origin;
}

/** Sign in, then check the user may open the database. Nothing is stored here. */
export async function signIn(config: SyncConfig, name: string, password: string): Promise<SignInResult> {
  let res: Response;
  try {
    res = await fetch(sessionUrl(config, origin()), {
      method: 'POST',
      headers: json,
      credentials: 'include',
      body: JSON.stringify({ name, password }),
    });
  } catch {
    return { ok: false, message: notice('sync.signIn.unreachable') };
  }
  if (res.status === 401) return { ok: false, message: notice('sync.signIn.wrong') };
  if (!res.ok) return { ok: false, message: notice('sync.signIn.unreachable') };
  const body = (await res.json().catch(() => ({}))) as { name?: string; roles?: string[] };
  const user = { name: body.name ?? name, roles: body.roles ?? [] };
  const db = await checkDatabase(config);
  return db.ok ? { ok: true, value: user } : db;
}

async function checkDatabase(config: SyncConfig): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const res = await fetch(databaseUrl(config, origin()), { headers: json, credentials: 'include' });
    if (res.ok) return { ok: true };
    return { ok: false, message: notice('sync.signIn.noDatabase', { database: config.database }) };
  } catch {
    return { ok: false, message: notice('sync.signIn.unreachable') };
  }
}

/** Who the server's session cookie names, or null (not signed in, expired, or server out of reach). */
export async function currentUser(config: SyncConfig): Promise<SessionUser | null | 'unreachable'> {
  try {
    const res = await fetch(sessionUrl(config, origin()), { headers: json, credentials: 'include' });
    if (!res.ok) return null;
    const body = (await res.json()) as { userCtx?: { name: string | null; roles: string[] } };
    return body.userCtx?.name ? { name: body.userCtx.name, roles: body.userCtx.roles } : null;
  } catch {
    return 'unreachable';
  }
}

export async function signOut(config: SyncConfig): Promise<void> {
  try {
    await fetch(sessionUrl(config, origin()), { method: 'DELETE', credentials: 'include' });
  } catch {
    // offline: the cookie expires on the server by itself
  }
}
