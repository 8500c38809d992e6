// 设置: composed of independent sections.
import { BackupSection } from './settings/backup-section';
import { BulletinTextSection } from './settings/bulletin-text-section';
import { StorageSection } from './settings/storage-section';
import { ThresholdsSection } from './settings/thresholds-section';

export function SettingsPage() {
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">设置</h1>
      <ThresholdsSection />
      <BulletinTextSection />
      <StorageSection />
      <BackupSection />
    </section>
  );
}
