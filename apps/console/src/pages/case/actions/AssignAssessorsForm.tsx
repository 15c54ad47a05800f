import { Alert, Checkbox, Form, Input, Skeleton } from 'antd';
import { api, unwrap, type Schemas } from '../../../api/client';
import { assessorName, useAssessorAccounts } from './assessors';
import { DraftNotice, Hint, StepButtons, StepRefusal } from './parts';
import { MINIMUM_ASSESSORS } from '@domain/indicators/scoring';
import { useDraft } from './useDraft';
import { useStep, type FieldName, type StepProps } from './useStep';

interface AssignValues {
  assessorIds?: string[];
  reason?: string;
}

function assignFieldOf(field: string): FieldName | undefined {
  return /^assessorIds(\[\d+\])?$/.test(field) ? ['assessorIds'] : undefined;
}

type Account = Schemas['AccountDto'];

/** 指派检查组: at least two assessors, none with a conflict; replacing anyone already assigned needs a reason. */
export function AssignAssessorsForm(props: StepProps) {
  const accounts = useAssessorAccounts();
  if (accounts.isError) return <Alert type="error" showIcon title="暂时无法读取检查组成员名单，请稍后重试" />;
  if (!accounts.data) return <Skeleton active />;
  return <AssignAssessors {...props} accounts={accounts.data} />;
}

function AssignAssessors({ accounts, ...props }: StepProps & { accounts: readonly Account[] }) {
  const { state, person } = props;
  const [form] = Form.useForm<AssignValues>();
  const draft = useDraft(form, person, state.caseId, 'assessors');
  const selected = Form.useWatch('assessorIds', form) ?? state.assessorIds;
  const replaced = state.assessorIds.filter((id) => !selected.includes(id));
  const step = useStep({
    props,
    form,
    draft,
    fieldOf: assignFieldOf,
    succeeded: replaced.length ? '检查组已更换' : '检查组已指派',
    send: (body: Schemas['AssignAssessorsDto']) => unwrap(api.POST('/api/cases/{caseId}/assessors', { params: { path: { caseId: state.caseId } }, body })),
  });

  // Those already assigned stay listed even when their account is not (an assessor's api token).
  const known = new Set(accounts.map((account) => account.id));
  const options = [
    ...accounts.map((account) => ({ id: account.id, name: account.displayName })),
    ...state.assessorIds.filter((id) => !known.has(id)).map((id) => ({ id, name: id })),
  ].map(({ id, name }) => {
    const conflicted = state.conflictedAssessorIds.includes(id);
    // One who must recuse can still be removed, never chosen.
    const assigned = state.assessorIds.includes(id);
    return { value: id, label: conflicted ? `${name}（须回避${assigned ? '，请移除' : ''}）` : name, disabled: conflicted && !assigned };
  });

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ assessorIds: [...state.assessorIds], reason: '' }}
      onValuesChange={draft.save}
      onFinish={() => {
        const values = form.getFieldsValue(true) as AssignValues;
        const reason = (values.reason ?? '').trim();
        step.run({ assessorIds: values.assessorIds ?? [], ...(replaced.length && reason ? { reason } : {}) });
      }}
    >
      <Hint>
        检查验收须由至少 {MINIMUM_ASSESSORS} 名检查组成员独立评分。
        {state.assessorIds.length > 0 && `当前检查组：${state.assessorIds.map((id) => assessorName(accounts, id)).join('、')}。`}
      </Hint>
      <DraftNotice draft={draft} />
      <StepRefusal error={step.refusal} onReload={props.onReload} />
      <Form.Item
        label={`检查组成员（至少 ${String(MINIMUM_ASSESSORS)} 人）`}
        name="assessorIds"
        rules={[
          {
            validator: (_rule, value: string[] | undefined) =>
              (value ?? []).length >= MINIMUM_ASSESSORS ? Promise.resolve() : Promise.reject(new Error(`请至少选择 ${String(MINIMUM_ASSESSORS)} 名检查组成员`)),
          },
        ]}
      >
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} options={options} />
      </Form.Item>
      {replaced.length > 0 && (
        <Form.Item
          label={`更换理由（将不再检查：${replaced.map((id) => assessorName(accounts, id)).join('、')}）`}
          name="reason"
          rules={[{ required: true, whitespace: true, message: '更换检查组成员须说明理由' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2_000} />
        </Form.Item>
      )}
      <StepButtons submit={replaced.length ? '确认更换' : '确认指派'} pending={step.pending} onCancel={props.onCancel} />
    </Form>
  );
}
