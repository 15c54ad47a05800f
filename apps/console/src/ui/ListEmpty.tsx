import { Empty } from 'antd';

/**
 * A list with nothing to show, and why: it could not be read, nothing matches the filter (清空筛选), or there is
 * nothing yet. `source` names what was read (审计日志), `item` what it lists (记录).
 */
export function ListEmpty({ failed, filtered, source, item }: { failed: boolean; filtered: boolean; source: string; item: string }) {
  if (failed) return <Empty description={`暂时无法读取${source}，请稍后重试`} />;
  return <Empty description={filtered ? `没有符合筛选条件的${item}（清空筛选）` : `暂无${item}`} />;
}
