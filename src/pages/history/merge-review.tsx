// 合并其他电脑的备份, step two: what the merge adds and skips, and for each unit/period where both computers hold
// a different current return, the differing figures side by side and the user's choice (ConflictChoice).
import { useState } from 'react';
import { isNoopMerge, type MergePlan, type MergeSide } from '../../db/merge';
import { ConflictChoice } from './conflict-choice';

export function MergeReview({
  plan,
  fileName,
  busy,
  onConfirm,
  onCancel,
}: {
  plan: MergePlan;
  fileName: string;
  busy: boolean;
  onConfirm: (choices: Map<string, MergeSide>) => void;
  onCancel: () => void;
}) {
  const [choices, setChoices] = useState<Map<string, MergeSide>>(() => new Map());
  const unanswered = plan.conflicts.filter((c) => !choices.has(c.key)).length;
  const choose = (key: string, side: MergeSide) => setChoices((prev) => new Map(prev).set(key, side));
  // A backup of the same data (e.g. this computer's own): say so plainly instead of a list of zeros.
  const nothingNew = isNoopMerge(plan);

  return (
    <section aria-labelledby="merge-review-title" className="merge-review">
      <h3 id="merge-review-title">合并“{fileName}”</h3>
      {nothingNew ? (
        <p className="notice ok" role="status">
          备份中的 {plan.skipped} 份月报与本机完全相同，没有需要合并的内容。
        </p>
      ) : (
        <ul>
          <li>本机没有的月报版本：{plan.toAdd.length} 个，将添加</li>
          <li>与本机完全相同的月报：{plan.skipped} 份，将跳过</li>
          <li>将成为当前版本的月报：{plan.headsFromIncoming.length} 份</li>
          <li>两台电脑不同的当前月报：{plan.conflicts.length} 份，请逐一选择</li>
          {plan.bulletinsToAdd.length > 0 && <li>通报文字：{plan.bulletinsToAdd.length} 份，将添加</li>}
          {plan.layouts.put.length > 0 && <li>表头对照：{plan.layouts.put.length} 个将添加或补充</li>}
          {plan.layouts.conflicts.length > 0 && (
            <li>表头对照两台电脑不同之处：{plan.layouts.conflicts.length} 处，保留本机的对照</li>
          )}
          {plan.fileReadsToAdd.length > 0 && (
            <li>读取过的文件记录：{plan.fileReadsToAdd.length} 个，将添加</li>
          )}
        </ul>
      )}
      {plan.conflicts.map((c) => (
        <ConflictChoice
          key={c.key}
          conflict={c}
          incomingName="备份"
          chooseIncoming="采用备份中的"
          chosen={choices.get(c.key)}
          onChoose={(side) => choose(c.key, side)}
        />
      ))}
      <p className="muted">
        {plan.conflicts.length > 0 ? '两份月报都会保留为版本记录，之后可在单位页面的版本记录中切换。' : ''}
        本机的设置（预警阈值等）保持不变，不从备份合并。
      </p>
      <div className="toolbar">
        <button
          type="button"
          className="button primary"
          disabled={busy || unanswered > 0}
          onClick={() => onConfirm(choices)}
        >
          确认合并
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          {nothingNew ? '关闭' : '取消'}
        </button>
        {unanswered > 0 && <span className="muted">还有 {unanswered} 份需要选择</span>}
      </div>
    </section>
  );
}
