import { App, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap, type Schemas } from '../../../api/client';
import { DocumentUploader, documentIdsOf, uploadRules, type UploadItem } from './DocumentUploader';
import { DraftNotice, Hint, StepButtons, StepRefusal } from './parts';
import { useDraft } from './useDraft';
import { useStep, type StepProps } from './useStep';

interface DecisionValues {
  certified?: boolean;
  documentNumber?: string;
  /** YYYY-MM-DD: the form keeps the date as text, so a draft keeps it too. */
  certifiedOn?: string;
  reason?: string;
  documents?: UploadItem[];
}

const DATE = 'YYYY-MM-DD';

/** 金华市级认定: 认定 with its 文号 and date, or 不予认定 with a reason; notice files either way; confirmed first. */
export function JinhuaDecisionForm(props: StepProps) {
  const { state, person } = props;
  const { modal } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const draft = useDraft(form, person, state.caseId, 'jinhua-decision');
  const certified = Form.useWatch('certified', form);
  const step = useStep({
    props,
    form,
    draft,
    succeeded: '认定结果已录入',
    send: (body: Schemas['JinhuaDecisionDto']) => unwrap(api.POST('/api/cases/{caseId}/jinhua-decision', { params: { path: { caseId: state.caseId } }, body })),
  });

  const submit = () => {
    const values = form.getFieldsValue(true) as DecisionValues;
    const documentIds = documentIdsOf(values.documents);
    const files = documentIds.length ? { documentIds } : {};
    const body: Schemas['JinhuaDecisionDto'] = values.certified
      ? { certified: true, documentNumber: (values.documentNumber ?? '').trim(), certifiedOn: values.certifiedOn ?? '', ...files }
      : { certified: false, reason: (values.reason ?? '').trim(), ...files };
    void modal.confirm({
      title: values.certified ? `确认认定${state.unitName}？` : `确认对${state.unitName}不予认定？`,
      content: values.certified ? `认定文号：${body.documentNumber ?? ''}；认定日期：${body.certifiedOn ?? ''}。` : `不予认定理由：${body.reason ?? ''}`,
      okText: '确认提交',
      cancelText: '返回修改',
      onOk: () => step.run(body),
    });
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ documents: [] }} onValuesChange={draft.save} onFinish={submit}>
      <Hint>{state.unitName}已由市纪委推荐。请录入金华市纪委的认定结果；提交后记入审计记录，不能修改。</Hint>
      <DraftNotice draft={draft} />
      <StepRefusal error={step.refusal} onReload={props.onReload} />
      <Form.Item label="认定结果" name="certified" rules={[{ required: true, message: '请选择认定结果' }]}>
        <Radio.Group
          options={[
            { value: true, label: '认定' },
            { value: false, label: '不予认定' },
          ]}
        />
      </Form.Item>
      {certified === true && (
        <>
          <Form.Item label="认定文号" name="documentNumber" rules={[{ required: true, whitespace: true, message: '请填写认定文号' }]}>
            <Input maxLength={100} placeholder="例如：金纪〔2019〕12号" />
          </Form.Item>
          <Form.Item
            label="认定日期"
            name="certifiedOn"
            rules={[{ required: true, message: '请选择认定日期' }]}
            getValueProps={(value: string | undefined) => ({ value: value ? dayjs(value) : undefined })}
            normalize={(value: Dayjs | null) => value?.format(DATE)}
          >
            <DatePicker format={DATE} style={{ width: 200 }} />
          </Form.Item>
        </>
      )}
      {certified === false && (
        <Form.Item label="不予认定理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写不予认定理由' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2_000} />
        </Form.Item>
      )}
      <Form.Item label="认定通知等文件（选填）" name="documents" rules={uploadRules()}>
        <DocumentUploader caseId={state.caseId} label="认定通知等文件" />
      </Form.Item>
      <StepButtons submit="提交" pending={step.pending} onCancel={props.onCancel} />
    </Form>
  );
}
