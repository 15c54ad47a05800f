import { useState } from 'react';
import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { api, unwrap, type Schemas } from '../../../api/client';
import { formatTime } from '../../../ui/labels';
import { DraftNotice, Hint, RecordedDocuments, reportOf, StepRefusal } from './parts';
import { useDraft } from './useDraft';
import { useStep, type StepProps } from './useStep';

/** 退回创建方案: the reason, required, in a dialog over the plan. */
function ReturnDialog({ props, onClose }: { props: StepProps; onClose: () => void }) {
  const { state, person } = props;
  const [form] = Form.useForm<{ reason?: string }>();
  const draft = useDraft(form, person, state.caseId, 'plan-return');
  const step = useStep({
    props,
    form,
    draft,
    succeeded: '创建方案已退回，单位联络人将看到退回理由',
    send: (body: Schemas['ReviewPlanDto']) => unwrap(api.POST('/api/cases/{caseId}/plan/review', { params: { path: { caseId: state.caseId } }, body })),
  });
  return (
    <Modal
      open
      title="退回创建方案"
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="return" type="primary" loading={step.pending} onClick={() => form.submit()}>
          确认退回
        </Button>,
      ]}
    >
      <StepRefusal error={step.refusal} onReload={props.onReload} />
      <DraftNotice draft={draft} />
      <Form
        form={form}
        layout="vertical"
        onValuesChange={draft.save}
        onFinish={() => step.run({ approve: false, reason: ((form.getFieldsValue(true) as { reason?: string }).reason ?? '').trim() })}
      >
        <Form.Item label="退回理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写退回理由，单位将据此修改方案' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 审核创建方案: the plan as filed, then 通过, or 退回 with a reason. */
export function PlanReviewForm(props: StepProps) {
  const [returning, setReturning] = useState(false);
  const { state } = props;
  const approve = useStep({
    props,
    succeeded: '创建方案已通过',
    send: (body: Schemas['ReviewPlanDto']) => unwrap(api.POST('/api/cases/{caseId}/plan/review', { params: { path: { caseId: state.caseId } }, body })),
  });
  const filed = props.events.filter((event) => event.type === 'PlanSubmitted').at(-1);
  const plan = filed ? reportOf(filed.payload) : null;
  return (
    <>
      <StepRefusal error={approve.refusal} onReload={props.onReload} />
      {filed && plan ? (
        <section aria-labelledby="plan-title">
          <Typography.Title level={2} id="plan-title" style={{ fontSize: 15 }}>
            {state.unitName}的创建方案
          </Typography.Title>
          <Hint>提交于 {formatTime(filed.occurredAt)}</Hint>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{plan.summary}</Typography.Paragraph>
          <Typography.Title level={3} style={{ fontSize: 14 }}>
            方案文件
          </Typography.Title>
          <RecordedDocuments documents={plan.documents} />
        </section>
      ) : (
        <Hint>正在读取创建方案…</Hint>
      )}
      <Space wrap style={{ marginTop: 16 }}>
        <Button type="primary" loading={approve.pending} onClick={() => approve.run({ approve: true })}>
          通过
        </Button>
        <Button onClick={() => setReturning(true)}>退回</Button>
        <Button onClick={props.onCancel}>取消</Button>
      </Space>
      {returning && <ReturnDialog props={props} onClose={() => setReturning(false)} />}
    </>
  );
}
