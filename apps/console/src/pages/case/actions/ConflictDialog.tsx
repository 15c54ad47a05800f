import { Alert, Form, Modal, Radio, Skeleton, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { assessorName, useAssessorAccounts } from './assessors';
import { StepRefusal } from './parts';
import { useStep, type StepProps } from './useStep';

function useDeclareConflict(props: StepProps, options: { form?: FormInstance; succeeded: string; after?: () => void }) {
  return useStep({
    props,
    ...options,
    send: (assessorId: string) => unwrap(api.POST('/api/cases/{caseId}/conflicts', { params: { path: { caseId: props.state.caseId } }, body: { assessorId } })),
  });
}

/** The dialog both ways of declaring a conflict share: its confirmation, and the refusal when the api gives one. */
function ConflictModal(props: StepProps & { step: ReturnType<typeof useDeclareConflict>; onOk: () => void; children: ReactNode }) {
  return (
    <Modal
      open
      title="申报回避"
      okText="确认回避"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={props.step.pending}
      onOk={props.onOk}
      onCancel={props.onCancel}
    >
      <StepRefusal error={props.step.refusal} onReload={props.onReload} />
      {props.children}
    </Modal>
  );
}

/** 申报回避 by an assessor, for themself: they stop inspecting the unit and no longer see the case. */
function OwnConflictDialog(props: StepProps) {
  const navigate = useNavigate();
  const step = useDeclareConflict(props, {
    succeeded: '已申报回避，本案件不再由您检查',
    after: () => void navigate('/cases', { replace: true }),
  });
  return (
    <ConflictModal {...props} step={step} onOk={() => step.run(props.person.id)}>
      <p>如您曾在{props.state.unitName}任职、指导过其创建工作，或有其他可能影响公正的关系，应当申报回避。</p>
      <p>申报后您将不再检查本单位，也不再看到本案件；尚未结束的本轮评分中您的评分不计入。确认申报回避？</p>
    </ConflictModal>
  );
}

/** 申报回避 by the office, for an assessor: assigned ones first; those already declared are not offered. */
function OfficeConflictDialog(props: StepProps) {
  const { state } = props;
  const accounts = useAssessorAccounts();
  const [form] = Form.useForm<{ assessorId?: string }>();
  const step = useDeclareConflict(props, { form, succeeded: '已申报回避' });
  const assigned = state.assessorIds.filter((id) => !state.conflictedAssessorIds.includes(id));
  const others = (accounts.data ?? []).map((account) => account.id).filter((id) => !assigned.includes(id) && !state.conflictedAssessorIds.includes(id));
  return (
    <ConflictModal {...props} step={step} onOk={() => form.submit()}>
      <p>须回避的检查组成员将不再检查{state.unitName}，也不能再被指派；已指派的将从检查组中移除。</p>
      {accounts.isError && <Alert type="error" showIcon title="暂时无法读取检查组成员名单，请稍后重试" />}
      {accounts.isPending ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" onFinish={() => step.run((form.getFieldsValue(true) as { assessorId?: string }).assessorId ?? '')}>
          <Form.Item label="须回避的检查组成员" name="assessorId" rules={[{ required: true, message: '请选择须回避的检查组成员' }]}>
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
              options={[...assigned, ...others].map((id) => ({
                value: id,
                label: assigned.includes(id) ? `${assessorName(accounts.data, id)}（已指派）` : assessorName(accounts.data, id),
              }))}
            />
          </Form.Item>
        </Form>
      )}
    </ConflictModal>
  );
}

/** 申报回避: an assessor for themself (confirmed), the office for any assessor. */
export function ConflictDialog(props: StepProps) {
  return props.person.role === 'assessor' ? <OwnConflictDialog {...props} /> : <OfficeConflictDialog {...props} />;
}
