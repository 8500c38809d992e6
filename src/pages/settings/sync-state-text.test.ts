import { describe, expect, it } from 'vitest';
import type { SyncState } from '../../db/sync/status';
import { syncStateText } from './sync-state-text';

describe('syncStateText', () => {
  it.each([
    [{ kind: 'synced', at: new Date(2018, 9, 10, 8, 5).getTime() }, '已同步（2018-10-10 08:05）'],
    [{ kind: 'syncing', count: 12 }, '正在同步 12 条'],
    [{ kind: 'offline', waiting: 3 }, '离线，待上传 3 条'],
    [{ kind: 'offline', waiting: 0 }, '离线，待上传 0 条'],
  ] as [SyncState, string][])('%j → %s', (state, text) => {
    expect(syncStateText(state)).toBe(text);
  });

  it.each(['off', 'starting', 'expired', 'otherTab'] as const)('%s is said in Chinese', (kind) => {
    expect(syncStateText({ kind } as SyncState)).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('says 登录已过期 when the session expired', () => {
    expect(syncStateText({ kind: 'expired' })).toContain('登录已过期');
  });
});
