import { App, Button, Form, Input, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, unwrap, type Schemas } from '../../../api/client';
import { DocumentUploader, documentIdsOf, uploadRules, type UploadItem } from './DocumentUploader';
import { FrameworkGate } from './FrameworkGate';
import type { Framework } from './framework';
import { DraftNotice, Hint, StepButtons, StepRefusal } from './parts';
import { ScoreSheetFields, scoresOf, sheetFieldOf, type SheetValues } from './ScoreSheetFields';
import { useDraft } from './useDraft';
import { useStep, type StepProps } from './useStep';

interface InspectionValues extends SheetValues {
  findings?: (string | undefined)[];
  documents?: UploadItem[];
}

function InspectionSheet({ framework, ...props }: StepProps & { framework: Framework }) {
  const { state, person } = props;
  const { modal } = App.useApp();
  const round = state.inspection?.round ?? 1;
  const [form] = Form.useForm<InspectionValues>();
  const draft = useDraft(form, person, state.caseId, `inspection-scores:${String(round)}`);
  const step = useStep({
    props,
    form,
    draft,
    fieldOf: sheetFieldOf(framework),
    succeeded: `第 ${String(round)} 轮评分已提交`,
    send: (body: Schemas['InspectionScoresDto']) =>
      unwrap(api.POST('/api/cases/{caseId}/inspection-scores', { params: { path: { caseId: state.caseId } }, body })),
  });

  const submit = () => {
    const values = form.getFieldsValue(true) as InspectionValues;
    const vetoes = values.vetoes ?? [];
    const documentIds = documentIdsOf(values.documents);
    const body: Schemas['InspectionScoresDto'] = {
      scores: scoresOf(framework, values),
      vetoes,
      findings: (values.findings ?? []).map((finding) => (finding ?? '').trim()).filter(Boolean),
      ...(documentIds.length ? { documentIds } : {}),
    };
    if (vetoes.length === 0) {
      step.run(body);
      return;
    }
    const names = framework.vetoItems.filter((item) => vetoes.includes(item.code)).map((item) => `${item.code} ${item.name.zh}`);
    void modal.confirm({
      title: '确认一票否决？',
      content: (
        <>
          <p>您勾选了一票否决情形：</p>
          <ul>
            {names.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
          <p>一票否决事关重大：无论得分多少，本单位本年度都将不予推荐。评分提交后不能修改。</p>
        </>
      ),
      okText: '确认否决并提交',
      okButtonProps: { danger: true },
      cancelText: '返回修改',
      onOk: () => step.run(body),
    });
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ findings: [''], documents: [], vetoes: [] }}
      onValuesChange={draft.save}
      scrollToFirstError
      onFinish={submit}
    >
      <Hint>
        第 {round} 轮检查验收，按《{framework.name.zh}》逐项评分。检查组成员各自独立评分，本轮结束前彼此看不到对方的评分；提交后不能修改。
      </Hint>
      <DraftNotice draft={draft} />
      <StepRefusal error={step.refusal} onReload={props.onReload} />
      <ScoreSheetFields framework={framework} caseId={state.caseId} mode={{ evidence: false, vetoes: 'check' }} />
      <section aria-labelledby="findings-title" style={{ marginBottom: 16 }}>
        <Typography.Title level={2} id="findings-title" style={{ fontSize: 15 }}>
          检查发现
        </Typography.Title>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Form.Item label={`检查发现 ${String(index + 1)}`} name={field.name} style={{ flex: 1 }}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2_000} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)} aria-label={`删除检查发现 ${String(index + 1)}`} style={{ marginTop: 30 }}>
                    删除
                  </Button>
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add('')}>
                添加检查发现
              </Button>
            </>
          )}
        </Form.List>
      </section>
      <Form.Item label="检查发现材料" name="documents" rules={uploadRules()}>
        <DocumentUploader caseId={state.caseId} label="检查发现材料" />
      </Form.Item>
      <StepButtons submit="提交" pending={step.pending} onCancel={props.onCancel} />
    </Form>
  );
}

/** 提交检查评分: one assessor's independent sheet for the open round, with findings, their files and any veto found. */
export function InspectionScoresForm(props: StepProps) {
  return <FrameworkGate props={props}>{(framework) => <InspectionSheet framework={framework} {...props} />}</FrameworkGate>;
}
