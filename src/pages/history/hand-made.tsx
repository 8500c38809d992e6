// What a version of a return owes to a person rather than a file: the note of a manual entry (手工录入), and
// each cell corrected by hand in 核对 (手工更正) with the text the file held, the value given, the note and when.
import type { ReturnRevision } from '../../db/database';
import { timeText } from './labels';

export function HandMade({ revision }: { revision: ReturnRevision }) {
  const corrections = revision.corrections ?? [];
  if (!revision.note && corrections.length === 0) return null;
  return (
    <div className="hand-made">
      {revision.note && (
        <p>
          <span className="flag info">{revision.origin === 'manual' ? '手工录入' : '说明'}</span> 数据来源：
          {revision.note}
        </p>
      )}
      {corrections.length > 0 && (
        <>
          <p>
            <span className="flag warn">手工更正</span> {corrections.length} 个单元格：
          </p>
          <ul>
            {corrections.map((c) => (
              <li key={`${c.sheet}|${c.cell}`}>
                工作表“{c.sheet}”单元格 {c.cell}：原为“{c.original}”，更正为“{c.value}”；依据：{c.note}（
                {timeText(c.at)}）
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
