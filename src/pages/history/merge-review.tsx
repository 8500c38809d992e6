// 合并其他电脑的备份, step two: what the merge adds and skips, and for each unit/period where both computers hold
// a different current return, the differing figures side by side and the user's choice (ConflictChoice); and
// the annual targets and issued bulletins the two computers differ on.
import { useState } from 'react';
import { isNoopMerge, type MergePlan, type MergeSide } from '../../db/merge';
import type { OfficeMergePlan, OfficeMergeSummary } from '../../db/merge-office';
import { chineseDateOfIso } from '../../domain/bulletin/generate';
import { notice } from '../../domain/messages';
import { periodLabel } from '../../domain/period';
import { formatTargetValue, TARGET_FIELDS, type UnitTargets } from '../../domain/targets';
import { defaultRegister } from '../../domain/units';
import { ConflictChoice } from './conflict-choice';
import { SideChoice } from './side-choice';

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
  const unanswered =
    plan.conflicts.filter((c) => !choices.has(c.key)).length +
    plan.office.targetConflicts.filter((c) => !choices.has(c.key)).length;
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
          <OfficeSummary office={plan.office} />
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
      <OfficeConflicts office={plan.office} choices={choices} choose={choose} />
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

/** What the merge does with annual targets and issued bulletins, as list items. */
function OfficeSummary({ office }: { office: OfficeMergePlan }) {
  return (
    <>
      {office.targetsToAdd.length > 0 && <li>本机没有的年度目标：{office.targetsToAdd.length} 条，将添加</li>}
      {office.targetConflicts.length > 0 && (
        <li>两台电脑不同的年度目标：{office.targetConflicts.length} 条，请逐一选择</li>
      )}
      {office.issuedToAdd.length > 0 && <li>本机没有的已签发通报：{office.issuedToAdd.length} 份，将添加</li>}
      {office.issuedConflicts.length > 0 && (
        <li>两台电脑签发的同一版通报内容不同：{office.issuedConflicts.length} 份，不合并（见下）</li>
      )}
    </>
  );
}

const targetsText = (t: UnitTargets) =>
  TARGET_FIELDS.map((f) => `${f.label}${formatTargetValue(f, t[f.key])}`).join('，');

/** Differing targets to choose between, and differing issued bulletins shown (never merged). */
function OfficeConflicts({
  office,
  choices,
  choose,
}: {
  office: OfficeMergePlan;
  choices: ReadonlyMap<string, MergeSide>;
  choose: (key: string, side: MergeSide) => void;
}) {
  return (
    <>
      {office.targetConflicts.map((c) => {
        const name = `${defaultRegister.unit(c.unitId)?.name ?? c.unitId} ${c.year}年年度目标`;
        return (
          <fieldset key={c.key} className="merge-conflict">
            <legend>{name}：两台电脑的目标不同</legend>
            <SideChoice
              name={name}
              chosen={choices.get(c.key)}
              onChoose={(side) => choose(c.key, side)}
              local={`（${targetsText(c.local)}）`}
              incoming={`（${targetsText(c.incoming)}）`}
            />
          </fieldset>
        );
      })}
      {office.issuedConflicts.map((c) => (
        <p key={c.id} className="notice warn" role="note">
          {notice('merge.issuedConflict', {
            period: periodLabel(c.local.period),
            version: c.local.version,
            local: `${c.local.docNumber}（成文日期${chineseDateOfIso(c.local.docDate)}）`,
            incoming: `${c.incoming.docNumber}（成文日期${chineseDateOfIso(c.incoming.docDate)}）`,
          })}
        </p>
      ))}
    </>
  );
}

/** The office part of a merge's success sentence. */
export function officeMergeText(office: OfficeMergeSummary): string {
  const parts = [
    office.targetsAdded > 0 ? `添加年度目标 ${office.targetsAdded} 条` : '',
    office.targetsChanged > 0 ? `采用备份中的年度目标 ${office.targetsChanged} 条` : '',
    office.issuedAdded > 0 ? `添加已签发通报 ${office.issuedAdded} 份` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `另${parts.join('，')}。` : '';
}
