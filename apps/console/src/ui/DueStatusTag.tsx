import { Tag } from 'antd';
import { DUE_STATUS } from './labels';

/** 三色预警: the colour and the word together, never the colour alone (`name` is the api's word for a status unknown here). */
export function DueStatusTag({ status, name }: { status: string; name?: string }) {
  const shown = DUE_STATUS[status] ?? { word: name?.split(' / ')[0] ?? status, color: 'default' };
  return <Tag color={shown.color}>{shown.word}</Tag>;
}

/** Working days to a due date in words (negative: overdue). */
export function workingDaysText(left: number): string {
  return left < 0 ? `已逾期 ${String(-left)} 个工作日` : left === 0 ? '今天到期' : `剩 ${String(left)} 个工作日`;
}
