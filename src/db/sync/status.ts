// The sync state the pages show, kept outside React and PouchDB: a tiny store the engine writes and the pages
// read with useSyncStatus. Loading this module loads nothing else, so a page that shows the state costs nothing
// while sync is off.
import { useSyncExternalStore } from 'react';
import type { SyncConflict } from './bridge';

export type SyncState =
  | { kind: 'off' }
  | { kind: 'starting' }
  | { kind: 'synced'; at: number }
  | { kind: 'syncing'; count: number }
  | { kind: 'offline'; waiting: number }
  | { kind: 'expired' }
  | { kind: 'otherTab' };

export interface SyncStatus {
  state: SyncState;
  /** Signed-in user, as the server said. */
  user: { name: string; roles: string[] } | null;
  /** Heads two laptops chose differently: shown with the side-by-side choice until the user picks. */
  conflicts: SyncConflict[];
  /** Other records that differ between laptops (this laptop's kept). */
  otherConflicts: number;
  /** The server's latest refusals, newest first, in Chinese. */
  refusals: string[];
}

const OFF: SyncStatus = {
  state: { kind: 'off' },
  user: null,
  conflicts: [],
  otherConflicts: 0,
  refusals: [],
};

let current: SyncStatus = OFF;
const listeners = new Set<() => void>();

export function getSyncStatus(): SyncStatus {
  return current;
}

export function setSyncStatus(next: Partial<SyncStatus>): void {
  current = { ...current, ...next };
  for (const l of listeners) l();
}

export function resetSyncStatus(): void {
  current = OFF;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(subscribe, getSyncStatus);
}
