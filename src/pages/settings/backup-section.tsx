// 设置 → 备份与恢复: export, restore, merge another laptop's backup, wipe local data.
export function BackupSection() {
  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">备份与恢复</h2>
    </section>
  );
}
