import type { ReactNode } from 'react';
import { Button, Col, DatePicker, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CASE_STAGES } from '@domain/stages';
import { CATEGORY_CODES } from '@domain/categories';
import { CampaignSelect } from '../../ui/CampaignSelect';
import { DueStatusTag } from '../../ui/DueStatusTag';
import { CATEGORY_NAMES, DUE_STATUS, STAGE_NAMES } from '../../ui/labels';
import type { LedgerFilter, LedgerFilterKey } from './ledger-filter';

const DATE = 'YYYY-MM-DD';
const OPEN_NAMES: Readonly<Record<string, string>> = { true: '在办', false: '已结束' };

/** The filters that select cases (the order is chosen on the table), each keeping its value in the URL. */
export const SELECTING_KEYS: readonly LedgerFilterKey[] = ['campaignId', 'category', 'stage', 'dueStatus', 'open', 'q', 'certifiedFrom', 'certifiedTo'];

/** The filters chosen from a list: which key of the URL, what the control is called, and its choices. */
const CHOICES: readonly {
  key: LedgerFilterKey;
  label: string;
  placeholder: string;
  options: readonly { value: string; label: ReactNode; title?: string }[];
}[] = [
  { key: 'category', label: '领域', placeholder: '全部领域', options: CATEGORY_CODES.map((code) => ({ value: code, label: CATEGORY_NAMES[code] ?? code })) },
  { key: 'stage', label: '阶段', placeholder: '全部阶段', options: CASE_STAGES.map((stage) => ({ value: stage, label: STAGE_NAMES[stage] ?? stage })) },
  {
    key: 'dueStatus',
    label: '期限状态',
    placeholder: '全部期限状态',
    // The colour with the word, as everywhere (the title is the word, for finding the option).
    options: Object.entries(DUE_STATUS).map(([value, { word }]) => ({ value, label: <DueStatusTag status={value} />, title: word })),
  },
  { key: 'open', label: '办理状态', placeholder: '在办与已结束', options: Object.entries(OPEN_NAMES).map(([value, label]) => ({ value, label })) },
];

/**
 * 台账的筛选: campaign (newest year first), category, stage, due status (colour and word), open or closed, the unit's name and
 * the certification dates. Each change goes to the URL (and back to the first page).
 */
export function LedgerFilters({ filter, onChange }: { filter: LedgerFilter; onChange: (changes: LedgerFilter) => void }) {
  const day = (value: string | undefined) => (value ? dayjs(value, DATE) : null);
  const selecting = SELECTING_KEYS.some((key) => filter[key]);
  // Two to a row on a phone (the campaign, the name and the dates take a row each), so the cases stay near the top.
  const column = { xs: 12, lg: 8, xxl: 6 } as const;
  const wide = { xs: 24, sm: 12, lg: 8, xxl: 6 } as const;
  const full = { width: '100%' };

  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col {...wide}>
        <CampaignSelect
          aria-label="创建活动"
          placeholder="全部创建活动"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filter.campaignId}
          onChange={(value) => onChange({ campaignId: value })}
          style={full}
        />
      </Col>
      {CHOICES.map(({ key, label, placeholder, options }) => (
        <Col {...column} key={key}>
          <Select<string>
            aria-label={label}
            placeholder={placeholder}
            allowClear
            value={filter[key]}
            options={[...options]}
            onChange={(value) => onChange({ [key]: value })}
            style={full}
          />
        </Col>
      ))}
      <Col {...wide}>
        {/* Keyed on the URL's text, so applying a view or clearing the filters shows its text here too. */}
        <Input.Search
          key={filter.q ?? ''}
          aria-label="按单位名称搜索"
          placeholder="单位名称"
          allowClear
          defaultValue={filter.q}
          onSearch={(value) => onChange({ q: value.trim() || undefined })}
          style={full}
        />
      </Col>
      <Col {...wide}>
        <Row gutter={8} wrap={false}>
          <Col flex="1">
            <DatePicker
              aria-label="认定日期自"
              placeholder="认定日期自"
              format={DATE}
              value={day(filter.certifiedFrom)}
              disabledDate={(date: Dayjs) => Boolean(filter.certifiedTo && date.isAfter(dayjs(filter.certifiedTo, DATE), 'day'))}
              onChange={(date: Dayjs | null) => onChange({ certifiedFrom: date?.format(DATE) })}
              style={full}
            />
          </Col>
          <Col flex="1">
            <DatePicker
              aria-label="认定日期至"
              placeholder="认定日期至"
              format={DATE}
              value={day(filter.certifiedTo)}
              disabledDate={(date: Dayjs) => Boolean(filter.certifiedFrom && date.isBefore(dayjs(filter.certifiedFrom, DATE), 'day'))}
              onChange={(date: Dayjs | null) => onChange({ certifiedTo: date?.format(DATE) })}
              style={full}
            />
          </Col>
        </Row>
      </Col>
      {selecting && (
        <Col {...column}>
          <Button onClick={() => onChange(Object.fromEntries(SELECTING_KEYS.map((key) => [key, undefined])))}>清空筛选</Button>
        </Col>
      )}
    </Row>
  );
}
