// Switching sync on and off, and resuming it when the app opens: the only way the pages reach sync. The engine
// (and PouchDB with it) is imported here lazily, so with sync off nothing is loaded and no request is made. One
// tab of the browser syncs at a time (a Web Lock); the others show that another tab does.
import { notice } from '../../domain/messages';
import { db } from '../database';
import type { MergeSide } from '../merge';
import { readSetting, writeSetting } from '../settings-repo';
import {
  type ConfigProblem,
  checkConfig,
  DEFAULT_SYNC_CONFIG,
  SYNC_ENABLED_KEY,
  SYNC_SETTING_KEY,
  type SyncConfig,
} from './config';
import type { SyncEngine } from './engine';
import { currentUser, type SessionUser, signIn, signOut } from './session';
import { resetSyncStatus, setSyncStatus } from './status';

let engine: SyncEngine | null = null;
let releaseLock: (() => void) | null = null;
let starting: Promise<void> | null = null;

export type SyncActionResult = { ok: true; message: string } | { ok: false; message: string };

const PROBLEM_MESSAGE: Record<ConfigProblem, string> = {
  address: notice('sync.address.invalid'),
  database: notice('sync.database.invalid'),
};

export function readSyncConfig(): Promise<SyncConfig> {
  return readSetting(db, SYNC_SETTING_KEY, DEFAULT_SYNC_CONFIG);
}

/** Hold the sync lock while this tab syncs; resolves false when another tab already holds it. */
async function takeLock(): Promise<boolean> {
  if (!('locks' in navigator)) return true;
  return new Promise((resolve) => {
    void navigator.locks.request('anju-sync', { ifAvailable: true }, (lock) => {
      if (!lock) {
        resolve(false);
        return undefined;
      }
      resolve(true);
      return new Promise<void>((release) => {
        releaseLock = release;
      });
    });
  });
}

async function startEngine(config: SyncConfig, user: SessionUser): Promise<void> {
  if (engine) return;
  if (!(await takeLock())) {
    setSyncStatus({ state: { kind: 'otherTab' }, user });
    return;
  }
  const { SyncEngine } = await import('./engine');
  engine = new SyncEngine(config, user);
  await engine.start();
}

async function stopEngine(): Promise<void> {
  const running = engine;
  engine = null;
  await running?.stop();
  releaseLock?.();
  releaseLock = null;
}

/** 设置 → 多台电脑同步 → 登录并开始同步: sign in, keep the address (not the password), start. */
export async function enableSync(
  server: string,
  database: string,
  name: string,
  password: string,
): Promise<SyncActionResult> {
  const checked = checkConfig(server, database);
  if (!checked.ok) return { ok: false, message: PROBLEM_MESSAGE[checked.problem] };
  const signed = await signIn(checked.value, name, password);
  if (!signed.ok) return signed;
  await writeSetting(db, SYNC_SETTING_KEY, checked.value);
  await writeSetting(db, SYNC_ENABLED_KEY, true);
  await stopEngine();
  await startEngine(checked.value, signed.value);
  return {
    ok: true,
    message: notice('sync.signedIn', { name: signed.value.name, roles: signed.value.roles.join('、') }),
  };
}

/** 停止同步: replication stops, the session is closed; this laptop's data stays as it is. */
export async function disableSync(): Promise<SyncActionResult> {
  const config = await readSyncConfig();
  await writeSetting(db, SYNC_ENABLED_KEY, false);
  await stopEngine();
  await signOut(config);
  resetSyncStatus();
  return { ok: true, message: notice('sync.stopped') };
}

/** When the app opens: resume sync if it was on. With sync off this reads one setting and does nothing else. */
export function resumeSync(): Promise<void> {
  starting ??= (async () => {
    if (!(await readSetting(db, SYNC_ENABLED_KEY, false))) return;
    const config = await readSyncConfig();
    const user = await currentUser(config);
    if (user === null) {
      setSyncStatus({ state: { kind: 'expired' }, user: null });
      return;
    }
    // Out of reach: start anyway, replication retries and the state says offline meanwhile.
    await startEngine(config, user === 'unreachable' ? { name: '', roles: [] } : user);
  })().finally(() => {
    starting = null;
  });
  return starting;
}

/** The user's choice for a conflicted return (see bridge.resolve). */
export async function resolveSyncConflict(key: string, side: MergeSide): Promise<boolean> {
  return engine ? engine.resolve(key, side) : false;
}
