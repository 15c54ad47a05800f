import { Form } from 'antd';
import { api, unwrap, type Schemas } from '../../../api/client';
import { FrameworkGate } from './FrameworkGate';
import type { Framework } from './framework';
import { DraftNotice, Hint, StepButtons, StepRefusal } from './parts';
import { ScoreSheetFields, scoresOf, sheetFieldOf, type SheetValues } from './ScoreSheetFields';
import { useDraft } from './useDraft';
import { useStep, type StepProps } from './useStep';

function SelfAssessmentSheet({ framework, ...props }: StepProps & { framework: Framework }) {
  const { state, person } = props;
  const [form] = Form.useForm<SheetValues>();
  const draft = useDraft(form, person, state.caseId, 'self-assessment');
  const step = useStep({
    props,
    form,
    draft,
    fieldOf: sheetFieldOf(framework),
    succeeded: '自评已提交，进入检查验收',
    send: (body: Schemas['ScoreSheetDto']) => unwrap(api.POST('/api/cases/{caseId}/self-assessment', { params: { path: { caseId: state.caseId } }, body })),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      onValuesChange={draft.save}
      scrollToFirstError
      onFinish={() => step.run({ scores: scoresOf(framework, form.getFieldsValue(true) as SheetValues) })}
    >
      <Hint>
        按《{framework.name.zh}》（{framework.version} 版）逐项自评：每项得分从 0 至该项分值，标明“必附”的指标须上传佐证材料。提交后进入检查验收，不能修改。
      </Hint>
      <DraftNotice draft={draft} />
      <StepRefusal error={step.refusal} onReload={props.onReload} />
      <ScoreSheetFields framework={framework} caseId={state.caseId} mode={{ evidence: true, vetoes: 'list' }} />
      <StepButtons submit="提交" pending={step.pending} onCancel={props.onCancel} />
    </Form>
  );
}

/** 提交自评: every indicator of the case's framework scored, with evidence where it is required. */
export function SelfAssessmentForm(props: StepProps) {
  return <FrameworkGate props={props}>{(framework) => <SelfAssessmentSheet framework={framework} {...props} />}</FrameworkGate>;
}
