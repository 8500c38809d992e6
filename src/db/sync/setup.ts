// Preparing a CouchDB database for the app, as `npm run sync:setup` does: create the database, give it the
// security object (roles office and team) and the design document with validate_doc_update, and optionally
// create users. Every step reads what is there first, so running it again changes nothing. Runs in Node (fetch).
import { DESIGN_DOC_ID, designDocument, SECURITY_OBJECT } from './design';
import type { SyncRole } from './documents';

export interface SetupUser {
  name: string;
  password: string;
  role: SyncRole;
}

export interface SetupTarget {
  /** The server, e.g. http://127.0.0.1:5984 (no credentials, no database). */
  server: string;
  database: string;
  /** Basic authorization of the server admin. */
  authorization: string;
}

/** `http://admin:pw@host:5984/anju` → server, database and the admin's authorization. */
export function parseSetupUrl(text: string): SetupTarget {
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`not an http(s) URL: ${text}`);
  const database = decodeURIComponent(
    url.pathname
      .replace(/^\/+|\/+$/g, '')
      .split('/')
      .pop() ?? '',
  );
  if (!database)
    throw new Error('the URL must end with the database name, e.g. http://admin:pw@host:5984/anju');
  if (!url.username)
    throw new Error('the URL must carry the server admin, e.g. http://admin:pw@host:5984/anju');
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const base = url.pathname.replace(/\/+$/, '').split('/').slice(0, -1).join('/');
  return {
    server: `${url.origin}${base}`,
    database,
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
  };
}

async function call(
  target: SetupTarget,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${target.server}/${path}`, {
    method,
    headers: {
      Authorization: target.authorization,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: res.status, json };
}

function fail(step: string, r: { status: number; json: Record<string, unknown> }): never {
  throw new Error(`${step}: HTTP ${r.status} ${JSON.stringify(r.json)}`);
}

const union = (a: unknown, b: string[]) => [...new Set([...(Array.isArray(a) ? (a as string[]) : []), ...b])];

/** Create or update everything; returns what was done, one line per step (in Chinese, for the console). */
export async function setupDatabase(target: SetupTarget, users: SetupUser[] = []): Promise<string[]> {
  const done: string[] = [];
  const db = encodeURIComponent(target.database);

  const created = await call(target, 'PUT', db);
  if (created.status === 201 || created.status === 202) done.push(`已创建数据库 ${target.database}`);
  else if (created.status === 412) done.push(`数据库 ${target.database} 已存在`);
  else fail('create database', created);

  // Keep names and roles someone added by hand; make sure ours are there.
  const sec = await call(target, 'GET', `${db}/_security`);
  if (sec.status !== 200) fail('read _security', sec);
  const old = sec.json as { admins?: { names?: string[]; roles?: string[] }; members?: typeof sec.json };
  const members = (old.members ?? {}) as { names?: string[]; roles?: string[] };
  const security = {
    admins: {
      names: union(old.admins?.names, SECURITY_OBJECT.admins.names),
      roles: union(old.admins?.roles, SECURITY_OBJECT.admins.roles),
    },
    members: {
      names: union(members.names, SECURITY_OBJECT.members.names),
      roles: union(members.roles, SECURITY_OBJECT.members.roles),
    },
  };
  if (JSON.stringify(security) === JSON.stringify({ admins: old.admins, members: old.members })) {
    done.push('安全设置（角色 office、team）已是最新');
  } else {
    const put = await call(target, 'PUT', `${db}/_security`, security);
    if (put.status !== 200) fail('write _security', put);
    done.push('已写入安全设置（角色 office、team）');
  }

  const design = designDocument();
  const existing = await call(target, 'GET', `${db}/${DESIGN_DOC_ID}`);
  if (existing.status === 200 && existing.json.validate_doc_update === design.validate_doc_update) {
    done.push('校验规则（validate_doc_update）已是最新');
  } else {
    const rev = existing.status === 200 ? { _rev: existing.json._rev } : {};
    const put = await call(target, 'PUT', `${db}/${DESIGN_DOC_ID}`, { ...design, ...rev });
    if (put.status !== 201 && put.status !== 202) fail('write design document', put);
    done.push(
      existing.status === 200
        ? '已更新校验规则（validate_doc_update）'
        : '已写入校验规则（validate_doc_update）',
    );
  }

  for (const user of users) {
    const id = `org.couchdb.user:${user.name}`;
    const had = await call(target, 'GET', `_users/${encodeURIComponent(id)}`);
    const rev = had.status === 200 ? { _rev: had.json._rev } : {};
    const put = await call(target, 'PUT', `_users/${encodeURIComponent(id)}`, {
      _id: id,
      name: user.name,
      type: 'user',
      roles: [user.role],
      password: user.password,
      ...rev,
    });
    if (put.status !== 201 && put.status !== 202) fail(`write user ${user.name}`, put);
    done.push(`用户 ${user.name}（角色 ${user.role}）已${had.status === 200 ? '更新' : '创建'}`);
  }
  return done;
}

/** `name:password:role` → a user to create (role office or team). */
export function parseUserArg(text: string): SetupUser {
  const [name, password, role] = text.split(':');
  if (!name || !password || (role !== 'office' && role !== 'team')) {
    throw new Error(`--user takes name:password:office or name:password:team, not ${text}`);
  }
  return { name, password, role };
}
