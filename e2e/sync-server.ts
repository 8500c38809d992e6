// A real CouchDB-protocol server for the sync tests and the sync benchmark: PouchDB Server (npm pouchdb-server),
// in memory, on 127.0.0.1, each database prepared by `npm run sync:setup` itself (database, security, validation)
// with two team users and one office user. Started and stopped by the run itself; a server that cannot start
// makes the run fail (never skip).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface SetupUser {
  name: string;
  password: string;
  role: 'office' | 'team';
}

/** The port of the sync tests' server (never CouchDB's 5984). The preview proxies /couchdb to it. */
export const SYNC_TEST_PORT = Number(process.env.SYNC_TEST_PORT ?? 5987);

export const SYNC_ADMIN = { name: 'admin', password: 'anju-test-admin' };
export const SYNC_USERS = {
  teamA: { name: 'team-a', password: 'team-a-pw', role: 'team' },
  teamB: { name: 'team-b', password: 'team-b-pw', role: 'team' },
  office: { name: 'office-a', password: 'office-a-pw', role: 'office' },
} satisfies Record<string, SetupUser>;

export interface SyncServer {
  /** http://127.0.0.1:5987 */
  url: string;
  /** http://admin:…@127.0.0.1:5987/<database>, as npm run sync:setup takes it. */
  adminUrl(database: string): string;
  /** Prepare a database with the users by running `npm run sync:setup`; returns what it printed. */
  setup(database: string): string;
  stop(): Promise<void>;
}

// PouchDB Server's own bin, through a launcher that fixes one bug of its validation plugin (see the launcher).
const LAUNCHER = join(import.meta.dirname, 'pouchdb-server-launch.cjs');

async function waitUp(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PouchDB Server exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`PouchDB Server did not answer on ${url} within ${timeoutMs} ms:\n${log()}`);
}

const ROOT = join(import.meta.dirname, '..');

/** `npm run sync:setup -- <url> --user …` for the test users (the command the office runs, not a copy of it). */
export function runSetup(adminUrl: string): string {
  const users = Object.values(SYNC_USERS).flatMap((u) => ['--user', `${u.name}:${u.password}:${u.role}`]);
  return execFileSync('npx', ['tsx', 'scripts/sync-setup.ts', adminUrl, ...users], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

export async function startSyncServer(port = SYNC_TEST_PORT): Promise<SyncServer> {
  const dir = mkdtempSync(join(tmpdir(), 'anju-pouchdb-server-'));
  const config = join(dir, 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      admins: { [SYNC_ADMIN.name]: SYNC_ADMIN.password },
      log: { file: join(dir, 'log.txt'), level: 'warning' },
      couch_httpd_auth: { timeout: 3600 },
    }),
  );
  let output = '';
  const child = spawn(
    process.execPath,
    [
      LAUNCHER,
      '--in-memory',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '-c',
      config,
      '-d',
      dir,
      '--no-color',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUp(url, child, () => output, 30_000);
  } catch (err) {
    await stop();
    throw err;
  }
  const adminUrl = (database: string) =>
    `http://${SYNC_ADMIN.name}:${SYNC_ADMIN.password}@127.0.0.1:${port}/${database}`;
  return {
    url,
    adminUrl,
    setup: (database) => runSetup(adminUrl(database)),
    stop,
  };
}
