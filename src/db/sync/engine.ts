// Live sync, loaded only when sync is on (the one module that imports PouchDB): this laptop's sync copy in
// IndexedDB, live retrying replication with the CouchDB database in both directions, and the bridge passes that
// keep the app's Dexie store and the copy in step. The state goes to status.ts in words the pages show.
import Dexie from 'dexie';
import PouchDB from 'pouchdb-browser';
import { db } from '../database';
import type { MergeSide } from '../merge';
import { SyncBridge } from './bridge';
import { databaseUrl, type SyncConfig } from './config';
import type { PouchLike } from './pouch-types';
import { describeRefusal } from './refusal';
import type { SessionUser } from './session';
import { getSyncStatus, setSyncStatus } from './status';

/** The sync copy's IndexedDB name (PouchDB prefixes it with _pouch_). */
export const SYNC_COPY_NAME = 'anju-sync';

interface Replication {
  on(event: string, listener: (info: unknown) => void): Replication;
  cancel(): void;
}

interface ChangeInfo {
  direction: 'push' | 'pull';
  change: { docs: { _id: string }[]; pending?: number };
}

interface ReplicationError {
  status?: number;
  name?: string;
  id?: string;
  reason?: string;
  message?: string;
}

const isAuthError = (err: ReplicationError | undefined) =>
  !!err && (err.status === 401 || err.name === 'unauthorized');

/** The server's reason for refusing a document, wherever this PouchDB version put it on the error. */
function refusalText(err: ReplicationError): string {
  const said = [err.reason, err.message, JSON.stringify(err), String(err)].join(' ');
  return /anju:[a-z]+:[^"\\\s]*/.exec(said)?.[0] ?? err.reason ?? err.message ?? '';
}

// Quick retries, capped: a laptop back on the network catches up within seconds, not after minutes.
const backOff = (delay: number) => (delay === 0 ? 1000 : Math.min(delay * 2, 30_000));

export class SyncEngine {
  private local: PouchLike & {
    sync: (remote: unknown, options: object) => Replication;
    close(): Promise<void>;
  };
  private remote: unknown;
  private bridge: SyncBridge;
  private replication: Replication | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private pullPending = 0;
  private paused = true;
  private offline = false;
  private readonly onMutated = () => this.schedule();
  private readonly onOnline = () => this.restartReplication();

  constructor(config: SyncConfig, user: SessionUser) {
    this.local = new PouchDB(SYNC_COPY_NAME, { auto_compaction: true });
    this.remote = new PouchDB(databaseUrl(config, window.location.origin), {
      skip_setup: true,
      fetch: (url: string, opts: RequestInit) => PouchDB.fetch(url, { ...opts, credentials: 'include' }),
    });
    this.bridge = new SyncBridge(db, this.local);
    setSyncStatus({ state: { kind: 'starting' }, user });
  }

  async start(): Promise<void> {
    await this.bridge.load();
    Dexie.on('storagemutated', this.onMutated);
    window.addEventListener('online', this.onOnline);
    await this.enqueue(() => this.runPass());
    this.startReplication();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    Dexie.on('storagemutated').unsubscribe(this.onMutated);
    window.removeEventListener('online', this.onOnline);
    if (this.timer) clearTimeout(this.timer);
    this.replication?.cancel();
    this.replication = null;
    await this.queue.catch(() => undefined);
    await this.local.close();
  }

  resolve(key: string, side: MergeSide): Promise<boolean> {
    return this.enqueue(async () => {
      const done = await this.bridge.resolve(key, side);
      this.publish();
      return done;
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private schedule(delay = 150): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue(() => this.runPass());
    }, delay);
  }

  private async runPass(): Promise<void> {
    if (this.stopped) return;
    const result = await this.bridge.pass();
    this.publish();
    if (result.again) this.schedule(500);
  }

  private startReplication(): void {
    if (this.stopped) return;
    const rep = this.local.sync(this.remote, {
      live: true,
      retry: true,
      back_off_function: backOff,
      batch_size: 200,
    });
    rep
      .on('change', (raw) => {
        const info = raw as ChangeInfo;
        if (info.direction === 'pull') {
          this.pullPending = info.change.pending ?? 0;
          this.schedule(50);
        } else {
          const ids = info.change.docs.map((d) => d._id);
          void this.enqueue(() => this.bridge.markPushed(ids)).then(() => this.publish());
        }
      })
      .on('active', () => {
        this.paused = false;
        this.offline = false;
        this.publish();
      })
      .on('paused', (raw) => {
        const err = raw as ReplicationError | undefined;
        this.paused = true;
        if (isAuthError(err)) {
          setSyncStatus({ state: { kind: 'expired' } });
          return;
        }
        this.offline = !!err || !navigator.onLine;
        if (!this.offline) this.pullPending = 0;
        this.publish(true);
      })
      .on('denied', (raw) => {
        const err = raw as ReplicationError;
        const reason = describeRefusal(refusalText(err));
        const refusals = [reason, ...getSyncStatus().refusals.filter((r) => r !== reason)].slice(0, 5);
        setSyncStatus({ refusals });
        if (err.id) void this.enqueue(() => this.bridge.markPushed([err.id as string]));
      })
      .on('error', (raw) => {
        const err = raw as ReplicationError;
        if (isAuthError(err)) setSyncStatus({ state: { kind: 'expired' } });
        else {
          this.offline = true;
          this.publish();
        }
      });
    this.replication = rep;
  }

  private restartReplication(): void {
    if (this.stopped) return;
    this.replication?.cancel();
    this.startReplication();
  }

  /** Put the state into words' terms: syncing, synced, offline (with what waits), plus the conflicts. */
  private publish(justPaused = false): void {
    if (this.stopped) return;
    const waiting = this.bridge.unpushedCount();
    const previous = getSyncStatus().state;
    let state = previous;
    const count = waiting + this.pullPending;
    if (this.offline) state = { kind: 'offline', waiting };
    // Replication wakes up to look for changes often; with nothing to move it stays 已同步.
    else if (count > 0 || (!this.paused && previous.kind !== 'synced')) state = { kind: 'syncing', count };
    else if (justPaused || previous.kind !== 'synced') state = { kind: 'synced', at: Date.now() };
    if (previous.kind === 'expired' && !justPaused) state = previous;
    setSyncStatus({
      state,
      conflicts: this.bridge.conflicts(),
      otherConflicts: this.bridge.otherConflictCount(),
    });
  }
}
