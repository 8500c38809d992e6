// 设置 → 多台电脑同步: the CouchDB server address and database, sign-in with the CouchDB user (the password is sent
// once to the server and never kept), the state in words, the server's refusals, and stopping sync.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSetting } from '../../db/settings-repo';
import {
  DEFAULT_SYNC_CONFIG,
  SYNC_ENABLED_KEY,
  SYNC_SETTING_KEY,
  type SyncConfig,
} from '../../db/sync/config';
import { disableSync, enableSync } from '../../db/sync/controller';
import { useSyncStatus } from '../../db/sync/status';
import { useDbAction } from '../../db/use-db-action';
import { notice } from '../../domain/messages';
import { ActionNotice } from '../../ui/action-notice';
import { syncStateText } from './sync-state-text';

const ROLE_NAME: Record<string, string> = { office: '省安居办', team: '检查组' };

export function SyncSection() {
  const config = useSetting<SyncConfig>(SYNC_SETTING_KEY, DEFAULT_SYNC_CONFIG);
  const enabled = useSetting<boolean>(SYNC_ENABLED_KEY, false);
  const status = useSyncStatus();
  const [server, setServer] = useState(config.server);
  const [database, setDatabase] = useState(config.database);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const { busy, message, run } = useDbAction();
  const id = useId();

  useEffect(() => {
    setServer(config.server);
    setDatabase(config.database);
  }, [config.server, config.database]);

  const signIn = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await enableSync(server, database, name, password);
      setPassword('');
      return { ok: result.ok, text: result.message };
    });
  };
  const stop = () =>
    void run(async () => {
      const result = await disableSync();
      return { ok: result.ok, text: result.message };
    });

  const running = enabled && status.state.kind !== 'off';
  const needsSignIn = !running || status.state.kind === 'expired';
  const roles = status.user?.roles.map((r) => ROLE_NAME[r] ?? r).join('、');

  return (
    <section aria-labelledby="sync-title">
      <h2 id="sync-title">多台电脑同步</h2>
      <p className="muted">
        可选：通过省安居办的同步服务器（Apache
        CouchDB），让各台电脑的月报、当前版本、导入记录、表头对照和更正自动保持一致；
        断网时照常使用，联网后自动补传。未开启时不向任何服务器发送数据。
      </p>
      <p className="sync-state" role="status" aria-live="polite" data-testid="sync-state">
        {enabled ? syncStateText(status.state) : notice('sync.off')}
      </p>
      {running && status.user?.name && (
        <p>
          已登录：{status.user.name}
          {roles ? `（${roles}）` : ''}，服务器 {config.server}，数据库 {config.database}
        </p>
      )}
      {status.refusals.length > 0 && (
        <ul className="sync-refusals" aria-label="服务器拒绝的记录">
          {status.refusals.map((r) => (
            <li key={r}>服务器拒绝（{r}）</li>
          ))}
        </ul>
      )}
      {needsSignIn && (
        <form onSubmit={signIn} className="sync-form" aria-label="登录同步服务器">
          <div className="field">
            <label htmlFor={`${id}-server`}>服务器地址</label>
            <input
              id={`${id}-server`}
              value={server}
              onChange={(e) => setServer(e.target.value)}
              placeholder="/couchdb 或 https://sync.example.gov.cn/couchdb"
              disabled={running && status.state.kind !== 'expired'}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-database`}>数据库</label>
            <input id={`${id}-database`} value={database} onChange={(e) => setDatabase(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-name`}>用户名</label>
            <input
              id={`${id}-name`}
              value={name}
              autoComplete="username"
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>密码</label>
            <input
              id={`${id}-password`}
              type="password"
              value={password}
              autoComplete="current-password"
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <p className="muted">密码只发送给同步服务器用于登录，本应用不保存密码。</p>
          <button type="submit" className="button primary" disabled={busy || !name || !password}>
            {running ? '重新登录' : '登录并开始同步'}
          </button>
        </form>
      )}
      {enabled && (
        <div className="toolbar">
          <button type="button" className="button" disabled={busy} onClick={stop}>
            停止同步
          </button>
        </div>
      )}
      <ActionNotice message={message} />
    </section>
  );
}
