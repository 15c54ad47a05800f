import type { NotificationData, NotificationKind } from '#contracts';
import { CASE_STAGE_NAMES, CASE_STAGES, TASK_KINDS, TASK_TITLES, type CaseStage, type TaskKind } from '#domain';

/** A notice rendered for people: Chinese first, English alongside. */
export interface RenderedNotice {
  /** Email subject and inbox / chat title. */
  readonly title: string;
  /** Plain text: the inbox body and the email. */
  readonly text: string;
  /** The group-chat (DingTalk markdown) text. */
  readonly markdown: string;
}

interface Lines {
  readonly zhTitle: string;
  readonly enTitle: string;
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

/** A variable as text; a missing one reads as "—" rather than "undefined". */
function text(data: NotificationData, key: string): string {
  const value = data[key];
  return value === undefined || value === null || value === '' ? '—' : String(value);
}

function stageName(data: NotificationData): { zh: string; en: string } {
  const stage = data.stage;
  if (typeof stage === 'string' && (CASE_STAGES as readonly string[]).includes(stage)) return CASE_STAGE_NAMES[stage as CaseStage];
  return { zh: text(data, 'stage'), en: text(data, 'stage') };
}

const TEMPLATES: Readonly<Record<NotificationKind, (data: NotificationData) => Lines>> = {
  reminder_before_due: (data) => {
    const stage = stageName(data);
    return {
      zhTitle: `【临近期限】${text(data, 'unitName')}「${stage.zh}」将于 ${text(data, 'dueOn')} 到期`,
      enTitle: `Due soon: ${stage.en} of ${text(data, 'unitName')} is due on ${text(data, 'dueOn')}`,
      zh: [`${text(data, 'unitName')}的「${stage.zh}」环节还有 ${text(data, 'daysLeft')} 个工作日到期（${text(data, 'dueOn')}），请按时完成并提交材料。`],
      en: [
        `The ${stage.en} step of ${text(data, 'unitName')} is due in ${text(data, 'daysLeft')} working day(s), on ${text(data, 'dueOn')}. Please complete and submit it in time.`,
      ],
    };
  },
  reminder_due_today: (data) => {
    const stage = stageName(data);
    return {
      zhTitle: `【今日到期】${text(data, 'unitName')}「${stage.zh}」今日到期`,
      enTitle: `Due today: ${stage.en} of ${text(data, 'unitName')}`,
      zh: [`${text(data, 'unitName')}的「${stage.zh}」环节今日（${text(data, 'dueOn')}）到期，请今日内完成。`],
      en: [`The ${stage.en} step of ${text(data, 'unitName')} is due today (${text(data, 'dueOn')}).`],
    };
  },
  reminder_overdue: (data) => {
    const stage = stageName(data);
    return {
      zhTitle: `【已逾期】${text(data, 'unitName')}「${stage.zh}」已逾期 ${text(data, 'daysOverdue')} 个工作日`,
      enTitle: `Overdue: ${stage.en} of ${text(data, 'unitName')}, ${text(data, 'daysOverdue')} working day(s) late`,
      zh: [
        `${text(data, 'unitName')}的「${stage.zh}」环节已于 ${text(data, 'dueOn')} 到期，至今逾期 ${text(data, 'daysOverdue')} 个工作日，请尽快完成；如需延期请向市纪委说明理由。`,
      ],
      en: [
        `The ${stage.en} step of ${text(data, 'unitName')} was due on ${text(data, 'dueOn')} and is ${text(data, 'daysOverdue')} working day(s) overdue. Please complete it; to ask for an extension, give the program office your reason.`,
      ],
    };
  },
  escalation: (data) => {
    const stage = stageName(data);
    return {
      zhTitle: `【督办】${text(data, 'unitName')}「${stage.zh}」逾期未办`,
      enTitle: `Escalation: ${stage.en} of ${text(data, 'unitName')} is overdue`,
      zh: [
        `${text(data, 'unitName')}的「${stage.zh}」环节已逾期 ${text(data, 'daysOverdue')} 个工作日（期限 ${text(data, 'dueOn')}），提醒后仍未办理，请市纪委督办。`,
      ],
      en: [
        `The ${stage.en} step of ${text(data, 'unitName')} is ${text(data, 'daysOverdue')} working day(s) overdue (due ${text(data, 'dueOn')}) despite reminders: for the program office to follow up.`,
      ],
    };
  },
  weekly_digest: (data) => ({
    zhTitle: `【周报】清廉细胞示范点创建进展（${text(data, 'week')} 周）`,
    enTitle: `Weekly digest: integrity-cell campaign (week of ${text(data, 'week')})`,
    zh: [
      `在办案件 ${text(data, 'openCases')} 件，本周到期 ${text(data, 'dueThisWeek')} 件，已逾期 ${text(data, 'overdueCases')} 件，${text(data, 'stalledAfterDays')} 天以上无进展 ${text(data, 'stalledCases')} 件。`,
      ...(Number(data.dueDatePending ?? 0) > 0
        ? [`期限待定 ${text(data, 'dueDatePending')} 件：工作日历尚未覆盖其期限所在年份，请更新日历或手动设定期限。`]
        : []),
    ],
    en: [
      `Open cases: ${text(data, 'openCases')}; due this week: ${text(data, 'dueThisWeek')}; overdue: ${text(data, 'overdueCases')}; no event for ${text(data, 'stalledAfterDays')}+ days: ${text(data, 'stalledCases')}.`,
      ...(Number(data.dueDatePending ?? 0) > 0
        ? [`Due date pending: ${text(data, 'dueDatePending')} (beyond the working-day calendar): update the calendar or set the due dates by hand.`]
        : []),
    ],
  }),
  progress_report_call: (data) => ({
    zhTitle: `【进度报告】请${text(data, 'unitName')}报送培育进度`,
    enTitle: `Progress report due: ${text(data, 'unitName')}`,
    zh: [`请${text(data, 'unitName')}于 ${text(data, 'dueOn')} 前报送本期培育进度报告。`],
    en: [`${text(data, 'unitName')}: please file this period's cultivation progress report by ${text(data, 'dueOn')}.`],
  }),
  urge: (data) => {
    const stage = stageName(data);
    const task = taskName(data);
    const due = data.dueOn ? { zh: `（期限 ${text(data, 'dueOn')}）`, en: ` (due ${text(data, 'dueOn')})` } : { zh: '', en: '' };
    const message = data.message ? { zh: [`附言：${text(data, 'message')}`], en: [`Message: ${text(data, 'message')}`] } : { zh: [], en: [] };
    return {
      zhTitle: `【催办】请${text(data, 'unitName')}尽快${task.zh}`,
      enTitle: `Reminder from the program office: ${text(data, 'unitName')}, ${task.en.toLowerCase()}`,
      zh: [`市纪委项目办催办：${text(data, 'unitName')}「${stage.zh}」环节的「${task.zh}」尚未办理${due.zh}，请尽快办理。`, ...message.zh],
      en: [`The program office asks ${text(data, 'unitName')} to ${task.en.toLowerCase()} (${stage.en}) without delay${due.en}.`, ...message.en],
    };
  },
};

function taskName(data: NotificationData): { zh: string; en: string } {
  const task = data.task;
  if (typeof task === 'string' && (TASK_KINDS as readonly string[]).includes(task)) return TASK_TITLES[task as TaskKind];
  return { zh: '待办事项', en: 'Take the step it owes' };
}

/** Renders one kind of notice from its variables; pure, so every template is tested without a channel. */
export function renderNotice(kind: NotificationKind, data: NotificationData): RenderedNotice {
  const lines = TEMPLATES[kind](data);
  const caseLine = data.caseId ? [`案件 / Case: ${String(data.caseId)}`] : [];
  const title = `${lines.zhTitle} / ${lines.enTitle}`;
  return {
    title,
    text: [...lines.zh, '', ...lines.en, ...(caseLine.length ? ['', ...caseLine] : [])].join('\n'),
    markdown: [`#### ${lines.zhTitle}`, ...lines.zh, '', `#### ${lines.enTitle}`, ...lines.en, ...caseLine.map((line) => `> ${line}`)].join('\n\n'),
  };
}
