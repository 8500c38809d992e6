// The bulletin's fixed texts as the office wrote them on 2018-10-10: the defaults of 设置 → 通报固定文字.
// Placeholders follow the period: {period} → 2018年1-9月, {months} → 1-9月, {year} → 2018, {month} → 9, and the
// data: {startTarget} → 100 (the start target), {lagging} → 22 (units below it). A sentence that counts
// {lagging} units is dropped when there are none (no "0个市县" in a published text).
import type { BulletinTextSettings } from '../settings';
import { DEFAULT_FURNITURE_SETTINGS } from './furniture';

export const BULLETIN_TEXT_KEY = 'bulletinText';

export const DEFAULT_BULLETIN_TEXT: BulletinTextSettings = {
  // 版头 and 版记 of the Word file (issue 12, docs).
  ...DEFAULT_FURNITURE_SETTINGS,
  title: '关于{period}全省棚户区改造、棚改贷款、房屋征收和公租房分配进展情况的通报',
  addressees: '各市（州）人民政府，长白山管委会，梅河口市、公主岭市人民政府，各县（市）人民政府：',
  intro:
    '为进一步落实工作责任，加快推进棚户区改造、棚改贷款、房屋征收和公租房分配等工作，确保完成年度目标任务，现将{months}全省棚户区改造、棚改贷款、房屋征收和公租房分配进展情况通报如下。',
  requirements: [
    '二、下步工作要求',
    '（一）加快推进棚户区改造开工建设进度。各地要进一步加快推进棚改开工建设进度。特别是{month}月底开工进展较慢、开工率未达到{startTarget}%的{lagging}个市县，要认真分析开工进度慢的原因，由政府制定具体工作方案，明确责任单位和责任人、整改措施和项目开工时限，加大措施力度，推动棚改开工率有实质性提升，确保12月20日前完成开工率达100%的目标。省政府督查室、省住房和城乡建设厅将对棚改开工建设进展情况进行跟踪督办。',
    '（二）做好全省第二次专项检查工作。省住房和城乡建设厅将组成5个检查组，在全省范围内开展第二次大检查现场实地核查工作。在各地自查自纠的基础上，采取听取工作情况汇报、查阅相关档案资料、现场实地核查等方式，对全省棚户区改造有关工作进行重点检查和督导。各地要积极配合检查组对各地上报的棚改逾期未安置项目逐个进行核查。检查结束后省安居办将向全省通报检查情况，并对工作进展缓慢、存在问题突出的市（县）政府进行约谈和重点督办。',
    '（三）全面做好棚改逾期未安置问题整改工作。各地要按照《吉林省人民政府办公厅关于印发吉林省解决城市棚户区改造逾期未安置问题工作方案的通知》（吉政办发[2018]35号）要求，结合落实《关于解决城市棚户区改造逾期未安置问题的指导意见》（吉安居办[2018]42号），加快推进棚改逾期未安置问题整改落实工作。省政府将与市州政府签订目标责任书，市州政府要组织与存在棚改逾期未安置问题的所辖县市政府签订目标责任书，层层落实工作责任，建立工作推进机制，严格实行考核问责，切实做好棚改逾期未安置问题整改工作，全面完成省政府明确的节点目标任务。',
    '（四）加快推进棚改资金筹集工作。各地要按照《吉林省试点发行棚户区改造专项债券管理实施细则》（吉财债[2018]250号）要求，积极申报棚改专项债券；具有承贷能力的市县要继续协调政策性银行申请棚改贷款，筹集项目资金，推动2018年尚未开工项目建设进度，新建项目要在11月15日前开工建设，货币化安置项目要在12月20日前完成征收补偿安置，确保完成全年目标任务。',
    '（五）全面做好棚户区房屋征收工作。各地要依法依规推进房屋征收，严格落实法定程序，杜绝征收工作中的违法违纪行为。要强化征收项目现场管理，及时公开有关信息。要进一步加快房屋征收信息系统建设，学习蛟河市等地工作经验，强化信息公开，实行阳光征收，加快房屋征收进度；加快征收、拆迁结转项目征拆进度，推动逾期未安置项目居民的回迁入住工作。要提前做好2019年房屋征收调查摸底等前期准备工作，为明年棚改工作创造条件。',
    '（六）切实加强公租房分配管理工作。各地政府要按照《2018年保障性安居工程目标责任书》签订的目标任务，全力推进公租房分配工作。公租房分配进度慢的市县要深入分析影响分配的原因，加快项目及其配套基础设施建设，合理扩大保障范围，健全保障对象准入和退出机制，确保完成年度分配任务。要严格执行国家、省相关规定，合理调整发放标准，按月或季度发放租赁补贴，力争在11月30日前完成租赁补贴年核发、发放工作。',
    '（七）做好审计问题的整改落实工作。各地要全面落实审计问题整改工作，按照已制定的整改工作方案要求，确保年底前审计问题全部整改落实到位。各地要结合实际，查找产生问题的原因，吸取教训，举一反三，查堵漏洞，逐步建立审计问题防控长效机制，避免类似问题重复发生。',
  ].join('\n'),
  issuer: '吉林省保障性安居工程领导小组办公室',
  // The 成文日期 is chosen per bulletin on 通报 (the day of generating by default), never fixed here.
  issueDate: '',
};

export interface PlaceholderValues {
  period: string;
  months: string;
  year: number;
  month: number;
  /** The start target in percent (100). */
  startTarget?: number;
  /** Units below the start target. */
  lagging?: number;
}

/** Fill a fixed text's placeholders for the period; with no lagging unit, sentences counting them go. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  const kept =
    values.lagging === 0
      ? text
          .split(/(?<=[。；])/)
          .filter((sentence) => !sentence.includes('{lagging}'))
          .join('')
      : text;
  return kept
    .replaceAll('{startTarget}', String(values.startTarget ?? ''))
    .replaceAll('{lagging}', String(values.lagging ?? ''))
    .replaceAll('{period}', values.period)
    .replaceAll('{months}', values.months)
    .replaceAll('{year}', String(values.year))
    .replaceAll('{month}', String(values.month));
}

/** Settings as stored may lack fields added later: fill them from the defaults. */
export function withDefaultTexts(stored: Partial<BulletinTextSettings> | undefined): BulletinTextSettings {
  // An older version kept a 成文日期 here (2018年10月10日 by default): the date is now the bulletin's own.
  return { ...DEFAULT_BULLETIN_TEXT, ...(stored ?? {}), issueDate: '' };
}
