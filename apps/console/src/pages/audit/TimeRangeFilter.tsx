import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useUrlParams } from '../../ui/useUrlParams';

const DATE = 'YYYY-MM-DD';

/** 时间范围: two dates in the URL (`from`, `to`, both days whole in Beijing time, as the api reads them). */
export function TimeRangeFilter() {
  const { get, set } = useUrlParams();
  const from = get('from');
  const to = get('to');
  return (
    <DatePicker.RangePicker
      aria-label="按时间范围筛选"
      placeholder={['起始日期', '截止日期']}
      format={DATE}
      allowEmpty={[true, true]}
      value={[from ? dayjs(from, DATE) : null, to ? dayjs(to, DATE) : null]}
      onChange={(dates) => set({ from: dates?.[0]?.format(DATE), to: dates?.[1]?.format(DATE), page: undefined })}
      style={{ width: 260 }}
    />
  );
}
