// 设置: thresholds, bulletin texts, storage, backups.
export function SettingsPage() {
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">设置</h1>
    </section>
  );
}
