import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, List, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { BULK_ACTION_KIND_NAMES, BULK_ACTION_KINDS, MAX_EXTENSION_WORKING_DAYS, type BulkActionKind } from '@domain/bulk-actions';
import { CASE_COMMAND_LIMITS } from '@domain/case-commands';
import { MINIMUM_ASSESSORS } from '@domain/indicators/scoring';
import { api, ApiError, unwrap, type Schemas } from '../../api/client';
import { useAssessorAccounts } from '../case/actions/assessors';
import { STAGE_NAMES } from '../../ui/labels';
import { chineseOf, Refusal } from '../../ui/problems';
import type { LedgerFilter } from './ledger-filter';
import { selectionOf } from './ledger-view';

const DATE = 'YYYY-MM-DD';

interface BulkValues {
  kind: BulkActionKind;
  /** 延长期限: to one new date, or by working days from each case's own due date. */
  extendBy: 'date' | 'workingDays';
  newDueOn?: string;
  workingDays?: number;
  reason?: string;
  message?: string;
  assessorIds?: string[];
}

type Preview = Schemas['BulkActionPreviewDto'];
type Parameters = Schemas['BulkActionParametersDto'];

/** The parameters a kind takes, from the form's values (the others are left out: the api refuses them). */
function parametersOf(values: BulkValues): Parameters {
  const reason = values.reason?.trim() ?? '';
  switch (values.kind) {
    case 'extend_deadline':
      return values.extendBy === 'date' ? { newDueOn: values.newDueOn ?? '', reason } : { workingDays: values.workingDays ?? 0, reason };
    case 'urge':
      return values.message?.trim() ? { message: values.message.trim() } : {};
    case 'assign_assessors':
      return { assessorIds: values.assessorIds ?? [], ...(reason ? { reason } : {}) };
  }
}

/** What the action will do, in words, for the confirmation. */
function describe(values: BulkValues, assessorName: (id: string) => string): string {
  const reason = values.reason?.trim();
  switch (values.kind) {
    case 'extend_deadline':
      return `${values.extendBy === 'date' ? `当前期限改为 ${values.newDueOn ?? ''}` : `当前期限顺延 ${String(values.workingDays ?? 0)} 个工作日`}；理由：${reason ?? ''}`;
    case 'urge':
      return values.message?.trim() ? `催办附言：${values.message.trim()}` : '不附言';
    case 'assign_assessors':
      return `检查组：${(values.assessorIds ?? []).map(assessorName).join('、')}${reason ? `；理由：${reason}` : ''}`;
  }
}

/** The api's field `parameters.reason` is the form's `reason`. */
const formFieldOf = (field: string): keyof BulkValues | undefined => {
  const name = /^parameters\.(\w+)/.exec(field)?.[1];
  return name === 'newDueOn' || name === 'workingDays' || name === 'reason' || name === 'message' || name === 'assessorIds' ? name : undefined;
};

/**
 * 对筛选结果批量操作: the action and its parameters, then the exact count the selection has now (and the first cases by
 * name) to confirm; nothing runs before that confirmation. The action then runs in the background, watched on its page.
 */
