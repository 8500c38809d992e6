// 设置: composed of independent sections, with a line of contents on top (the page is long).
import { type ContentsEntry, PageContents } from '../ui/page-contents';
import { BackupSection } from './settings/backup-section';
import { BulletinTextSection } from './settings/bulletin-text-section';
import { DocNumberSection } from './settings/doc-number-section';
import { LayoutsSection } from './settings/layouts-section';
import { StorageSection } from './settings/storage-section';
import { SyncSection } from './settings/sync-section';
import { TargetsSection } from './settings/targets-section';
import { ThresholdsSection } from './settings/thresholds-section';
import './settings/settings.css';

/** The sections' headings (each section owns its heading id). */
const CONTENTS: ContentsEntry[] = [
  { label: '预警阈值', target: '#thresholds-title' },
  { label: '通报固定文字', target: '#bulletin-text-title' },
  { label: '年度目标', target: '#targets-title' },
  { label: '发文字号', target: '#doc-number-title' },
  { label: '表头对照', target: '#layouts-title' },
  { label: '本机存储', target: '#storage-title' },
  { label: '备份与恢复', target: '#backup-title' },
  { label: '导入记录', target: '#import-list-title' },
  { label: '清除本机数据', target: '#wipe-title' },
  { label: '多台电脑同步', target: '#sync-title' },
];

export function SettingsPage() {
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">设置</h1>
      <PageContents entries={CONTENTS} />
      <ThresholdsSection />
      <BulletinTextSection />
      <TargetsSection />
      <DocNumberSection />
      <LayoutsSection />
      <StorageSection />
      <BackupSection />
      <SyncSection />
    </section>
  );
}
