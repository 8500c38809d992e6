// The sync state in the words the issue asks for: 已同步（时间）, 正在同步 N 条, 离线，待上传 N 条, 登录已过期.
import type { SyncState } from '../../db/sync/status';
import { notice, syncPhrase } from '../../domain/messages';
import { timeText } from '../history/labels';

export function syncStateText(state: SyncState): string {
  switch (state.kind) {
    case 'off':
      return notice('sync.off');
    case 'starting':
      return syncPhrase('sync.starting');
    case 'synced':
      return syncPhrase('sync.synced', { time: timeText(state.at) });
    case 'syncing':
      return syncPhrase('sync.syncing', { count: state.count });
    case 'offline':
      return syncPhrase('sync.offline', { count: state.waiting });
    case 'expired':
      return notice('sync.expired');
    case 'otherTab':
      return notice('sync.otherTab');
  }
}