export function BulkActionDialog({ filter, onClose }: { filter: LedgerFilter; onClose: () => void }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<BulkValues>();
  // Undefined until the form is first rendered.
  const kind = (Form.useWatch('kind', form) as BulkActionKind | undefined) ?? 'extend_deadline';
  const extendBy = (Form.useWatch('extendBy', form) as BulkValues['extendBy'] | undefined) ?? 'date';
  const assessors = useAssessorAccounts();
  const assessorName = (id: string) => assessors.data?.find((account) => account.id === id)?.displayName ?? id;
  const [confirming, setConfirming] = useState<{ values: BulkValues; preview: Preview; changedFrom?: number } | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const selection = selectionOf(filter);

  const preview = useMutation({
    mutationFn: (values: BulkValues) => unwrap(api.POST('/api/bulk-actions/preview', { body: { kind: values.kind, filter: selection } })),
  });
  const start = useMutation({
    mutationFn: ({ values, count }: { values: BulkValues; count: number }) =>
      unwrap(api.POST('/api/bulk-actions', { body: { kind: values.kind, filter: selection, expectedCount: count, parameters: parametersOf(values) } })),
    onSuccess: (started) => void navigate(`/bulk-actions/${started.id}`),
  });

  const review = async (values: BulkValues, changedFrom?: number) => {
    setRefusal(null);
    try {
      setConfirming({ values, preview: await preview.mutateAsync(values), ...(changedFrom === undefined ? {} : { changedFrom }) });
    } catch (error) {
      setRefusal(error);
    }
  };

  const run = async (values: BulkValues, count: number) => {
    setRefusal(null);
    try {
      await start.mutateAsync({ values, count });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SELECTION_CHANGED') {
        // Counted again: the new count is shown, to be confirmed anew.
        await review(values, count);
        return;
      }
      const placed =
        error instanceof ApiError
          ? error.fields.flatMap(({ field, messages }) => {
              const name = formFieldOf(field);
              return name ? [{ name, errors: messages.map(chineseOf) }] : [];
            })
          : [];
      if (placed.length) {
        setConfirming(null);
        form.setFields(placed);
      } else setRefusal(error);
    }
  };

  const footer = confirming ? (
    <Space wrap>
      <Button onClick={() => setConfirming(null)}>返回修改</Button>
      {confirming.preview.count > 0 && confirming.preview.count <= confirming.preview.maxCases && (
        <Button type="primary" danger loading={start.isPending} onClick={() => void run(confirming.values, confirming.preview.count)}>
          {`确认执行（${String(confirming.preview.count)} 件）`}
        </Button>
      )}
    </Space>
  ) : (
    <Space wrap>
      <Button onClick={onClose}>取消</Button>
      <Button type="primary" loading={preview.isPending} onClick={() => form.submit()}>
        下一步：确认范围
      </Button>
    </Space>
  );

  return (
    <Modal title="对筛选结果批量操作" open onCancel={onClose} footer={footer} destroyOnHidden width={640}>
      <Refusal error={refusal} />
      {confirming && <Confirmation {...confirming} describe={(values) => describe(values, assessorName)} />}
      {/* Hidden, not removed, while confirming: 返回修改 finds what was entered. */}
      <div hidden={Boolean(confirming)}>
        <Form<BulkValues>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'extend_deadline', extendBy: 'date', workingDays: 5 }}
          onFinish={() => void review(form.getFieldsValue(true) as BulkValues)}
        >
          <Typography.Paragraph type="secondary">对台账当前筛选出的全部案件（不只本页）逐件办理。下一步先核对案件数，确认后才执行。</Typography.Paragraph>
          <Form.Item label="操作" name="kind">
            <Radio.Group
              optionType="button"
              options={BULK_ACTION_KINDS.map((value) => ({ value, label: BULK_ACTION_KIND_NAMES[value].zh }))}
              onChange={() => form.setFields([{ name: 'reason', errors: [] }])}
            />
          </Form.Item>
          {kind === 'extend_deadline' && (
            <>
              <Form.Item label="延长方式" name="extendBy">
                <Radio.Group
                  options={[
                    { value: 'date', label: '统一改为新期限' },
                    { value: 'workingDays', label: '各自顺延若干工作日' },
                  ]}
                />
              </Form.Item>
              {extendBy === 'date' ? (
                <Form.Item
                  label="新期限"
                  name="newDueOn"
                  rules={[{ required: true, message: '请选择新期限' }]}
                  getValueProps={(value: string | undefined) => ({ value: value ? dayjs(value, DATE) : undefined })}
                  normalize={(value: Dayjs | null) => value?.format(DATE)}
                  extra="须晚于今天；早于或等于某案件当前期限的，该案件将被拒绝。"
                >
                  <DatePicker format={DATE} style={{ width: 200 }} disabledDate={(day: Dayjs) => !day.isAfter(dayjs(), 'day')} />
                </Form.Item>
              ) : (
                <Form.Item
                  label="顺延工作日数"
                  name="workingDays"
                  rules={[{ required: true, message: '请填写顺延的工作日数' }]}
                  extra="从各案件当前期限起，按工作日历顺延（节假日不计）。"
                >
                  <InputNumber min={1} max={MAX_EXTENSION_WORKING_DAYS} precision={0} style={{ width: 200 }} />
                </Form.Item>
              )}
              <Form.Item label="延期理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={CASE_COMMAND_LIMITS.reason} />
              </Form.Item>
            </>
          )}
          {kind === 'urge' && (
            <Form.Item label="催办附言（可不填）" name="message" extra="通知写明各单位待办的事项与期限。">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={CASE_COMMAND_LIMITS.urgeMessage} />
            </Form.Item>
          )}
          {kind === 'assign_assessors' && (
            <>
              <Form.Item
                label={`检查组成员（至少 ${String(MINIMUM_ASSESSORS)} 人）`}
                name="assessorIds"
                rules={[
                  {
                    validator: (_rule, value: string[] | undefined) =>
                      (value ?? []).length >= MINIMUM_ASSESSORS
                        ? Promise.resolve()
                        : Promise.reject(new Error(`请至少选择 ${String(MINIMUM_ASSESSORS)} 名检查组成员`)),
                  },
                ]}
              >
                <Select<string[]>
                  mode="multiple"
                  loading={assessors.isLoading}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(assessors.data ?? []).map((account) => ({ value: account.id, label: account.displayName }))}
                />
              </Form.Item>
              <Form.Item label="理由（更换已指派的成员时必填）" name="reason">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={CASE_COMMAND_LIMITS.reason} />
              </Form.Item>
            </>
          )}
        </Form>
      </div>
    </Modal>
  );
}

