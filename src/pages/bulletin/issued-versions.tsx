// 签发记录: every issued version of the period, each to view as issued and to export again (the same Word file,
// with its own 发文字号 and 成文日期, whatever the data says now).
import { useState } from 'react';
import type { IssuedBulletinRecord } from '../../db/database';
import { chineseDateOfIso, parseBulletinText } from '../../domain/bulletin/generate';
import { BulletinDocument } from './bulletin-document';
import { formatSavedAt } from './version-list';

export function IssuedVersions({
  versions,
  busy,
  onExport,
}: {
  versions: readonly IssuedBulletinRecord[];
  busy: boolean;
  onExport: (record: IssuedBulletinRecord) => void;
}) {
  const [viewing, setViewing] = useState<string | null>(null);
  if (versions.length === 0) return null;
  const viewed = versions.find((v) => v.id === viewing);
  return (
    <details className="bulletin-history no-print" data-testid="issued-versions">
      <summary>签发记录（{versions.length}）</summary>
      <ol>
        {[...versions].reverse().map((v) => (
          <li key={v.id}>
            第{v.version}版 · {v.docNumber} · 成文日期{chineseDateOfIso(v.docDate)} · 签发于{' '}
            {formatSavedAt(v.issuedAt)} ·{' '}
            <button
              type="button"
              aria-pressed={viewing === v.id}
              onClick={() => setViewing(viewing === v.id ? null : v.id)}
            >
              查看
            </button>{' '}
            <button type="button" disabled={busy} onClick={() => onExport(v)}>
              导出此版
            </button>
          </li>
        ))}
      </ol>
      {viewed && (
        <BulletinDocument
          paragraphs={parseBulletinText(viewed.text)}
          label={`已签发第${viewed.version}版（${viewed.docNumber}）`}
        />
      )}
    </details>
  );
}
