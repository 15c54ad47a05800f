import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, TimePicker, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { CAMPAIGN_YEARS, MAX_BEFORE_DUE_REMINDERS, MAX_REMINDER_WORKING_DAYS, MAX_STAGE_DAYS, type CampaignSettings } from '@domain/campaign-settings';
import { CATEGORY_CODES, type CategoryCode } from '@domain/categories';
import { DEFAULT_STAGE_DURATIONS, DURATION_UNITS, type DurationUnit } from '@domain/deadlines';
import { DEFAULT_THRESHOLDS, MAX_RECTIFICATION_ROUNDS } from '@domain/indicators/scoring';
import { DEFAULT_REMINDER_POLICY } from '@domain/reminders';
import { DEADLINE_KINDS, type DeadlineKind } from '@domain/stages';
import type { Schemas } from '../../api/client';
import { Hint } from '../case/actions/parts';
import { CATEGORY_NAMES, DURATION_UNIT_NAMES, STAGE_NAMES } from '../../ui/labels';
import { Refusal } from '../../ui/problems';
import { useFormSubmit } from './parts';

/** What creating and editing a campaign send: everything but the year, which only creating sets. */
export type CampaignSettingsBody = Omit<Schemas['CreateCampaignDto'], 'year' | 'frameworkVersions' | 'stageDurationDays'>;

interface CampaignFormValues {
  year: number;
  name: string;
  thresholds: { pass: number; excellent: number; rectificationFloor: number; maxRectificationRounds: number };
  targets: Partial<Record<CategoryCode, number | null>>;
  stageDurations: Record<DeadlineKind, { days: number; unit: DurationUnit }>;
  reminderPolicy: {
    beforeDueWorkingDays: (number | null)[];
    onDueDay: boolean;
    overdueEveryWorkingDays: number;
    escalateAfterWorkingDays: number;
    sendAt: Dayjs | null;
  };
}

/** The campaign as the form starts: its own settings when it exists, the domain's defaults for a new one. */
export interface CampaignStart {
  readonly year: number;
  readonly name: string;
  readonly settings?: CampaignSettings;
}

const SHANGHAI_YEAR = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' });
export const thisYear = () => Number(SHANGHAI_YEAR.format(new Date()));

const timeOf = (hhmm: string): Dayjs => {
  const [hour = 9, minute = 0] = hhmm.split(':').map(Number);
  return dayjs().hour(hour).minute(minute).second(0).millisecond(0);
};

function valuesOf(start: CampaignStart): CampaignFormValues {
  const settings = start.settings;
  const policy = settings?.reminderPolicy ?? DEFAULT_REMINDER_POLICY;
  return {
    year: start.year,
    name: start.name,
    thresholds: { ...(settings?.thresholds ?? DEFAULT_THRESHOLDS) },
    targets: { ...settings?.targets },
    stageDurations: structuredClone(settings?.stageDurations ?? DEFAULT_STAGE_DURATIONS),
    reminderPolicy: { ...policy, beforeDueWorkingDays: [...policy.beforeDueWorkingDays], sendAt: timeOf(policy.sendAt) },
  };
}

function bodyOf(values: CampaignFormValues): CampaignSettingsBody {
  const targets = Object.fromEntries(Object.entries(values.targets).filter(([, count]) => typeof count === 'number'));
  const { beforeDueWorkingDays, sendAt, ...policy } = values.reminderPolicy;
  return {
    name: values.name.trim(),
    thresholds: values.thresholds,
    // The api documents targets as a free-form object (category → count).
    targets: targets as Record<string, never>,
    stageDurations: values.stageDurations,
    reminderPolicy: {
      ...policy,
      beforeDueWorkingDays: beforeDueWorkingDays.filter((days): days is number => typeof days === 'number'),
      sendAt: (sendAt ?? timeOf(DEFAULT_REMINDER_POLICY.sendAt)).format('HH:mm'),
    },
  };
}

/** Problems the api names for the thresholds as a whole (their order) go on the pass mark, where the order starts. */
const FIELD_NAMES: Readonly<Record<string, (string | number)[]>> = { thresholds: ['thresholds', 'pass'] };

const section = (title: string) => (
  <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
    {title}
  </Typography.Title>
);

const wholeNumber = (min: number, max: number) => ({ min, max, precision: 0, style: { width: '100%' } });

