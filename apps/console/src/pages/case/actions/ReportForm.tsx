import { Form, Input } from 'antd';
import { api, unwrap, type Schemas } from '../../../api/client';
import { DocumentUploader, documentIdsOf, uploadedItems, uploadRules, type UploadItem } from './DocumentUploader';
import { DraftNotice, Hint, reportOf, StepButtons, StepRefusal } from './parts';
import { useDraft } from './useDraft';
import { useStep, type StepProps } from './useStep';

/** The three reports a unit files: its creation plan, its progress, its rectification. */
export type ReportKind = 'plan' | 'progress' | 'rectification';

const REPORTS: Readonly<Record<ReportKind, { summary: string; files: string; hint: string; succeeded: string }>> = {
  plan: {
    summary: '创建方案内容',
    files: '创建方案文件',
    hint: '说明本单位的创建目标、主要举措和进度安排，并附创建方案文件。提交后由市纪委项目办审核。',
    succeeded: '创建方案已提交，等待市纪委项目办审核',
  },
  progress: {
    summary: '进度报告内容',
    files: '进度报告文件',
    hint: '说明本阶段创建工作的进展、成效和下一步安排。',
    succeeded: '进度报告已提交',
  },
  rectification: {
    summary: '整改情况',
    files: '整改报告文件',
    hint: '逐项说明检查验收发现问题的整改情况。提交后进入下一轮检查验收。',
    succeeded: '整改报告已提交，将进入下一轮检查验收',
  },
};

interface ReportValues {
  summary?: string;
  documents?: UploadItem[];
}

function send(kind: ReportKind, caseId: string, body: Schemas['ReportDto']) {
  const params = { path: { caseId } };
  switch (kind) {
    case 'plan':
      return unwrap(api.POST('/api/cases/{caseId}/plan', { params, body }));
    case 'progress':
      return unwrap(api.POST('/api/cases/{caseId}/progress-reports', { params, body }));
    case 'rectification':
      return unwrap(api.POST('/api/cases/{caseId}/rectification', { params, body }));
  }
}

/** The plan a returned plan is resubmitted from: what was filed last, files and all. */
function lastPlan(props: StepProps): ReportValues {
  const filed = props.state.planStatus === 'returned' ? props.events.filter((event) => event.type === 'PlanSubmitted').at(-1) : undefined;
  if (!filed) return { summary: '', documents: [] };
  const { summary, documents } = reportOf(filed.payload);
  return { summary, documents: uploadedItems(documents) };
}

/** 提交创建方案 / 进度报告 / 整改报告: a summary and files, uploaded as they are chosen. */
export function ReportForm({ kind, ...props }: StepProps & { kind: ReportKind }) {
  const { state, person } = props;
  const report = REPORTS[kind];
  const [form] = Form.useForm<ReportValues>();
  const draft = useDraft(form, person, state.caseId, kind);
  const step = useStep({
    props,
    form,
    draft,
    succeeded: report.succeeded,
    send: (body: Schemas['ReportDto']) => send(kind, state.caseId, body),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={kind === 'plan' ? lastPlan(props) : { summary: '', documents: [] }}
      onValuesChange={draft.save}
      onFinish={() => {
        // Read from the store itself: antd 6's onFinish leaves out values of fields it did not render.
        const values = form.getFieldsValue(true) as ReportValues;
        const documentIds = documentIdsOf(values.documents);
        step.run({ summary: (values.summary ?? '').trim(), ...(documentIds.length ? { documentIds } : {}) });
      }}
    >
      <Hint>{report.hint}</Hint>
      {kind === 'plan' && state.planStatus === 'returned' && <Hint>方案已按上次提交的内容填好，请根据退回理由修改后重新提交。</Hint>}
      <DraftNotice draft={draft} />
      <StepRefusal error={step.refusal} onReload={props.onReload} />
      <Form.Item label={report.summary} name="summary" rules={[{ required: true, whitespace: true, message: `请填写${report.summary}` }]}>
        <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} maxLength={20_000} />
      </Form.Item>
      <Form.Item label={report.files} name="documents" rules={uploadRules()}>
        <DocumentUploader caseId={state.caseId} label={report.files} />
      </Form.Item>
      <StepButtons submit="提交" pending={step.pending} onCancel={props.onCancel} />
    </Form>
  );
}
