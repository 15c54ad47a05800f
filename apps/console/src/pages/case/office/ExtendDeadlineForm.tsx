import { DatePicker, Form, Input, Select, theme } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { CASE_COMMAND_LIMITS } from '@domain/case-commands';
import { DEADLINE_KINDS, type DeadlineKind } from '@domain/stages';
import { api, ApiError, unwrap, type Schemas } from '../../../api/client';
import { DraftNotice, Hint, StepButtons, StepRefusal } from '../actions/parts';
import { useDraft } from '../actions/useDraft';
import { useStep, type StepProps } from '../actions/useStep';
import { deadlineName } from './labels';

interface ExtensionValues {
  deadline?: DeadlineKind;
  /** YYYY-MM-DD: kept as text, so a draft keeps it too. */
  dueOn?: string;
  reason?: string;
}

const DATE = 'YYYY-MM-DD';

/** The rules' refusals that are about one field: shown on it, like the api's own field errors. */
const RULE_FIELDS: Readonly<Record<string, keyof ExtensionValues>> = {
  NOT_LATER: 'dueOn',
  DATE_INVALID: 'dueOn',
  REASON_REQUIRED: 'reason',
};

/** A refusal of the rules about one field, as a field error (so useStep puts it on that field). */
function onItsField(error: unknown): unknown {
  const field = error instanceof ApiError ? RULE_FIELDS[error.code] : undefined;
  if (!(error instanceof ApiError) || !field) return error;
  const message = error.messageEn ? `${error.messageZh} / ${error.messageEn}` : error.messageZh;
  return new ApiError(400, error.code, error.messageZh, error.messageEn, [{ field, messages: [message] }]);
}

/** The deadline the office most likely means: the current stage's, else the first the case has. */
function defaultDeadline(state: StepProps['state']): DeadlineKind {
  const stage = DEADLINE_KINDS.find((kind) => kind === state.stage);
  return stage ?? DEADLINE_KINDS.find((kind) => state.deadlines[kind] !== undefined) ?? 'cultivation';
}

/**
 * 延长期限: which deadline, the new due date (after the current one, which the picker opens on and marks), and why;
 * recorded as DeadlineExtended, and the reminders of that deadline move with it.
 */
export function ExtendDeadlineForm(props: StepProps) {
  const { state, person } = props;
  const { token } = theme.useToken();
  const [form] = Form.useForm<ExtensionValues>();
  const draft = useDraft(form, person, state.caseId, 'deadline-extension');
  const deadline = Form.useWatch('deadline', form) ?? defaultDeadline(state);
  const dueOn = Form.useWatch('dueOn', form);
  const current = state.deadlines[deadline];
  const pending = (state.pendingDeadline as { deadline?: string } | null)?.deadline === deadline;
  const step = useStep({
    props,
    form,
    draft,
    succeeded: `${deadlineName(deadline)}已延长至 ${dueOn ?? ''}`,
    send: (body: Schemas['ExtendDeadlineDto']) =>
      unwrap(api.POST('/api/cases/{caseId}/deadline-extensions', { params: { path: { caseId: state.caseId } }, body })).catch((error: unknown) => {
        throw onItsField(error);
      }),
  });

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ deadline: defaultDeadline(state), reason: '' }}
      onValuesChange={(changed: ExtensionValues) => {
        // Another deadline has another current date: a new date chosen for the last one may no longer be later.
        if (changed.deadline) form.setFieldValue('dueOn', undefined);
        draft.save();
      }}
      onFinish={() => {
        const values = form.getFieldsValue(true) as ExtensionValues;
        step.run({ deadline: values.deadline ?? deadline, dueOn: values.dueOn ?? '', reason: (values.reason ?? '').trim() });
      }}
    >
      <Hint>延长后，该期限的提醒按新期限重新安排；延期与理由记入审计记录，不能撤回。</Hint>
      <DraftNotice draft={draft} />
      <StepRefusal error={step.refusal} onReload={props.onReload} />
      <Form.Item label="期限" name="deadline" rules={[{ required: true, message: '请选择要延长的期限' }]}>
        <Select
          style={{ maxWidth: 320 }}
          options={DEADLINE_KINDS.map((kind) => ({
            value: kind,
            label: `${deadlineName(kind)}（${state.deadlines[kind] ? `当前 ${state.deadlines[kind]}` : '未设定'}）`,
          }))}
        />
      </Form.Item>
      <p style={{ color: token.colorTextSecondary }} aria-live="polite">
        {current ? `当前期限：${current}。新期限须晚于当前期限。` : pending ? '期限待定（工作日历尚未覆盖）：可在此直接设定。' : '尚未设定此期限：可在此设定。'}
      </p>
      <Form.Item
        label="新期限"
        name="dueOn"
        rules={[{ required: true, message: '请选择新期限' }]}
        getValueProps={(value: string | undefined) => ({ value: value ? dayjs(value) : undefined })}
        normalize={(value: Dayjs | null) => value?.format(DATE)}
      >
        <DatePicker
          format={DATE}
          style={{ width: 200 }}
          disabledDate={(day) => current !== undefined && !day.isAfter(dayjs(current), 'day')}
          {...(current ? { defaultPickerValue: dayjs(current) } : {})}
          // The current due date stays visible in the calendar, marked, so "how much later" can be seen.
          cellRender={(day, info) => {
            if (info.type !== 'date' || !dayjs.isDayjs(day) || !current || !day.isSame(dayjs(current), 'day')) return info.originNode;
            return (
              <div className="ant-picker-cell-inner" title={`当前期限 ${current}`} style={{ outline: `2px dashed ${token.colorWarning}`, outlineOffset: -2 }}>
                {day.date()}
              </div>
            );
          }}
        />
      </Form.Item>
      <Form.Item label="延期理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={CASE_COMMAND_LIMITS.reason} />
      </Form.Item>
      <StepButtons submit="确认延期" pending={step.pending} onCancel={props.onCancel} />
    </Form>
  );
}