/** The count to confirm, the first cases by name, and what will be done to each. */
function Confirmation({
  values,
  preview,
  changedFrom,
  describe,
}: {
  values: BulkValues;
  preview: Preview;
  changedFrom?: number;
  describe: (values: BulkValues) => string;
}) {
  const action = BULK_ACTION_KIND_NAMES[values.kind].zh;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {changedFrom !== undefined && (
        <Alert
          role="alert"
          type="warning"
          showIcon
          title={`筛选结果已变化：现为 ${String(preview.count)} 件（确认时为 ${String(changedFrom)} 件），请重新确认`}
        />
      )}
      {preview.count === 0 ? (
        <Alert type="info" showIcon title="筛选结果中没有案件，无需执行" />
      ) : preview.count > preview.maxCases ? (
        <Alert type="error" showIcon title={`筛选结果共 ${String(preview.count)} 件，一次至多 ${String(preview.maxCases)} 件，请缩小范围`} />
      ) : (
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {`将对 ${String(preview.count)} 件案件执行「${action}」`}
        </Typography.Title>
      )}
      <Typography.Text>{describe(values)}</Typography.Text>
      {preview.sample.length > 0 && (
        <List
          size="small"
          bordered
          header={preview.count > preview.sample.length ? `前 ${String(preview.sample.length)} 件（按单位名称），共 ${String(preview.count)} 件` : '案件'}
          dataSource={preview.sample}
          renderItem={(item) => (
            <List.Item>
              <Space wrap>
                {item.unitName}
                <Tag>{STAGE_NAMES[item.stage] ?? item.stage}</Tag>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Typography.Text type="secondary">
        各案件按自身的规则办理：不适用的案件将被拒绝并说明原因，其余照常完成。操作记入各案件的审计记录，不能撤回。
      </Typography.Text>
    </Space>
  );
}
