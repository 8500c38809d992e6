// 设置: composed of independent sections, with a line of contents on top (the page is long).
import { BackupSection } from './settings/backup-section';
import { BulletinTextSection } from './settings/bulletin-text-section';
import { StorageSection } from './settings/storage-section';
import { ThresholdsSection } from './settings/thresholds-section';
import './settings/settings.css';

/** The sections' heading ids (each section owns its heading) and their names. */
const CONTENTS: { id: string; label: string }[] = [
  { id: 'thresholds-title', label: '预警阈值' },
  { id: 'bulletin-text-title', label: '通报固定文字' },
  { id: 'storage-title', label: '本机存储' },
  { id: 'backup-title', label: '备份与恢复' },
  { id: 'import-list-title', label: '导入记录' },
  { id: 'wipe-title', label: '清除本机数据' },
];

// The address bar holds the route (#/settings), so an entry is a button that scrolls to its heading rather than
// a #fragment link; the heading takes the focus so keyboard users continue from there.
function jump(id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

export function SettingsPage() {
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">设置</h1>
      <nav aria-label="本页内容" className="page-contents no-print">
        <ul>
          {CONTENTS.map((c) => (
            <li key={c.id}>
              <button type="button" className="link-button" onClick={() => jump(c.id)}>
                {c.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <ThresholdsSection />
      <BulletinTextSection />
      <StorageSection />
      <BackupSection />
    </section>
  );
}
