// 历史版本: every saved text of the period (edits and 重新生成), newest first, each to view, restore or edit from.
import { useState } from 'react';
import type { BulletinText } from '../../db/database';
import { parseBulletinText } from '../../domain/bulletin/generate';
import { BulletinDocument } from './bulletin-document';

export function formatSavedAt(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const kindText = (r: BulletinText) => (r.kind === 'edited' ? '手动修改' : '重新生成');

export function VersionList({
  revisions,
  editing,
  onRestore,
  onEditFrom,
}: {
  revisions: readonly BulletinText[];
  editing: boolean;
  onRestore: (r: BulletinText) => void;
  onEditFrom: (r: BulletinText) => void;
}) {
  const [viewing, setViewing] = useState<number | null>(null);
  if (revisions.length === 0) return null;
  const viewed = revisions.find((r) => r.id === viewing);
  return (
    <details className="bulletin-history no-print">
      <summary>历史版本（{revisions.length}）</summary>
      <ol>
        {[...revisions].reverse().map((r) => (
          <li key={r.id}>
            {formatSavedAt(r.savedAt)} · {kindText(r)} ·{' '}
            <button
              type="button"
              aria-pressed={viewing === r.id}
              onClick={() => setViewing(viewing === r.id ? null : (r.id ?? null))}
            >
              查看
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                setViewing(null);
                onRestore(r);
              }}
              disabled={editing}
            >
              恢复此版本
            </button>{' '}
            <button type="button" onClick={() => onEditFrom(r)}>
              以此版本修改
            </button>
          </li>
        ))}
      </ol>
      {viewed && (
        <>
          <p className="muted">
            以下是 {formatSavedAt(viewed.savedAt)}（{kindText(viewed)}
            ）的版本，仅供查看；点“恢复此版本”可将其设为当前正文。{' '}
            <button type="button" onClick={() => setViewing(null)}>
              关闭
            </button>
          </p>
          <BulletinDocument
            paragraphs={parseBulletinText(viewed.text)}
            label={`历史版本 ${formatSavedAt(viewed.savedAt)}（${kindText(viewed)}）`}
          />
        </>
      )}
    </details>
  );
}