/**
 * A campaign's settings, every field starting from its domain default (or the campaign's own value) and explained;
 * the api's refusals land on the fields they name. Creates a campaign (with its year) or edits one (without).
 */
export function CampaignForm({
  start,
  creating,
  save,
  submitText,
  onSaved,
  onCancel,
}: {
  start: CampaignStart;
  creating: boolean;
  save: (body: CampaignSettingsBody, year: number) => Promise<Schemas['CampaignDto']>;
  submitText: string;
  onSaved: (campaign: Schemas['CampaignDto']) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<CampaignFormValues>();
  const saving = useFormSubmit({
    form,
    // antd 6's onFinish leaves out Form.List values: read the whole form.
    send: () => {
      const values = form.getFieldsValue(true) as CampaignFormValues;
      return save(bodyOf(values), values.year);
    },
    onSuccess: onSaved,
    fieldNames: FIELD_NAMES,
    // A name already taken that year is the name's problem.
    conflictsOn: { CAMPAIGN_EXISTS: 'name' },
  });
  // Undefined until the form has mounted, and while the field is empty.
  const year = Form.useWatch('year', form) as number | undefined;

  return (
    <Form<CampaignFormValues>
      form={form}
      layout="vertical"
      initialValues={valuesOf(start)}
      onFinish={() => saving.submit(undefined)}
      scrollToFirstError={{ block: 'center' }}
      aria-label={creating ? '新建创建活动' : '修改活动设置'}
    >
      <Refusal error={saving.refusal} />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small" title={section('基本信息')}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              {creating ? (
                <Form.Item label="年度" name="year" extra="活动所属年度，创建后不能修改" rules={[{ required: true, message: '请填写年度' }]}>
                  <InputNumber {...wholeNumber(CAMPAIGN_YEARS.first, CAMPAIGN_YEARS.last)} />
                </Form.Item>
              ) : (
                <Form.Item label="年度">
                  <Typography.Text>{start.year} 年（创建后不能修改）</Typography.Text>
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={16}>
              <Form.Item label="活动名称" name="name" extra="同一年度内名称不能重复" rules={[{ required: true, whitespace: true, message: '请填写活动名称' }]}>
                <Input maxLength={200} placeholder={`${String(year ?? start.year)}年永康市清廉细胞示范点创建`} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={section('评定分数线')}>
          <Hint>检查验收总分（满分 100）按以下分数线得出结论；须满足 整改线 ≤ 合格线 ≤ 优秀线。</Hint>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="合格线" name={['thresholds', 'pass']} extra={`达到此分即通过验收（缺省 ${String(DEFAULT_THRESHOLDS.pass)} 分）`}>
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="优秀线" name={['thresholds', 'excellent']} extra={`达到此分评为优秀（缺省 ${String(DEFAULT_THRESHOLDS.excellent)} 分）`}>
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item
                label="整改线"
                name={['thresholds', 'rectificationFloor']}
                extra={`低于合格线但不低于此分的，限期整改后再验收（缺省 ${String(DEFAULT_THRESHOLDS.rectificationFloor)} 分）`}
              >
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item
                label="最多整改轮次"
                name={['thresholds', 'maxRectificationRounds']}
                extra={`轮次用完仍未达合格线的不予推荐（缺省 ${String(DEFAULT_THRESHOLDS.maxRectificationRounds)} 轮，0 表示不整改）`}
              >
                <InputNumber {...wholeNumber(0, MAX_RECTIFICATION_ROUNDS)} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card size="small" title={section('创建目标')}>
          <Hint>各领域计划创建成功的示范点数量，督办看板据此对照进度；不填表示该领域不设目标。</Hint>
          <Row gutter={16}>
            {CATEGORY_CODES.map((category) => (
              <Col xs={12} md={8} lg={4} key={category}>
                <Form.Item
                  label={CATEGORY_NAMES[category]}
                  name={['targets', category]}
                  // A change names only the targets it sets: one set before can change, even to 0, but not go away.
                  rules={start.settings?.targets[category] === undefined ? [] : [{ required: true, message: '已设的目标不能清空，可改为 0' }]}
                >
                  <InputNumber {...wholeNumber(0, 10_000)} placeholder="不设" />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>

        <Card size="small" title={section('各阶段时限')}>
          <Hint>
            自进入该阶段次日起计算。工作日按国务院每年的节假日安排计算（法定节假日不计，调休上班的周末计入）；按自然日计算的到期日如遇节假日，顺延至下一工作日。
          </Hint>
          <Row gutter={16}>
            {DEADLINE_KINDS.map((kind) => (
              <Col xs={24} sm={12} key={kind}>
                <Form.Item
                  label={`${STAGE_NAMES[kind] ?? kind}期限`}
                  extra={`缺省 ${String(DEFAULT_STAGE_DURATIONS[kind].days)} 个${DURATION_UNIT_NAMES[DEFAULT_STAGE_DURATIONS[kind].unit] ?? ''}`}
                  required
                >
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item name={['stageDurations', kind, 'days']} noStyle rules={[{ required: true, message: '请填写天数' }]}>
                      <InputNumber {...wholeNumber(1, MAX_STAGE_DAYS)} aria-label={`${STAGE_NAMES[kind] ?? kind}期限天数`} />
                    </Form.Item>
                    <Form.Item name={['stageDurations', kind, 'unit']} noStyle>
                      <Select
                        aria-label={`${STAGE_NAMES[kind] ?? kind}期限单位`}
                        style={{ width: 110, flex: 'none' }}
                        options={DURATION_UNITS.map((unit) => ({ value: unit, label: DURATION_UNIT_NAMES[unit] }))}
                      />
                    </Form.Item>
                  </Space.Compact>
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>

        <Card size="small" title={section('提醒与督办')}>
          <Hint>提醒只在工作日、于北京时间的发送时刻发给单位联络人（站内通知，并按各人设置发邮件、推送工作群）；逾期督办同时报市纪委项目办。</Hint>
          <Form.Item label="到期前提醒" extra={`到期前第几个工作日提醒，至多 ${String(MAX_BEFORE_DUE_REMINDERS)} 次（缺省到期前 7 个和 1 个工作日）`}>
            <Form.List name={['reminderPolicy', 'beforeDueWorkingDays']}>
              {(fields, { add, remove }, { errors }) => (
                <>
                  <Space wrap>
                    {fields.map((field, index) => (
                      <Space.Compact key={field.key}>
                        <Form.Item name={field.name} noStyle>
                          <InputNumber
                            {...wholeNumber(1, MAX_REMINDER_WORKING_DAYS)}
                            style={{ width: 96 }}
                            aria-label={`到期前提醒第 ${String(index + 1)} 次（工作日）`}
                            suffix="天"
                          />
                        </Form.Item>
                        <Button icon={<DeleteOutlined />} aria-label={`删除第 ${String(index + 1)} 次到期前提醒`} onClick={() => remove(field.name)} />
                      </Space.Compact>
                    ))}
                    <Button disabled={fields.length >= MAX_BEFORE_DUE_REMINDERS} onClick={() => add(null)}>
                      添加提醒
                    </Button>
                  </Space>
                  <Form.ErrorList errors={errors} />
                </>
              )}
            </Form.List>
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="到期当日提醒" name={['reminderPolicy', 'onDueDay']} valuePropName="checked" extra="缺省提醒">
                <Switch checkedChildren="提醒" unCheckedChildren="不提醒" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item
                label="逾期提醒间隔（工作日）"
                name={['reminderPolicy', 'overdueEveryWorkingDays']}
                extra={`逾期后首个工作日提醒，此后每隔几个工作日再提醒；0 表示只提醒一次（缺省 ${String(DEFAULT_REMINDER_POLICY.overdueEveryWorkingDays)}）`}
              >
                <InputNumber {...wholeNumber(0, MAX_REMINDER_WORKING_DAYS)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item
                label="逾期督办（工作日）"
                name={['reminderPolicy', 'escalateAfterWorkingDays']}
                extra={`逾期满几个工作日报市纪委督办，仅一次（缺省 ${String(DEFAULT_REMINDER_POLICY.escalateAfterWorkingDays)}）`}
              >
                <InputNumber {...wholeNumber(1, MAX_REMINDER_WORKING_DAYS)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="发送时刻" name={['reminderPolicy', 'sendAt']} extra={`北京时间，仅工作日（缺省 ${DEFAULT_REMINDER_POLICY.sendAt}）`}>
                <TimePicker format="HH:mm" needConfirm={false} allowClear={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={saving.pending}>
            {submitText}
          </Button>
          <Button onClick={onCancel}>取消</Button>
        </Space>
      </Space>
    </Form>
  );
}
