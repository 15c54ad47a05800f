import { Modal } from 'antd';
import { api, unwrap } from '../../../api/client';
import { StepRefusal } from './parts';
import { useStep, type StepProps } from './useStep';

/** 申报自评: the unit declares its cultivation done (plan approved, a progress report filed); confirmed first. */
export function ReadinessDialog(props: StepProps) {
  const { state } = props;
  const step = useStep({
    props,
    succeeded: '已申报自评，请在期限内完成自评',
    send: () => unwrap(api.POST('/api/cases/{caseId}/readiness', { params: { path: { caseId: state.caseId } }, body: {} })),
  });
  return (
    <Modal open title="申报自评" okText="确认申报" cancelText="取消" confirmLoading={step.pending} onOk={() => step.run(undefined)} onCancel={props.onCancel}>
      <StepRefusal error={step.refusal} onReload={props.onReload} />
      <p>
        创建方案已通过，已提交 {state.progressReports} 份进度报告。申报后培育阶段结束，{state.unitName}进入自评阶段，须按指标体系逐项自评并上传佐证材料。
      </p>
      <p>确认申报自评？</p>
    </Modal>
  );
}
