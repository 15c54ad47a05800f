import { Form, Input, Modal } from 'antd';
import { api, unwrap, type Schemas } from '../../../api/client';
import { StepRefusal } from './parts';
import { useStep, type StepProps } from './useStep';

/** 推荐至金华: a unit that passed inspection, in an optional batch; confirmed first. */
export function RecommendDialog(props: StepProps) {
  const { state } = props;
  const [form] = Form.useForm<{ batch?: string }>();
  const step = useStep({
    props,
    form,
    succeeded: `已推荐${state.unitName}至金华市纪委认定`,
    send: (body: Schemas['RecommendDto']) => unwrap(api.POST('/api/cases/{caseId}/recommendation', { params: { path: { caseId: state.caseId } }, body })),
  });
  const outcome = state.lastOutcome as { total?: number } | null;
  return (
    <Modal open title="推荐至金华" okText="确认推荐" cancelText="取消" confirmLoading={step.pending} onOk={() => form.submit()} onCancel={props.onCancel}>
      <StepRefusal error={step.refusal} onReload={props.onReload} />
      <p>
        {state.unitName}已通过检查验收{outcome?.total === undefined ? '' : `（总分 ${String(outcome.total)}）`}。推荐后由金华市纪委认定，不能撤回。
      </p>
      <Form
        form={form}
        layout="vertical"
        onFinish={() => {
          const batch = ((form.getFieldsValue(true) as { batch?: string }).batch ?? '').trim();
          step.run(batch ? { batch } : {});
        }}
      >
        <Form.Item label="推荐批次（选填）" name="batch">
          <Input maxLength={100} placeholder="例如：2019-第一批" />
        </Form.Item>
      </Form>
      <p>确认推荐？</p>
    </Modal>
  );
}
