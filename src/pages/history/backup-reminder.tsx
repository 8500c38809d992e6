// A reminder to export a backup when the last one is over a week old and data changed since (设置 and 导入).
import { useBackupReminder } from '../../db/hooks';
import { timeText } from './labels';

export function BackupReminderNotice({ showLink = true }: { showLink?: boolean }) {
  const reminder = useBackupReminder();
  if (!reminder?.due) return null;
  return (
    <p className="notice warn" role="status" data-testid="backup-reminder">
      <span className="flag warn">提醒</span>{' '}
      {reminder.lastBackupAt === null
        ? '本机数据从未备份过，'
        : `上次备份是 ${timeText(reminder.lastBackupAt)}，已超过一周，之后数据有更改，`}
      建议导出备份并保存到其他位置（如U盘），以防本机数据丢失。
      {showLink && (
        <>
          {' '}
          <a href="#/settings">去“设置 → 备份与恢复”</a>
        </>
      )}
    </p>
  );
}
